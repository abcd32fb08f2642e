using LocalFlow.Analytics.Redesign;

namespace LocalFlow.Analytics.Tests.Redesign;

public class CostBenefitTests
{
    private static CostBenefitCase Case(decimal rate, params CostBenefitYear[] years) => new(years, rate, "GBP", 2025);

    [Fact]
    public void Work_TenPercent_MatchesHandWorkedCase()
    {
        // By hand: 600 ÷ 1.1 = 545.4545…, 600 ÷ 1.21 = 495.8678…; present benefit 1,041.3223; NPV 41.3223;
        // ROI 41.3223 ÷ 1,000 = 0.0413; running net −1,000, −454.55, +41.32: pays back in year 2.
        var result = CostBenefit.Work(Case(0.10m, new(2, 0, 600), new(0, 1000, 0), new(1, 0, 600)));

        Assert.Equal(1000.00m, result.PresentCost);
        Assert.Equal(1041.32m, result.PresentBenefit);
        Assert.Equal(41.32m, result.NetPresentValue);
        Assert.Equal(0.0413m, result.ReturnOnInvestment);
        Assert.Equal(2, result.PaybackYear);
        Assert.Equal([0, 1, 2], result.Years.Select(y => y.Year));
        Assert.Equal([-1000.00m, -454.55m, 41.32m], result.Years.Select(y => y.CumulativeNet));
        Assert.Equal(545.45m, result.Years[1].Benefit);
        Assert.Equal(0.826446m, result.Years[2].Factor);
    }

    [Fact]
    public void Work_NoDiscounting_AddsTheYears()
    {
        var result = CostBenefit.Work(Case(0m, new(0, 100, 0), new(1, 100, 250)));

        Assert.Equal(200m, result.PresentCost);
        Assert.Equal(250m, result.PresentBenefit);
        Assert.Equal(50m, result.NetPresentValue);
        Assert.Equal(0.25m, result.ReturnOnInvestment);
        Assert.Equal(1, result.PaybackYear);
    }

    [Fact]
    public void Work_GreenBookRate_NeverPaysBack()
    {
        // 100 ÷ 1.035 = 96.6184; NPV = −403.3816; ROI = −0.80676… → −0.8068.
        var result = CostBenefit.Work(Case(0.035m, new(0, 500, 0), new(1, 0, 100)));

        Assert.Equal(-403.38m, result.NetPresentValue);
        Assert.Equal(-0.8068m, result.ReturnOnInvestment);
        Assert.Null(result.PaybackYear);
    }

    [Fact]
    public void Work_NothingSpent_HasNoReturnOrPayback()
    {
        var result = CostBenefit.Work(Case(0.035m, new CostBenefitYear(0, 0, 100)));

        Assert.Null(result.ReturnOnInvestment);
        Assert.Null(result.PaybackYear);
        Assert.Equal(100m, result.NetPresentValue);
    }

    [Fact]
    public void Check_NamesEveryProblem_ByRowAndField()
    {
        var problems = CostBenefit.Check(new CostBenefitCase(
            [new(0, 10, 0), new(-1, 5, 5), new(0, -3, 0), new(1, 0, -2)], 0.25m, " ", null));

        Assert.Contains(problems, p => p.Field == CostBenefitField.DiscountRate && p.Message.Contains("25%", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == CostBenefitField.Currency);
        Assert.Contains(problems, p => p.Field == CostBenefitField.PriceYear);
        Assert.Contains(problems, p => p.Field == CostBenefitField.Years && p.Row == 2 && p.Message.StartsWith("Row 2: the year must be 0 or more", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == CostBenefitField.Years && p.Row == 3 && p.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == CostBenefitField.Cost && p.Row == 3);
        Assert.Contains(problems, p => p.Field == CostBenefitField.Benefit && p.Row == 4);
        Assert.Equal(7, problems.Count);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    public void Check_RateAtEitherEnd_IsAccepted(double rate)
        => Assert.Empty(CostBenefit.Check(Case((decimal)rate, new CostBenefitYear(0, 1, 1))));

    [Fact]
    public void Work_RefusesABadCase()
        => Assert.Throws<ArgumentException>(() => CostBenefit.Work(Case(-0.01m, new CostBenefitYear(0, 1, 1))));
}
