using LocalFlow.Analytics.Measures;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;

namespace LocalFlow.Web.Pages.Measures;

/// <summary>The words the measure pages use for a purpose measure's parts (one place, so every page says the same), in the request's language.</summary>
public static class MeasureText
{
    public static IReadOnlyList<(MeasureLevel Level, string Text, string Hint)> Levels =>
    [
        (MeasureLevel.Individual, MeasuresText.LevelIndividual, MeasuresText.LevelIndividualHint),
        (MeasureLevel.Geography, MeasuresText.LevelGeography, MeasuresText.LevelGeographyHint),
        (MeasureLevel.Strategic, MeasuresText.LevelStrategic, MeasuresText.LevelStrategicHint),
    ];

    public static IReadOnlyList<(MeasureCount Count, string Text, string Hint)> Counts =>
    [
        (MeasureCount.ContactsPerHousehold, MeasuresText.CountContacts, MeasuresText.CountContactsHint),
        (MeasureCount.AssessmentsPerPerson, MeasuresText.CountAssessments, MeasuresText.CountAssessmentsHint),
        (MeasureCount.ReReferralRate, MeasuresText.CountReReferral, Text.Format(MeasuresText.CountReReferralHint, PurposeMeasures.ReReferralDays)),
        (MeasureCount.CostPerHousehold, MeasuresText.CountCost, MeasuresText.CountCostHint),
        (MeasureCount.HelpedShare, MeasuresText.CountHelped, MeasuresText.CountHelpedHint),
        (MeasureCount.SameWorkerShare, MeasuresText.CountSameWorker, MeasuresText.CountSameWorkerHint),
    ];

    public static IReadOnlyList<(MeasurePeriod Period, string Text)> Periods =>
    [
        (MeasurePeriod.Week, MeasuresText.EachWeek),
        (MeasurePeriod.Month, MeasuresText.EachMonth),
        (MeasurePeriod.Quarter, MeasuresText.EachQuarter),
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
        ImprovementDirection.HigherIsBetter => MeasuresText.HigherBetter,
        ImprovementDirection.LowerIsBetter => MeasuresText.LowerBetter,
        _ => MeasuresText.NeitherWay,
    };

    /// <summary>The signal rules a point broke, in the request's language (<see cref="CapabilityChart.Describe"/> in English).</summary>
    public static string Signals(SignalRule rules) => string.Join("; ", new[]
    {
        (SignalRule.BeyondLimit, MeasuresText.BeyondLimit),
        (SignalRule.RunOnOneSide, MeasuresText.RunOnOneSide),
        (SignalRule.Trend, MeasuresText.Trend),
        (SignalRule.TwoOfThreeNearLimit, MeasuresText.TwoOfThree),
    }.Where(r => (rules & r.Item1) != 0).Select(r => r.Item2));
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
        ExperimentVerdict.Improvement => MeasuresText.TurnedBetter,
        ExperimentVerdict.Concern => MeasuresText.TurnedWorse,
        ExperimentVerdict.Changed => MeasuresText.Changed,
        ExperimentVerdict.NoSignal => MeasuresText.NotTurned,
        ExperimentVerdict.TooFewBefore => MeasuresText.TooFewPeriods,
        _ => curve.Began is null ? MeasuresText.NotBegun : MeasuresText.NoWholePeriod,
    };

    /// <summary>The centre line before and after, and the change between them, in the measure's units.</summary>
    public static string Centres(MeasureCount count, PopulationCurve curve) => curve.Reading is { Before: { } b, After: { } a }
        ? Text.Format(MeasuresText.BeforeSince, MeasureText.Value(count, b.Centre), MeasureText.Value(count, a.Centre)) + (curve.CentreChange is double c
            ? Text.Format(c > 0 ? MeasuresText.ChangeUp : c < 0 ? MeasuresText.ChangeDown : MeasuresText.NoChange, Math.Abs(c).ToString("P0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")))
            : "")
        : "–";

    /// <summary>A slope per period in words: "rising 0.12 a month".</summary>
    public static string Slope(MeasureCount count, MeasurePeriod period, double? slope) => slope switch
    {
        null => "–",
        0 => MeasuresText.Level,
        double s => Text.Format((s > 0, period) switch
        {
            (true, MeasurePeriod.Week) => MeasuresText.RisingWeek,
            (true, MeasurePeriod.Month) => MeasuresText.RisingMonth,
            (true, _) => MeasuresText.RisingQuarter,
            (false, MeasurePeriod.Week) => MeasuresText.FallingWeek,
            (false, MeasurePeriod.Month) => MeasuresText.FallingMonth,
            (false, _) => MeasuresText.FallingQuarter,
        }, MeasureText.IsShare(count) ? Text.Format(MeasuresText.PercentagePoints, (Math.Abs(s) * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)) : MeasureText.Value(count, Math.Abs(s))),
    };
}
