using LocalFlow.Analytics.Measures;

namespace LocalFlow.Analytics.Tests.Measures;

public class PopulationCurveTests
{
    private static readonly DateOnly First = new(2025, 1, 1);

    private static List<MeasurePoint> Monthly(params double[] values)
        => [.. values.Select((v, i) => new MeasurePoint(First.AddMonths(i), v, 20))];

    [Fact]
    public void Slope_IsTheLeastSquaresStepPerPeriod()
    {
        PopulationCurve.Slope([new(First, 1), new(First.AddMonths(1), 2), new(First.AddMonths(2), 3)]).ShouldBe(1);
        // ī = 1, x̄ = 2: Σ(i − ī)(x − x̄) = (−1)(1) + 0(−1) + 1(0) = −1; Σ(i − ī)² = 2 → −0.5
        PopulationCurve.Slope([new(First, 3), new(First.AddMonths(1), 1), new(First.AddMonths(2), 2)]).ShouldBe(-0.5);
        PopulationCurve.Slope([new(First, 3)]).ShouldBeNull();
    }

    [Fact]
    public void Curve_ThatFallsBelowTheLimitsBeforeLocalityWorking_HasTurnedTheBetterWay()
    {
        // Before (Jan–Aug 2025): 10 12 11 13 10 12 11 12, centre 91/8 = 11.375; moving ranges 2 1 2 3 2 1 1, mean 12/7,
        // lower limit 11.375 − 2.66 × 12/7 = 6.815. After (Sep 2025 on): 5 6 5 6 5 6 5, centre 38/7, all below it.
        var curve = PopulationCurve.Of(Monthly(10, 12, 11, 13, 10, 12, 11, 12, 5, 6, 5, 6, 5, 6, 5), new DateOnly(2025, 8, 20),
            new CapabilityChartOptions { Direction = ImprovementDirection.LowerIsBetter, LowerFloor = 0 });

        curve.Chart.Phases.Count.ShouldBe(2);
        curve.Chart.Phases[1].Start.ShouldBe(8); // the first period starting on or after the date
        curve.Turn.ShouldBe(ExperimentVerdict.Improvement);
        curve.Reading!.ImprovementSignals.ShouldBe(7);
        curve.Reading.Before!.Value.Lower.ShouldBe(11.375 - (2.66 * 12 / 7), 1e-9);
        curve.CentreChange!.Value.ShouldBe(((38.0 / 7) - 11.375) / 11.375, 1e-9);
        curve.SlopeBefore!.Value.ShouldBe(PopulationCurve.Slope(curve.Values.Take(8).ToList())!.Value);
        curve.SlopeAfter!.Value.ShouldBe(0); // 5 6 5 6 5 6 5: ī = 3, x̄ = 38/7, Σ(i − ī)(x − x̄) = 0
    }

    [Fact]
    public void Curve_WithinItsVariation_HasNotTurned_AndRisingIsAConcernWhenLowerIsBetter()
    {
        var options = new CapabilityChartOptions { Direction = ImprovementDirection.LowerIsBetter };
        var flat = PopulationCurve.Of(Monthly(10, 12, 11, 13, 10, 12, 11, 12, 11, 12, 10), new DateOnly(2025, 9, 1), options);
        flat.Turn.ShouldBe(ExperimentVerdict.NoSignal);
        var worse = PopulationCurve.Of(Monthly(10, 12, 11, 13, 10, 12, 11, 12, 20, 21, 22), new DateOnly(2025, 9, 1), options);
        worse.Turn.ShouldBe(ExperimentVerdict.Concern);
        worse.CentreChange!.Value.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Curve_BeforeLocalityWorkingBegan_HasOnePhaseAndNoReading()
    {
        var curve = PopulationCurve.Of(Monthly(4, 5, 6), began: null);
        curve.Chart.Phases.Count.ShouldBe(1);
        curve.Reading.ShouldBeNull();
        curve.Turn.ShouldBe(ExperimentVerdict.NoValuesAfter);
        curve.SlopeBefore.ShouldBe(1);
        curve.SlopeAfter.ShouldBeNull();
        curve.CentreChange.ShouldBeNull();

        var early = PopulationCurve.Of(Monthly(4, 5, 6), new DateOnly(2024, 6, 1));
        early.Turn.ShouldBe(ExperimentVerdict.TooFewBefore);
    }

    [Fact]
    public void Disclosure_LeavesOutPeriodsOfOneToFourHouseholds()
    {
        MeasurePoint[] points = [new(First, 2, 3), new(First.AddMonths(1), 1.5, 5), new(First.AddMonths(2), 1, 4), new(First.AddMonths(3), 0.5, 40)];
        var (kept, leftOut) = Disclosure.Of(points);
        leftOut.ShouldBe(2);
        kept.Select(p => p.Start).ShouldBe([First.AddMonths(1), First.AddMonths(3)]);
    }
}
