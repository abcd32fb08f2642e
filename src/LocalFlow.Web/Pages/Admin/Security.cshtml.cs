using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

/// <summary>
/// Grants of access to people or restricted records waiting for a second administrator, and the latest decisions
/// (issue 14, item 8). An administrator approves or refuses grants others asked for; never their own, nor one for
/// themselves (<see cref="AccessGrants"/>).
/// </summary>
public sealed class SecurityModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public const int DecidedShown = 20;

    public sealed record Row(AccessGrant Grant, string User, string RequestedBy, string? DecidedBy, bool Mine);

    public IReadOnlyList<Row> Pending { get; private set; } = [];
    public IReadOnlyList<Row> Decided { get; private set; } = [];
    public IReadOnlyDictionary<int, string> LocalityNames { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => DecideAsync(id, approve: true, ct);

    public Task<IActionResult> OnPostRefuseAsync(int id, CancellationToken ct) => DecideAsync(id, approve: false, ct);

    /// <summary>What the grant adds, in words.</summary>
    public string What(AccessGrant g)
    {
        var parts = new List<string>();
        if (g.Roles != Roles.None)
        {
            parts.Add(Text.Format(SecurityText.GrantRoles, UsersModel.RoleNamesShown(g.Roles)));
        }
        if (g.MaySeeRestricted)
        {
            parts.Add(SecurityText.GrantRestricted);
        }
        if (g.Localities.Count > 0)
        {
            parts.Add(Text.Format(SecurityText.GrantLocalities, string.Join(", ", g.Localities.Select(l => LocalityNames.TryGetValue(l, out var n) ? n : SecurityText.RemovedLocality))));
        }
        return string.Join("; ", parts);
    }

    private async Task<IActionResult> DecideAsync(int id, bool approve, CancellationToken ct)
    {
        var outcome = await new AccessGrants(db).DecideAsync(id, current.UserId ?? 0, approve, ct);
        switch (outcome)
        {
            case GrantOutcome.NotFound:
                return NotFound();
            case GrantOutcome.Done:
                TempData["Done"] = approve ? SecurityText.Approved : SecurityText.Refused;
                return RedirectToPage();
            default:
                ModelState.AddModelError("grant-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome == GrantOutcome.OwnGrant ? SecurityText.OwnGrant : SecurityText.AlreadyDecided);
                await LoadAsync(ct);
                return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var grants = new AccessGrants(db);
        var pending = await grants.PendingAsync(ct);
        var decided = await grants.DecidedAsync(DecidedShown, ct);
        var ids = pending.Concat(decided).SelectMany(g => new[] { g.UserId, g.RequestedById, g.DecidedById ?? 0 }).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
        LocalityNames = await db.Localities.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        string Name(int? id) => id is int i && names.TryGetValue(i, out var n) ? n : SecurityText.Unknown;
        var me = current.UserId;
        Row ToRow(AccessGrant g) => new(g, Name(g.UserId), Name(g.RequestedById), g.DecidedById is null ? null : Name(g.DecidedById), g.RequestedById == me || g.UserId == me);
        Pending = [.. pending.Select(ToRow)];
        Decided = [.. decided.Select(ToRow)];
    }
}
