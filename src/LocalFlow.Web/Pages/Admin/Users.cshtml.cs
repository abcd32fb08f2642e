using System.Text.RegularExpressions;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

public sealed partial class UsersModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public sealed class UserInput
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<User> Users { get; private set; } = [];

    public static readonly (Roles Role, string Name)[] RoleList =
    [
        (Data.Entities.Roles.Administrator, "Administrator"),
        (Data.Entities.Roles.StudyTeam, "Study team"),
        (Data.Entities.Roles.LocalityWorker, "Locality worker"),
        (Data.Entities.Roles.Analyst, "Analyst"),
        (Data.Entities.Roles.Commissioner, "Commissioner"),
        (Data.Entities.Roles.DataOfficer, "Data officer"),
        (Data.Entities.Roles.Citizen, "Citizen member"),
        (Data.Entities.Roles.Steering, "Steering group"),
    ];

    public static IEnumerable<(string, string)> RoleOptions => RoleList.Select(r => (r.Role.ToString(), UsersText.RoleName(r.Role)));

    /// <summary>The roles in English, as the audit trail records them.</summary>
    public static string RoleNames(Roles roles) => string.Join(", ", RoleList.Where(r => roles.HasFlag(r.Role)).Select(r => r.Name));

    /// <summary>The roles as a page shows them, in the request's language.</summary>
    public static string RoleNamesShown(Roles roles) => string.Join(", ", RoleList.Where(r => roles.HasFlag(r.Role)).Select(r => UsersText.RoleName(r.Role)));

    public static Roles ParseRoles(IEnumerable<string> values)
    {
        var roles = Data.Entities.Roles.None;
        foreach (var v in values)
        {
            if (Enum.TryParse<Roles>(v, out var r) && RoleList.Any(x => x.Role == r))
            {
                roles |= r;
            }
        }
        return roles;
    }

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9.\-]{1,59}$")]
    private static partial Regex UserNamePattern();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var userName = Input.UserName?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(userName))
        {
            ModelState.AddModelError("Input.UserName", UsersText.EnterUserName);
        }
        else if (!UserNamePattern().IsMatch(userName))
        {
            ModelState.AddModelError("Input.UserName", UsersText.UserNameShape);
        }
        else if (await db.Users.AnyAsync(u => u.UserName == userName))
        {
            ModelState.AddModelError("Input.UserName", UsersText.UserNameTaken);
        }
        if (string.IsNullOrWhiteSpace(Input.DisplayName))
        {
            ModelState.AddModelError("Input.DisplayName", UsersText.EnterFullName);
        }
        var roles = ParseRoles(Input.Roles);
        if (roles == Data.Entities.Roles.None)
        {
            ModelState.AddModelError("Input.Roles", UsersText.ChooseRole);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var oneTime = Accounts.NewOneTimePassword();
        var user = new User { UserName = userName!, DisplayName = Input.DisplayName!.Trim(), Roles = roles, MustChangePassword = true, CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
        Accounts.SetPassword(user, oneTime);
        // New users work in the administrator's locality; change it on their page.
        foreach (var l in current.LocalityIds)
        {
            user.Localities.Add(new UserLocality { LocalityId = l });
        }
        // Access to people waits for a second administrator: the sign-in is made without it (AccessGrants).
        var (now, held) = AccessGrants.Split(user, new WantedAccess(roles, false, user.Localities.Select(l => l.LocalityId).ToHashSet()), Policies.PeopleRoles);
        user.Roles = now.Roles;
        user.Localities.RemoveAll(l => !now.Localities.Contains(l.LocalityId));
        db.Users.Add(user);
        AuditTrail.Add(db, AuditEventType.UserCreated, AuditOperation.Create, nameof(User), userName, null, $"Roles: {RoleNames(now.Roles)}");
        await db.SaveChangesAsync();
        if (held is not null)
        {
            new AccessGrants(db).Hold(held, user, current.UserId ?? 0);
            await db.SaveChangesAsync();
            TempData["Done"] = SecurityText.GrantHeld;
        }
        TempData["OneTime"] = oneTime;
        TempData["OneTimeUser"] = userName;
        return RedirectToPage();
    }

    private async Task LoadAsync() => Users = await db.Users.OrderBy(u => u.UserName).ToListAsync();
}
