using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>Find people in the user's locality. Searches are audited; restricted addresses stay hidden.</summary>
[Authorize(Policy = Policies.PeopleRead)]
public sealed class PeopleModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public const int MaxResults = 50;

    public sealed record Row(Guid Id, string Name, DateOnly? DateOfBirth, string Address, bool Restricted);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Row> Results { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var q = Q?.Trim();
        if (q is null || q.Length < 2 || current.LocalityId is not int locality)
        {
            return;
        }
        // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
        var like = "%" + q.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() + "%";
        var maySeeRestricted = current.MaySeeRestricted;
        var rows = await db.People.Where(p => p.LocalityId == locality)
            .Where(p => EF.Functions.Like((p.GivenName + " " + p.FamilyName).ToLower(), like)
                || (p.Household != null && (maySeeRestricted || !p.Household.Restricted) && (EF.Functions.Like(p.Household.Postcode.ToLower(), like) || EF.Functions.Like(p.Household.AddressLine.ToLower(), like))))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Take(MaxResults)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Restricted, Address = p.Household == null ? "" : p.Household.AddressLine + ", " + p.Household.Postcode })
            .ToListAsync();
        Results = rows.Select(r => new Row(r.Id, r.GivenName + " " + r.FamilyName, r.DateOfBirth, r.Restricted && !maySeeRestricted ? "" : r.Address, r.Restricted && !maySeeRestricted)).ToList();
        await AuditTrail.ReadAsync(db, AuditEventType.PersonalDataListed, "Person", null, locality, $"Search \"{q}\": {Results.Count} shown");
    }
}
