using LocalFlow.Analytics.Measures;

namespace LocalFlow.Analytics.Tests.Measures;

public class ExperimentReadingTests
{
    private static List<DatedValue> Values(params double[] values)
        => [.. values.Select((v, i) => new DatedValue(new DateOnly(2026, 1, 1).AddMonths(i), v))];

    [Fact]
    public void ADropAfterTheChange_IsAnImprovement_WhenLowerIsBetter_JudgedAgainstTheLimitsBefore()
    {
        // Before (Jan–Jun): 10, 12, 10, 12, 10, 12 → centre 11, mean moving range 2, limits 11 ± 5.32 = 5.68 to 16.32.
        // After (Jul–Sep): 4, 5, 4 → all below 5.68.
        var values = Values(10, 12, 10, 12, 10, 12, 4, 5, 4);
        var change = new DateOnly(2026, 7, 1);
        var r = ExperimentReading.Of(values, [change], change, new CapabilityChartOptions { Direction = ImprovementDirection.LowerIsBetter });
        r.PointsBefore.ShouldBe(6);
        r.PointsAfter.ShouldBe(3);
        r.Before!.Value.Centre.ShouldBe(11);
        r.Before!.Value.Lower.ShouldBe(11 - (2.66 * 2), 1e-9);
        r.After!.Value.Centre.ShouldBe(13.0 / 3, 1e-9);
        r.ImprovementSignals.ShouldBe(3);
        r.ConcernSignals.ShouldBe(0);
        r.Verdict.ShouldBe(ExperimentVerdict.Improvement);

        ExperimentReading.Of(values, [change], change, new CapabilityChartOptions { Direction = ImprovementDirection.HigherIsBetter }).Verdict.ShouldBe(ExperimentVerdict.Concern);
        ExperimentReading.Of(values, [change], change).Verdict.ShouldBe(ExperimentVerdict.Changed);
    }

    [Fact]
    public void ValuesWithinTheOldVariation_AreNoSignal()
    {
        var values = Values(10, 12, 10, 12, 10, 12, 11, 10, 12);
        var change = new DateOnly(2026, 7, 1);
        ExperimentReading.Of(values, [change], change, new CapabilityChartOptions { Direction = ImprovementDirection.LowerIsBetter }).Verdict.ShouldBe(ExperimentVerdict.NoSignal);
    }

    [Fact]
    public void EachChange_IsJudgedOnlyAgainstTheValuesSinceThePreviousChange_AndUpToTheNext()
    {
        // Jan–Mar 10, 12, 10; change in April: 20, 22, 20; change in July: 21, 20, 22.
        var values = Values(10, 12, 10, 20, 22, 20, 21, 20, 22);
        DateOnly april = new(2026, 4, 1), july = new(2026, 7, 1);
        var first = ExperimentReading.Of(values, [april, july], april);
        first.PointsBefore.ShouldBe(3);
        first.PointsAfter.ShouldBe(3);
        first.Verdict.ShouldBe(ExperimentVerdict.Changed);
        var second = ExperimentReading.Of(values, [april, july], july);
        second.PointsBefore.ShouldBe(3);
        second.Before!.Value.Centre.ShouldBe(62.0 / 3, 1e-9);
        second.Verdict.ShouldBe(ExperimentVerdict.NoSignal);
    }

    [Fact]
    public void TooFewValues_AreSaidSo()
    {
        var values = Values(10, 12, 10);
        ExperimentReading.Of(values, [], new DateOnly(2027, 1, 1)).Verdict.ShouldBe(ExperimentVerdict.NoValuesAfter);
        ExperimentReading.Of(values, [], new DateOnly(2026, 2, 1)).Verdict.ShouldBe(ExperimentVerdict.TooFewBefore);
    }
}
