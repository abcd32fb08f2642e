using LocalFlow.Analytics.Measures;

namespace LocalFlow.Analytics.Tests.Measures;

public class CapabilityChartTests
{
    private static CapabilityChart Chart(double[] values, CapabilityChartOptions? options = null) => CapabilityChart.Compute(values, options);

    [Fact]
    public void Limits_AreMeanPlusOrMinus2_66TimesMeanMovingRange()
    {
        // mean 11.6; moving ranges 2, 1, 2, 1 → mean 1.5; limits 11.6 ± 3.99
        var chart = Chart([10, 12, 11, 13, 12]);
        var phase = chart.Phases.Single();
        phase.Centre.ShouldBe(11.6, 1e-9);
        phase.MeanMovingRange.ShouldBe(1.5, 1e-9);
        phase.Upper.ShouldBe(15.59, 1e-9);
        phase.Lower.ShouldBe(7.61, 1e-9);
        chart.Points[0].MovingRange.ShouldBeNull();
        chart.Points[3].MovingRange.ShouldBe(2);
        chart.Points.ShouldAllBe(p => !p.HasSignal);
    }

    [Fact]
    public void Screening_DropsLargeMovingRanges_BeforeTheLimits()
    {
        // moving ranges 1,1,1,1,10,10,1,1,1 → mean 3.0; upper range limit 9.801; the two 10s are screened
        // → mean 1.0; centre 11.4; upper 14.06 (19.38 without screening)
        double[] values = [10, 11, 10, 11, 10, 20, 10, 11, 10, 11];
        var screened = Chart(values).Phases.Single();
        screened.ScreenedRanges.ShouldBe(2);
        screened.MeanMovingRange.ShouldBe(1.0, 1e-9);
        screened.Upper.ShouldBe(14.06, 1e-9);
        screened.UpperRangeLimit.ShouldBe(9.801, 1e-9);

        var plain = Chart(values, new CapabilityChartOptions { ScreenLargeRanges = false }).Phases.Single();
        plain.ScreenedRanges.ShouldBe(0);
        plain.MeanMovingRange.ShouldBe(3.0, 1e-9);
        plain.Upper.ShouldBe(19.38, 1e-9);
    }

    [Fact]
    public void APointBeyondALimit_IsASignal()
    {
        var chart = Chart([10, 11, 10, 11, 10, 20, 10, 11, 10, 11]);
        chart.Points[5].Signals.ShouldBe(SignalRule.BeyondLimit);
        chart.Points.Count(p => p.Signals.HasFlag(SignalRule.BeyondLimit)).ShouldBe(1);
    }

    [Fact]
    public void SevenPointsOnOneSide_AreAllFlagged_SixAreNot()
    {
        // centre (3×8 + 3×9 + ... ) = 10.43; the first seven are below, the last seven above
        var seven = Chart([8, 9, 8, 9, 8, 9, 8, 12, 13, 12, 13, 12, 13, 12]);
        seven.Points.ShouldAllBe(p => p.Signals.HasFlag(SignalRule.RunOnOneSide));

        var six = Chart([8, 9, 8, 9, 8, 9, 12, 13, 12, 13, 12, 13]);
        six.Points.ShouldAllBe(p => !p.Signals.HasFlag(SignalRule.RunOnOneSide));
    }

    [Fact]
    public void APointOnTheCentreLine_BreaksARun()
    {
        // centre is exactly 10: the 10 in the middle splits two runs of 4 above
        var chart = Chart([11, 12, 11, 12, 10, 11, 12, 11, 12, 4, 8, 6]);
        chart.Phases[0].Centre.ShouldBe(10, 1e-9);
        chart.Points.ShouldAllBe(p => !p.Signals.HasFlag(SignalRule.RunOnOneSide));
    }

    [Fact]
    public void SevenPointsRising_AreATrend_AndReadAsImprovementWhenHigherIsBetter()
    {
        // Baseline [3,6]×3: centre 4.5, limits 12.48 and −3.48; then seven rising points inside the limits.
        double[] values = [3, 6, 3, 6, 3, 6, 4, 4.5, 5, 5.5, 6, 6.5, 7];
        var chart = Chart(values, new CapabilityChartOptions { BaselinePoints = 6, Direction = ImprovementDirection.HigherIsBetter });
        chart.Points.Skip(6).ShouldAllBe(p => p.Signals == SignalRule.Trend && p.Class == SignalClass.Improvement);
        chart.Points.Take(6).ShouldAllBe(p => !p.HasSignal);

        var falling = Chart([3, 6, 3, 6, 3, 6, 7, 6.5, 6, 5.5, 5, 4.5, 4], new CapabilityChartOptions { BaselinePoints = 6, Direction = ImprovementDirection.HigherIsBetter });
        falling.Points.Skip(6).ShouldAllBe(p => p.Signals == SignalRule.Trend && p.Class == SignalClass.Concern);
    }

    [Fact]
    public void SixRising_OrARepeatedValue_IsNotATrend()
    {
        Chart([1, 2, 3, 4, 5, 6]).Points.ShouldAllBe(p => !p.Signals.HasFlag(SignalRule.Trend));
        Chart([1, 2, 3, 3, 4, 5, 6, 7]).Points.ShouldAllBe(p => !p.Signals.HasFlag(SignalRule.Trend));
    }

