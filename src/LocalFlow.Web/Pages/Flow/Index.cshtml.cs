using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// The flow study: how many people have records across agencies, and (for the study team and data officers,
/// who may see people) the demo's case histories first, then the people with records, searchable. Listing
/// names is audited; restricted people are left out unless the user may see them.
/// </summary>
[Authorize(Policy = Policies.FlowAnalyse)]
public sealed class IndexModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public const int MaxResults = 50;

    public sealed record Row(Guid Id, string Name, int Records, int Agencies, decimal Cost, DateOnly First, DateOnly Last, string? Story);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public bool MaySeePeople { get; private set; }
    public int People { get; private set; }
    public int Records { get; private set; }
    public int Agencies { get; private set; }
    public int Hidden { get; private set; }
    public IReadOnlyList<Row> CaseHistories { get; private set; } = [];
    public IReadOnlyList<Row> Results { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (current.LocalityId is not int locality)
        {
            return;
        }
        var records = db.ActivityRecords.Where(r => r.LocalityId == locality);
        Records = await records.CountAsync();
        People = await records.Select(r => r.PersonId).Distinct().CountAsync();
        Agencies = await records.Select(r => r.AgencyId).Distinct().CountAsync();
        MaySeePeople = Policies.Allows(User, Policies.FlowStudy);
        if (!MaySeePeople)
        {
            return;
        }
        var visible = db.People.Where(p => p.LocalityId == locality).SeenInFull(db, current.Viewer);
        Hidden = People - await visible.CountAsync(p => records.Any(r => r.PersonId == p.Id));

        var stories = await FlowQueries.CaseHistoriesAsync(db);
        var storyIds = stories.Select(s => s.PersonId).ToList();
        var storyRows = await RowsAsync(visible.Where(p => storyIds.Contains(p.Id)), locality);
        CaseHistories = stories.Select(s => storyRows.FirstOrDefault(r => r.Id == s.PersonId) is { } row ? row with { Story = FlowAccess.StoryName(s.Story) } : null)
            .OfType<Row>().ToList();

        var q = Q?.Trim();
        var others = visible.Where(p => !storyIds.Contains(p.Id) && records.Any(r => r.PersonId == p.Id));
        if (!string.IsNullOrEmpty(q))
        {
            // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
            var like = "%" + q.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() + "%";
            others = others.Where(p => EF.Functions.Like((p.GivenName + " " + p.FamilyName).ToLower(), like));
        }
        Results = await RowsAsync(others, locality);
        await AuditTrail.ReadAsync(db, AuditEventType.PersonalDataListed, "Person", null, locality,
            $"Flow study people{(string.IsNullOrEmpty(q) ? "" : $" matching \"{q}\"")}: {CaseHistories.Count + Results.Count} shown");
    }

    private async Task<List<Row>> RowsAsync(IQueryable<LocalFlow.Data.Entities.Person> people, int locality)
    {
        var ids = await people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(MaxResults).Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName }).ToListAsync();
        var idList = ids.Select(p => p.Id).ToList();
        // a named person's figures count only the records shared with the user's agency (the totals above count all)
        var stats = (await db.ActivityRecords.Where(r => r.LocalityId == locality && idList.Contains(r.PersonId)).SharedWith(db, current.Viewer)
                .Select(r => new { r.PersonId, r.AgencyId, r.Cost, r.StartUtc }).ToListAsync())
            .GroupBy(r => r.PersonId)
            .ToDictionary(g => g.Key, g => (Records: g.Count(), Agencies: g.Select(r => r.AgencyId).Distinct().Count(), Cost: g.Sum(r => r.Cost ?? 0), First: g.Min(r => r.StartUtc), Last: g.Max(r => r.StartUtc)));
        return ids.Where(p => stats.ContainsKey(p.Id)).Select(p =>
        {
            var s = stats[p.Id];
            return new Row(p.Id, p.Name, s.Records, s.Agencies, s.Cost, FlowAccess.LocalDate(s.First), FlowAccess.LocalDate(s.Last), null);
        }).ToList();
    }
}
