using LocalFlow.Analytics.Economics;

namespace LocalFlow.Analytics.Tests.Economics;

public class ProjectionTests
{
    [Fact]
    public void Concentration_OrdersFromMost_AndFindsTheShareMakingHalf()
    {
        // Total 100: the dearest household (60) is a quarter of households and 60% of the total.
        var c = Concentration.Of([10m, 60m, 0m, 30m]);

        c.Households.ShouldBe(4);
        c.Curve.Select(p => p.HouseholdShare).ShouldBe([0, 0.25, 0.5, 0.75, 1]);
        c.Curve.Select(p => p.TotalShare).ShouldBe([0, 0.6, 0.9, 1, 1]);
        c.ShareForHalf.ShouldBe(0.25);
        c.TotalShareOf(0.125).ShouldBe(0.3, 1e-12);
        c.TotalShareOf(1).ShouldBe(1);
    }

    [Fact]
    public void Concentration_OfEqualHouseholds_NeedsHalfOfThemForHalf_AndOfNothing_IsFlat()
    {
        Concentration.Of([5m, 5m, 5m, 5m]).ShareForHalf.ShouldBe(0.5);
        var none = Concentration.Of([0m, 0m]);
        none.ShareForHalf.ShouldBe(0);
        none.Curve[^1].TotalShare.ShouldBe(0);
    }

    [Fact]
    public void GlidePath_RepeatsTheFirstYear_OrChangesItEachYear()
    {
        GlidePath.Project(25_000m, 10).Total.ShouldBe(250_000m);
        // 10,000, 11,000, 12,100.
        var rising = GlidePath.Project(10_000m, 3, 0.1);
        rising.Years.Select(y => y.Cost).ShouldBe([10_000m, 11_000m, 12_100m]);
        rising.Years.Select(y => y.Cumulative).ShouldBe([10_000m, 21_000m, 33_100m]);
    }

    [Fact]
    public void Extrapolation_SpreadsTheSavingOverTheLocality_ThenScalesToTheArea_WithARange()
    {
        // £50,000 a year saved in a locality of 2,500 households: £20 a household; 1,000,000 households → £20m, ± 50%.
        var e = Extrapolation.Of(50_000m, 2_500, new ExtrapolationAssumptions(1_000_000, 2013), 2023);

        e.PerHousehold.ShouldBe(20m);
        e.Estimate.ShouldBe(20_000_000m);
        e.Low.ShouldBe(10_000_000m);
        e.High.ShouldBe(30_000_000m);
    }

    [Fact]
    public void Extrapolation_WithOverheads_AddsTheirShare()
    {
        var e = Extrapolation.Of(3_000m, 300, new ExtrapolationAssumptions(1_000, 2013, OverheadShare: 0.25, Sensitivity: 0.1), 2023);

        // £10 a household × 1,000 = £10,000, + 25% = £12,500; ± 10%.
        e.Estimate.ShouldBe(12_500m);
        e.Low.ShouldBe(11_250m);
        e.High.ShouldBe(13_750m);
    }
}
