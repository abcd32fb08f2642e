using LocalFlow.Analytics.Measures;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Infrastructure;

namespace LocalFlow.Web.Pages.Measures;

/// <summary>The words the measure pages use for a purpose measure's parts (one place, so every page says the same).</summary>
public static class MeasureText
{
    public static readonly IReadOnlyList<(MeasureLevel Level, string Text, string Hint)> Levels =
    [
        (MeasureLevel.Individual, "The individual", "Is this person's or household's life getting better?"),
        (MeasureLevel.Geography, "The geography", "The locality as a whole: demand, flow and cost across its households."),
        (MeasureLevel.Strategic, "Strategic demand reduction and cost removal", "Is demand on the whole system falling, and cost with it?"),
    ];

    public static readonly IReadOnlyList<(MeasureCount Count, string Text, string Hint)> Counts =
    [
        (MeasureCount.ContactsPerHousehold, "Contacts into all agencies per household", "Contact records of every agency (or the one chosen), divided by the households with any record in the period."),
        (MeasureCount.AssessmentsPerPerson, "Assessments per person", "Assessment records divided by the people with any record in the period."),
        (MeasureCount.ReReferralRate, "Re-referral rate", $"Share of the period's referrals of someone already referred in the {PurposeMeasures.ReReferralDays} days before."),
        (MeasureCount.CostPerHousehold, "Cost per household", "The cost of the period's records divided by the households with any record."),
        (MeasureCount.HelpedShare, "Share of judged work that helped the person", "Records the study team judged as helping, divided by the records judged."),
        (MeasureCount.SameWorkerShare, "Continuity of worker", "Share of records with a named worker that went to a worker the person had seen before."),
    ];

    public static readonly IReadOnlyList<(MeasurePeriod Period, string Text)> Periods =
    [
        (MeasurePeriod.Week, "Each week"),
        (MeasurePeriod.Month, "Each month"),
        (MeasurePeriod.Quarter, "Each quarter"),
    ];

    public static string Level(MeasureLevel level) => Levels.First(l => l.Level == level).Text;

    public static string Count(MeasureCount count) => Counts.First(c => c.Count == count).Text;

    public static string Period(MeasurePeriod period) => Periods.First(p => p.Period == period).Text;

    /// <summary>Shares are shown as percentages, money in pounds, the rest as numbers.</summary>
    public static bool IsShare(MeasureCount count) => PurposeMeasures.IsShare(count);

    public static string Value(MeasureCount count, double value) => IsShare(count)
        ? value.ToString("P0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
        : count == MeasureCount.CostPerHousehold ? Gov.Money((decimal)value, whole: true) : Gov.Number(value, 2);

    public static string Improvement(ImprovementDirection d) => d switch
    {
        ImprovementDirection.HigherIsBetter => "Higher is better",
        ImprovementDirection.LowerIsBetter => "Lower is better",
        _ => "Neither way is better",
    };
}

/// <summary>A computed capability chart and the dated values it was drawn from, for <c>_ChartResult</c>.</summary>
public sealed record ChartView(IReadOnlyList<DatedValue> Values, CapabilityChart Result, LocalFlow.Web.Charts.CapabilityChartData Chart)
{
    /// <summary>Put before the ids of the limits table and the signals list, so that several charts can share a page.</summary>
    public string Prefix { get; init; } = "";
}

/// <summary>The words for a population curve (the page and the report say the same).</summary>
public static class CurveText
{
    /// <summary>Whether the curve has turned, in a few words.</summary>
    public static string Turn(PopulationCurve curve) => curve.Turn switch
    {
        ExperimentVerdict.Improvement => "Turned the better way",
        ExperimentVerdict.Concern => "Turned the worse way",
        ExperimentVerdict.Changed => "Changed",
        ExperimentVerdict.NoSignal => "Not turned yet",
        ExperimentVerdict.TooFewBefore => "Too few periods before locality working to tell",
        _ => curve.Began is null ? "Locality working has not begun" : "No whole period since locality working began",
    };

    /// <summary>The centre line before and after, and the change between them, in the measure's units.</summary>
    public static string Centres(MeasureCount count, PopulationCurve curve) => curve.Reading is { Before: { } b, After: { } a }
        ? $"{MeasureText.Value(count, b.Centre)} before, {MeasureText.Value(count, a.Centre)} since" + (curve.CentreChange is double c ? $" ({(c > 0 ? "up" : c < 0 ? "down" : "no change")}{(c == 0 ? "" : " " + Math.Abs(c).ToString("P0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")))})" : "")
        : "–";

    /// <summary>A slope per period in words: "rising 0.12 a month".</summary>
    public static string Slope(MeasureCount count, MeasurePeriod period, double? slope) => slope switch
    {
        null => "–",
        0 => "level",
        double s => $"{(s > 0 ? "rising" : "falling")} {(MeasureText.IsShare(count) ? (Math.Abs(s) * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " percentage points" : MeasureText.Value(count, Math.Abs(s)))} a {period.ToString().ToLowerInvariant()}",
    };
}
