using LocalFlow.Analytics.Redesign;

namespace LocalFlow.Analytics.Tests.Redesign;

public class StrategyBenefitsTests
{
    private static CostBenefitResult Worked(decimal cost, decimal benefit)
        => CostBenefit.Work(new CostBenefitCase([new(0, cost, benefit)], 0.035m, "GBP", 2025));

    [Fact]
    public void Of_AddsEachQuestionOnce_PerCurrencyAndPriceYear_AndCountsThoseWithoutACase()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var c = Guid.NewGuid();
        var d = Guid.NewGuid();
        var totals = StrategyBenefits.Of(
        [
            new(a, "GBP", 2025, Worked(1_000m, 3_000m)),
            new(b, "GBP", 2025, Worked(500m, 400m)),
            new(a, "GBP", 2025, Worked(1_000m, 3_000m)), // in a second strategy: counted once
            new(c, "GBP", 2024, Worked(10m, 20m)),
            new(d, null, null, null),
        ]);

        Assert.Equal(1, totals.WithoutCase);
        Assert.Equal([2024, 2025], totals.Totals.Select(t => t.PriceYear));
        var t2025 = totals.Totals[1];
        Assert.Equal(1_500m, t2025.PresentCost);
        Assert.Equal(3_400m, t2025.PresentBenefit);
        Assert.Equal(1_900m, t2025.NetPresentValue);
        Assert.Equal(2, t2025.Questions);
    }
}
