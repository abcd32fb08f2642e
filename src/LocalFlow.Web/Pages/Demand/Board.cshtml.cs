using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>
/// The board for the people who take the demand: what has been heard so far, in people's words, per type;
/// failure share; what happened at the point of transaction. Read-only, prints on A3, and open to locality
/// workers without study rights.
/// </summary>
[Authorize(Policy = Policies.DemandBoard)]
public sealed class BoardModel(LocalFlowDb db, CurrentUser current) : StudyPageModel(db, current)
{
    public sealed record TypeCard(int Id, string Name, DemandNature Nature, int Count, IReadOnlyList<SaidWords> Examples);

    public override string StudyPage => "Board";

    public DemandAnalysis Analysis { get; private set; } = null!;
    public IReadOnlyList<TypeCard> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        Analysis = await Studies.AnalyseAsync(Study);
        var types = await Db.DemandTypes.AsNoTracking().Where(t => t.StudyId == Study.Id && t.MergedIntoId == null).ToDictionaryAsync(t => t.Id);
        var counts = Analysis.ValuePareto.Concat(Analysis.FailurePareto)
            .GroupBy(b => int.Parse(b.Key, System.Globalization.CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Sum(b => b.Count));
        var examples = (await Db.Demands.AsNoTracking().Where(d => d.LocalityId == Study.LocalityId && d.StudyId == Study.Id && d.TypeId != null)
                .OrderByDescending(d => d.ReceivedAt).Select(d => new { d.TypeId, d.Verbatim, d.Language }).Take(5000).ToListAsync())
            .GroupBy(d => d.TypeId!.Value).ToDictionary(g => g.Key, g => g.Select(x => new SaidWords(x.Verbatim, x.Language)).Distinct().Take(3).ToList());
        Cards = counts.Where(c => types.ContainsKey(c.Key)).OrderByDescending(c => c.Value).ThenBy(c => types[c.Key].Name)
            .Select(c => new TypeCard(c.Key, types[c.Key].Name, types[c.Key].Nature, c.Value, examples.GetValueOrDefault(c.Key) ?? [])).ToList();
        await AuditTrail.ReadAsync(Db, AuditEventType.DemandRead, nameof(DemandStudy), Study.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Study.LocalityId, "Demand board with example verbatims");
        return Page();
    }
}