    [Fact]
    public void TwoOfThreeBeyondTwoThirdsToALimit_FlagsThosePoints()
    {
        // Baseline [10,11]×5: centre 10.5, mean moving range 1, upper 13.16, two-thirds line 12.273.
        double[] values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 12.5, 10, 12.6, 10, 10, 12.5, 10, 10, 12.6];
        var chart = Chart(values, new CapabilityChartOptions { BaselinePoints = 10 });
        chart.Phases[0].Upper.ShouldBe(13.16, 1e-9);
        chart.Points[10].Signals.ShouldBe(SignalRule.TwoOfThreeNearLimit);
        chart.Points[12].Signals.ShouldBe(SignalRule.TwoOfThreeNearLimit);
        chart.Points[11].Signals.ShouldBe(SignalRule.None);
        // 12.5 and 12.6 three apart: never two in any three
        chart.Points[15].Signals.ShouldBe(SignalRule.None);
        chart.Points[18].Signals.ShouldBe(SignalRule.None);
    }

    [Fact]
    public void Phases_RecalculateTheLimits_FromEachChange()
    {
        double[] values = [5, 6, 5, 6, 5, 6, 20, 21, 20, 21, 20, 21];
        var single = Chart(values);
        single.Points.Count(p => p.HasSignal).ShouldBeGreaterThan(0);

        var phased = Chart(values, new CapabilityChartOptions { PhaseStarts = [6] });
        phased.Phases.Count.ShouldBe(2);
        phased.Phases[0].Centre.ShouldBe(5.5, 1e-9);
        phased.Phases[1].Centre.ShouldBe(20.5, 1e-9);
        phased.Phases[1].Upper.ShouldBe(23.16, 1e-9);
        phased.Points[6].MovingRange.ShouldBeNull("moving ranges do not cross a phase change");
        phased.Points.ShouldAllBe(p => !p.HasSignal);
    }

    [Fact]
    public void Baseline_FixesTheLimits_FromTheFirstPoints()
    {
        var chart = Chart([10, 12, 10, 12, 30, 31, 32], new CapabilityChartOptions { BaselinePoints = 4 });
        var phase = chart.Phases.Single();
        phase.BaselineCount.ShouldBe(4);
        phase.Centre.ShouldBe(11, 1e-9);
        phase.Upper.ShouldBe(16.32, 1e-9);
        chart.Points[4].Signals.HasFlag(SignalRule.BeyondLimit).ShouldBeTrue();
    }

    [Fact]
    public void LowerFloor_KeepsACountsLimitAtZero()
    {
        // mean 0.667, mean moving range 1.4 → lower would be −3.06
        var chart = Chart([0, 1, 0, 2, 0, 1], new CapabilityChartOptions { LowerFloor = 0 });
        chart.Phases[0].Lower.ShouldBe(0);
        Chart([0, 1, 0, 2, 0, 1]).Phases[0].Lower.ShouldBeLessThan(0);
    }

    [Fact]
    public void OnePoint_HasNoLimits_AndNoSignals()
    {
        var chart = Chart([42]);
        chart.Phases[0].HasLimits.ShouldBeFalse();
        chart.Phases[0].Centre.ShouldBe(42);
        chart.Points[0].HasSignal.ShouldBeFalse();
        Chart([]).Points.ShouldBeEmpty();
    }

    [Fact]
    public void NeitherDirection_ReadsSignalsAsNeutral()
    {
        var chart = Chart([10, 11, 10, 11, 10, 20, 10, 11, 10, 11]);
        chart.Points[5].Class.ShouldBe(SignalClass.Neutral);
        var lower = Chart([10, 11, 10, 11, 10, 20, 10, 11, 10, 11], new CapabilityChartOptions { Direction = ImprovementDirection.LowerIsBetter });
        lower.Points[5].Class.ShouldBe(SignalClass.Concern);
    }

    [Fact]
    public void DatedCsv_IsRead_WithRowNumbersForBadRows()
    {
        var csv = "date,value\n2026-01-01,3\n\n2026-01-02,x\n01/03/2026,4\n2026-01-04,5.5\n";
        var (values, errors) = DatedSeries.ReadCsv(new StringReader(csv));
        values.Select(v => v.Value).ShouldBe([3, 5.5]);
        errors.Select(e => e.Row).ShouldBe([4, 5]);
        errors[0].Message.ShouldContain("\"x\" is not a number");
        errors[1].Message.ShouldContain("is not a date");
    }

    [Fact]
    public void DatedChart_StartsAPhase_AtTheFirstPointOnOrAfterTheDate()
    {
        var values = Enumerable.Range(0, 10).Select(i => new DatedValue(new DateOnly(2026, 1, 1).AddDays(i), i < 5 ? 1 + (i % 2) : 10 + (i % 2))).ToList();
        var chart = DatedSeries.Chart(values, [new DateOnly(2026, 1, 6)]);
        chart.Phases.Select(p => p.Start).ShouldBe([0, 5]);
    }
}
