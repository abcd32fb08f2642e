using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>The demand studies in the user's localities: the study team opens capture and analysis; everyone else the board.</summary>
[Authorize(Policy = Policies.DemandBoard)]
public sealed class IndexModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    public sealed record Row(DemandStudy Study, int Demands, bool Running);

    public IReadOnlyList<Row> Studies { get; private set; } = [];

    public bool CanStudy => Policies.Allows(User, Policies.DemandStudy);
    public bool CanAnalyse => Policies.Allows(User, Policies.DemandAnalyse);

    public async Task OnGetAsync()
    {
        var localities = current.LocalityIds;
        var today = DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));
        var studies = await db.DemandStudies.Where(s => localities.Contains(s.LocalityId)).OrderByDescending(s => s.StartsOn).ThenBy(s => s.Service).ToListAsync();
        var ids = studies.Select(s => s.Id).ToList();
        var counts = await db.Demands.Where(d => ids.Contains(d.StudyId)).GroupBy(d => d.StudyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        Studies = studies.Select(s => new Row(s, counts.GetValueOrDefault(s.Id), s.EndsOn is null || s.EndsOn >= today)).ToList();
    }
}
