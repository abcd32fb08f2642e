using LocalFlow.Analytics.Measures;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.Measures;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Measures;

/// <summary>
/// One saved purpose measure: its definition, its values counted from the records as a capability chart with each
/// experiment's date as a phase, and each experiment read from the signals (<see cref="ExperimentReading"/>).
/// A period describing fewer households than <see cref="FlowAccess.SmallestCohortShown"/> is withheld from users who
/// may not see people.
/// </summary>
[Authorize(Policy = Policies.MeasuresView)]
public sealed class MeasureModel(LocalFlowDb db, CurrentUser current, FlowEngines engines, TimeProvider clock) : PageModel
{
    public SavedMeasure Measure { get; private set; } = null!;
    public string? AgencyName { get; private set; }
    public IReadOnlyList<Experiment> Experiments { get; private set; } = [];
    public IReadOnlyList<ExperimentReading> Readings { get; private set; } = [];
    public ChartView? Chart { get; private set; }
    /// <summary>Periods left out because they describe too few households for this user.</summary>
    public int Withheld { get; private set; }
    public int Periods { get; private set; }
    /// <summary>Whether this user may change the measure and record experiments (<see cref="Policies.MeasuresDefine"/>).</summary>
    public bool MayDefine => Policies.Allows(User, Policies.MeasuresDefine);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        var measure = await db.SavedMeasures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.LocalityId == locality, ct);
        if (measure is null)
        {
            return NotFound();
        }
        Measure = measure;
        AgencyName = measure.AgencyId is int a ? await db.Agencies.Where(x => x.Id == a).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        Experiments = await db.Experiments.AsNoTracking().Where(x => x.MeasureId == id && x.LocalityId == locality).OrderBy(x => x.StartedOn).ThenBy(x => x.Id).ToListAsync(ct);

        var today = DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));
        var flow = await engines.ForLocalityAsync(db, locality);
        var series = await new SavedMeasures(db).SeriesAsync(flow, measure, today, ct);
        Periods = series.Count;
        var shown = series.Where(p => !FlowAccess.WithholdsCohort(User, p.Households)).ToList();
        Withheld = series.Count - shown.Count;
        var values = shown.Select(p => new DatedValue(p.Start, p.Value)).ToList();
        if (values.Count == 0)
        {
            return Page();
        }
        var options = PurposeMeasures.ChartOptions(measure.Counts, measure.Improvement);
        var dates = Experiments.Select(x => x.StartedOn).ToList();
        var result = DatedSeries.Chart(values, dates, options);
        var chart = Pages.Measures.IndexModel.ChartFromResult(measure.Name, values, result);
        Chart = new ChartView(values, result, chart with
        {
            Phases = [.. chart.Phases.Select((ph, i) => i == 0 ? ph : ph with { Name = PhaseLabel(ph.Start, i) })],
        });
        Readings = [.. Experiments.Select(x => ExperimentReading.Of(values, dates, x.StartedOn, options))];
        return Page();
    }

    private string PhaseLabel(DateOnly start, int phase)
    {
        var experiment = Experiments.LastOrDefault(x => x.StartedOn <= start);
        return experiment is null ? Text.Format(ChartText.PhaseNumber, phase + 1) : Text.Format(ChartText.PhaseNumber, phase + 1) + ": " + Shorten(experiment.Change);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 39), "…");

    /// <summary>The reading of an experiment in plain words, in the request's language.</summary>
    public string Words(ExperimentReading r) => r.Verdict switch
    {
        ExperimentVerdict.NoValuesAfter => PurposeMeasureText.VerdictNoValuesAfter,
        ExperimentVerdict.TooFewBefore => PurposeMeasureText.VerdictTooFewBefore,
        ExperimentVerdict.NoSignal => Text.Count(r.PointsAfter, PurposeMeasureText.VerdictNoSignalOne, PurposeMeasureText.VerdictNoSignalMany),
        ExperimentVerdict.Improvement => Text.Count(r.ImprovementSignals, PurposeMeasureText.VerdictImprovementOne, PurposeMeasureText.VerdictImprovementMany),
        ExperimentVerdict.Concern => Text.Count(r.ConcernSignals, PurposeMeasureText.VerdictConcernOne, PurposeMeasureText.VerdictConcernMany),
        _ => Text.Count(r.ImprovementSignals + r.ConcernSignals + r.NeutralSignals, PurposeMeasureText.VerdictChangedOne, PurposeMeasureText.VerdictChangedMany),
    };

    public string Value(double v) => MeasureText.Value(Measure.Counts, v);
}
