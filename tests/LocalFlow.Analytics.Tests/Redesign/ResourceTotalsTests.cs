using LocalFlow.Analytics.Economics;
using LocalFlow.Analytics.Redesign;

namespace LocalFlow.Analytics.Tests.Redesign;

public class ResourceTotalsTests
{
    private static readonly PriceIndex Index = new([(2024, 100m), (2025, 110m)]);

    [Fact]
    public void Of_AddsMoneyAYear_ByPartnerAndPurpose_AtOnePriceYear()
    {
        // By hand, at 2025 prices: council 100,000 a year; NHS 1,000 a month = 12,000 a year at 2024 prices,
        // × 110 ÷ 100 = 13,200; citizens 50 a week = 2,600; police once 30,000 (not a year's money).
        var totals = ResourceTotals.Of(
        [
            new(FundingPartner.Council, "Home care", 100_000m, 2025, MoneyPeriod.PerYear),
            new(FundingPartner.Nhs, "home  care ", 1_000m, 2024, MoneyPeriod.PerMonth),
            new(FundingPartner.Citizens, "Lunch club", 50m, 2025, MoneyPeriod.PerWeek),
            new(FundingPartner.Police, "Lunch club", 30_000m, 2025, MoneyPeriod.OneOff),
        ], Index, 2025);

        Assert.Equal(2025, totals.PriceYear);
        Assert.Equal(115_800m, totals.PerYear);
        Assert.Equal(30_000m, totals.OneOff);
        Assert.Equal([FundingPartner.Council, FundingPartner.Nhs, FundingPartner.Police, FundingPartner.Citizens], totals.ByPartner.Select(p => p.Partner));
        Assert.Equal([100_000m, 13_200m, 0m, 2_600m], totals.ByPartner.Select(p => p.Total.PerYear));
        Assert.Equal(30_000m, totals.ByPartner[2].Total.OneOff);
        // "Home care" and "home  care " are one purpose, named as first met; the largest yearly total comes first.
        Assert.Equal(["Home care", "Lunch club"], totals.ByPurpose.Select(p => p.Key));
        Assert.Equal([113_200m, 2_600m], totals.ByPurpose.Select(p => p.PerYear));
        Assert.Equal([2, 2], totals.ByPurpose.Select(p => p.Lines));
        Assert.Equal(2_600d / 115_800d, totals.CitizensShare!.Value, 10);
        Assert.Empty(totals.NotRestated);
    }

    [Fact]
    public void Of_LeavesOutLinesTheIndexCannotRestate_AndListsThem()
    {
        var outside = new MoneyLine(FundingPartner.Schools, "Breakfast club", 9_000m, 2019, MoneyPeriod.PerYear);

        var totals = ResourceTotals.Of([outside, new(FundingPartner.Schools, "Breakfast club", 1_000m, 2024, MoneyPeriod.PerYear)], Index, 2025);

        Assert.Equal(1_100m, totals.PerYear);
        Assert.Equal([outside], totals.NotRestated);
        Assert.Equal(1, totals.ByPurpose.Single().Lines);
    }

    [Fact]
    public void Of_NoMoney_HasNoCitizensShare()
    {
        var totals = ResourceTotals.Of([new(FundingPartner.Council, "Buildings", 5_000m, 2025, MoneyPeriod.OneOff)], Index, 2025);

        Assert.Equal(0m, totals.PerYear);
        Assert.Null(totals.CitizensShare);
    }

    [Theory]
    [InlineData(MoneyPeriod.PerYear, 520)]
    [InlineData(MoneyPeriod.PerMonth, 6240)]
    [InlineData(MoneyPeriod.PerWeek, 27040)]
    [InlineData(MoneyPeriod.OneOff, 0)]
    public void PerYear_TurnsAnAmountIntoMoneyAYear(MoneyPeriod period, int expected)
        => Assert.Equal(expected, ResourceTotals.PerYear(520m, period));
}
