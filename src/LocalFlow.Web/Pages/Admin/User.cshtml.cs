using System.Globalization;
using System.Security.Claims;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

public sealed class UserModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public sealed class AccountInput
    {
        public List<string> Roles { get; set; } = [];
        public List<string> Localities { get; set; } = [];
        public List<string> Agencies { get; set; } = [];
        public List<string> Teams { get; set; } = [];
        public List<string> Flags { get; set; } = [];
    }

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public User Account { get; private set; } = null!;
    public IReadOnlyList<(string, string)> LocalityOptions { get; private set; } = [];
    public IReadOnlyList<(string, string)> AgencyOptions { get; private set; } = [];
    public IReadOnlyList<(string, string)> TeamOptions { get; private set; } = [];

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Input = new AccountInput
        {
            Roles = UsersModel.RoleList.Where(r => Account.Roles.HasFlag(r.Role)).Select(r => r.Role.ToString()).ToList(),
            Localities = Account.Localities.Select(l => S(l.LocalityId)).ToList(),
            Agencies = Account.Agencies.Select(a => S(a.AgencyId)).ToList(),
            Teams = Account.Teams.Select(t => S(t.TeamId)).ToList(),
            Flags = [.. Account.MaySeeRestricted ? new[] { "restricted" } : [], .. Account.Disabled ? new[] { "disabled" } : []],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var roles = UsersModel.ParseRoles(Input.Roles);
        if (roles == Roles.None)
        {
            ModelState.AddModelError("Input.Roles", UsersText.ChooseRole);
        }
        var disabling = Input.Flags.Contains("disabled");
        if (Account.Id == current.UserId && (disabling || !roles.HasFlag(Roles.Administrator)))
        {
            ModelState.AddModelError("Input.Roles", UsersText.NotYourself);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var before = $"roles {UsersModel.RoleNames(Account.Roles)}; restricted {Account.MaySeeRestricted}; disabled {Account.Disabled}";
        var accessBefore = Access(Account);
        // Access to people or restricted records waits for a second administrator; the rest takes effect now.
        var (now, held) = AccessGrants.Split(Account, new WantedAccess(roles, Input.Flags.Contains("restricted"), Ids(Input.Localities)), Policies.PeopleRoles);
        Account.Roles = now.Roles;
        Account.MaySeeRestricted = now.MaySeeRestricted;
        Account.Disabled = disabling;
        Sync(Account.Localities, now.Localities.ToHashSet(), x => x.LocalityId, i => new UserLocality { UserId = id, LocalityId = i });
        Sync(Account.Agencies, Ids(Input.Agencies), x => x.AgencyId, i => new UserAgency { UserId = id, AgencyId = i });
        Sync(Account.Teams, Ids(Input.Teams), x => x.TeamId, i => new UserTeam { UserId = id, TeamId = i });
        var after = $"roles {UsersModel.RoleNames(Account.Roles)}; restricted {Account.MaySeeRestricted}; disabled {Account.Disabled}";
        // Any change to what the user may see or do ends their open sessions at once (docs/trust.md).
        var accessChanged = Access(Account) != accessBefore;
        if (accessChanged)
        {
            Accounts.RenewSecurityStamp(Account);
        }
        AuditTrail.Add(db, AuditEventType.UserChanged, AuditOperation.Update, nameof(User), Account.UserName, null, $"{before} → {after}");
        if (held is not null)
        {
            new AccessGrants(db).Hold(held, Account, current.UserId ?? 0);
        }
        await db.SaveChangesAsync();
        if (accessChanged && Account.Id == current.UserId)
        {
            // the administrator changed their own localities or memberships: carry on with the new ones
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(SignInModel.Identity(Account, await Visibility.WorkerOfUserAsync(db, Account.Id))));
        }
        TempData["Done"] = (accessChanged ? UsersText.SavedSessionEnds : UsersText.Saved)
            + (held is null ? "" : " " + SecurityText.GrantHeld);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var oneTime = Accounts.NewOneTimePassword();
        Accounts.SetPassword(Account, oneTime);
        Accounts.ClearFailures(Account);
        Account.MustChangePassword = true;
        AuditTrail.Add(db, AuditEventType.UserChanged, AuditOperation.Update, nameof(User), Account.UserName, null, "Password reset to a one-time password");
        await db.SaveChangesAsync();
        TempData["OneTime"] = oneTime;
        return RedirectToPage(new { id });
    }

    /// <summary>Everything about an account that decides what its sessions may see or do.</summary>
    private static string Access(User u) => string.Join('|',
        (int)u.Roles, u.MaySeeRestricted, u.Disabled,
        string.Join(',', u.Localities.Select(l => l.LocalityId).Order()),
        string.Join(',', u.Agencies.Select(a => a.AgencyId).Order()),
        string.Join(',', u.Teams.Select(t => t.TeamId).Order()));

    private HashSet<int> Ids(IEnumerable<string> values) => values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).Where(i => i > 0).ToHashSet();

    private static void Sync<T>(List<T> current, HashSet<int> wanted, Func<T, int> key, Func<int, T> make)
    {
        current.RemoveAll(x => !wanted.Contains(key(x)));
        foreach (var id in wanted.Where(w => !current.Any(x => key(x) == w)))
        {
            current.Add(make(id));
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        var user = await db.Users.Include(u => u.Localities).Include(u => u.Agencies).Include(u => u.Teams).SingleOrDefaultAsync(u => u.Id == id);
        if (user is null)
        {
            return false;
        }
        Account = user;
        LocalityOptions = (await db.Localities.OrderBy(l => l.Name).ToListAsync()).Select(l => (S(l.Id), l.Name)).ToList();
        AgencyOptions = (await db.Agencies.OrderBy(a => a.Name).ToListAsync()).Select(a => (S(a.Id), a.Name)).ToList();
        TeamOptions = (await db.Teams.Include(t => t.Agency).OrderBy(t => t.Agency!.ShortName).ThenBy(t => t.Name).ToListAsync()).Select(t => (S(t.Id), $"{t.Agency!.ShortName}: {t.Name}")).ToList();
        return true;
    }
}
