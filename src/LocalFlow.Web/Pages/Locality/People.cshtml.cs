using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.LocalityWork;
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

    /// <summary>
    /// People of the locality whose name (or, for those the viewer sees in full, address or postcode) contains
    /// <paramref name="q"/>, by family name: at most <see cref="MaxResults"/>. A restricted address is neither searched nor shown.
    /// </summary>
    public static async Task<IReadOnlyList<Row>> SearchAsync(LocalFlowDb db, Viewer viewer, int locality, string q)
    {
        // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
        var like = "%" + q.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() + "%";
        // One rule decides whose address may be searched and shown (Visibility): a restricted address is neither.
        var seenInFull = db.People.SeenInFull(db, viewer).Select(p => p.Id);
        var rows = await db.People.Where(p => p.LocalityId == locality)
            .Select(p => new { Person = p, Full = seenInFull.Contains(p.Id) })
            .Where(x => EF.Functions.Like((x.Person.GivenName + " " + x.Person.FamilyName).ToLower(), like)
                || (x.Person.Household != null && x.Full && (EF.Functions.Like(x.Person.Household.Postcode.ToLower(), like) || EF.Functions.Like(x.Person.Household.AddressLine.ToLower(), like))))
            .OrderBy(x => x.Person.FamilyName).ThenBy(x => x.Person.GivenName)
            .Take(MaxResults)
            .Select(x => new { x.Person.Id, x.Person.GivenName, x.Person.FamilyName, x.Person.DateOfBirth, x.Full, Address = x.Person.Household == null ? "" : x.Person.Household.AddressLine + ", " + x.Person.Household.Postcode })
            .ToListAsync();
        return rows.Select(r => new Row(r.Id, r.GivenName + " " + r.FamilyName, r.DateOfBirth, r.Full ? r.Address : "", !r.Full)).ToList();
    }

    public async Task OnGetAsync()
    {
        var q = Q?.Trim();
        if (q is null || q.Length < 2 || current.LocalityId is not int locality)
        {
            return;
        }
        Results = await SearchAsync(db, current.Viewer, locality, q);
        await AuditTrail.ReadAsync(db, AuditEventType.PersonalDataListed, "Person", null, locality, $"Search ({AuditReference.Search(q)}): {Results.Count} shown");
    }
}
