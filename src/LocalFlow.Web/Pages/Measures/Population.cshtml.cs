using LocalFlow.Analytics.Measures;
using LocalFlow.Data;
using LocalFlow.Data.Flow;
using LocalFlow.Data.Measures;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Measures;

/// <summary>
/// Population curves: the locality-wide purpose measures (geography and strategic levels) over time, each a capability
/// chart with a phase where locality working began, and whether the curve has turned (<see cref="PopulationCurve"/>).
/// Periods describing fewer than 5 households are left out for those who may not see people.
/// </summary>
[Authorize(Policy = Policies.MeasuresView)]
public sealed class PopulationModel(LocalFlowDb db, CurrentUser current, FlowEngines engines, TimeProvider clock) : PageModel
{
    public PopulationCurves Curves { get; private set; } = new(null, default, []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Curves = await LoadAsync(db, engines, locality, clock, !FlowAccess.RoundsFigures(User), ct);
        return Page();
    }

    /// <summary>The locality's curves up to today (London), as this user may see them: one load for the page and the report.</summary>
    public static async Task<PopulationCurves> LoadAsync(LocalFlowDb db, FlowEngines engines, int locality, TimeProvider clock, bool exact, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));
        var flow = await engines.ForLocalityAsync(db, locality);
        return await new SavedMeasures(db).PopulationCurvesAsync(flow, today, exact, ct);
    }

    /// <summary>The chart kit's model of a curve, its phases named "Before locality working" and "Locality working".</summary>
    public static ChartView? Chart(MeasureCurve c)
    {
        var curve = c.Curve;
        if (curve.Values.Count == 0)
        {
            return null;
        }
        var chart = IndexModel.ChartFromResult(c.Measure.Name, curve.Values, curve.Chart);
        var began = curve.Began is DateOnly b && curve.Values[0].Date < b;
        return new ChartView(curve.Values, curve.Chart, chart with
        {
            Id = $"curve-{c.Measure.Id}-chart",
            Phases = [.. chart.Phases.Select((ph, i) => ph with { Name = curve.Began is null ? "All periods" : i == 0 && began ? "Before locality working" : "Locality working" })],
        })
        { Prefix = $"curve-{c.Measure.Id}-" };
    }
}
