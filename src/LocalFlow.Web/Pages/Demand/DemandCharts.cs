using LocalFlow.Analytics.Measures;
using LocalFlow.Data.Demands;
using LocalFlow.Web.Charts;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>The analysis's figures as charts from the chart kit (server SVG with a data table), shared by the analysis page and the board.</summary>
public static class DemandCharts
{
    public static ParetoChart ValuePareto(DemandAnalysis a, int? studyId, DataTableDisplay table = DataTableDisplay.InDetails) =>
        new("Value demand by type", "Types of value demand, most frequent first, with the cumulative share of all value demand.",
            a.ValuePareto.Select(b => new BarValue(b.Label, b.Count) { Href = studyId is null ? null : $"/Demand/Type/{studyId}/{b.Key}" }).ToList())
        { Id = "pareto-value", ValueLabel = "Demands", CategoryLabel = "Type", Table = table };

    public static ParetoChart FailurePareto(DemandAnalysis a, int? studyId, DataTableDisplay table = DataTableDisplay.InDetails) =>
        new("Failure demand by type", "Types of failure demand, most frequent first, with the cumulative share of all failure demand.",
            a.FailurePareto.Select(b => new BarValue(b.Label, b.Count) { Href = studyId is null ? null : $"/Demand/Type/{studyId}/{b.Key}" }).ToList())
        { Id = "pareto-failure", ValueLabel = "Demands", CategoryLabel = "Type", Table = table };

    public static BarChart FailureShareBy(string id, string title, IReadOnlyList<Analytics.Demand.DemandShare> shares, string category, DataTableDisplay table = DataTableDisplay.InDetails) =>
        new(title, $"The share of demand that was failure demand, by {category.ToLowerInvariant()}.",
            shares.Select(s => new BarValue($"{s.Key} ({s.Total:N0})", Math.Round(100 * s.FailureShare, 1))).ToList())
        { Id = id, Format = ValueFormat.Percent, ValueLabel = "Failure demand", CategoryLabel = category, Table = table };

    public static BarChart Outcomes(DemandAnalysis a, DataTableDisplay table = DataTableDisplay.InDetails) =>
        new("What happened at the point of transaction", "How many demands were resolved there and then, given advice, referred on, screened out or booked in.",
            a.Outcomes.Select(o => new BarValue(DemandAnalysis.OutcomeName(o.Outcome), o.Count)).ToList())
        { Id = "outcomes", ValueLabel = "Demands", CategoryLabel = "What happened", Orientation = BarOrientation.Horizontal, Table = table };

    public static LineChart PredictabilityCurve(DemandAnalysis a) =>
        new("Types heard against demands captured", "Each new type of demand raises the line; when it flattens, demand has become predictable.",
            [new LineSeries("Distinct types", Thin(a.Predictability.Curve).Select(p => LinePoint.At(p.Demands, p.DistinctTypes)).ToList())])
        { Id = "predictability", ValueLabel = "Distinct types", XLabel = "Demands captured (with a type)", Markers = false };

    private static IEnumerable<Analytics.Demand.TypesSeen> Thin(IReadOnlyList<Analytics.Demand.TypesSeen> curve)
    {
        // At most about 200 points: enough to see the shape, light enough to draw.
        var step = Math.Max(1, curve.Count / 200);
        for (var i = 0; i < curve.Count; i++)
        {
            if (i % step == 0 || i == curve.Count - 1)
            {
                yield return curve[i];
            }
        }
    }

    public static CapabilityChartData DemandsPerDay(DemandAnalysis a) => Capability(
        "Demands per day", "Demands captured each day with the centre line and natural process limits (XmR). Points outside the limits or in long runs are signals.",
        "capability-volume", a.DemandsPerDay, a.Days.Select(d => d.Day).ToList(), "Demands", ValueFormat.Number);

    public static CapabilityChartData FailureSharePerDay(DemandAnalysis a) => Capability(
        "Failure demand share per day", "The share of each day's demand that was failure demand, with natural process limits (XmR). Lower is better; a signal below the limits is an improvement.",
        "capability-failure", a.FailureSharePerDay, a.Days.Select(d => d.Day).ToList(), "Failure demand", ValueFormat.Percent);

    private static CapabilityChartData Capability(string title, string description, string id, CapabilityChart? chart, IReadOnlyList<DateOnly> days, string valueLabel, ValueFormat format) =>
        new(title, description, chart is null ? [] : chart.Points.Select(p => new CapabilityPoint(days[p.Index], Math.Round(p.Value, 2), p.Centre,
                double.IsFinite(p.Lower) ? p.Lower : null, double.IsFinite(p.Upper) ? p.Upper : null,
                p.Class switch
                {
                    SignalClass.Improvement => SignalClassification.Improvement,
                    SignalClass.Concern => SignalClassification.Concern,
                    SignalClass.Neutral => SignalClassification.Neutral,
                    _ => SignalClassification.None,
                }, p.Phase)).ToList())
        { Id = id, ValueLabel = valueLabel, Format = format };
}
