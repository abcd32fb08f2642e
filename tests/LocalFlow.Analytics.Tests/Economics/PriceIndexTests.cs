using LocalFlow.Analytics.Economics;

namespace LocalFlow.Analytics.Tests.Economics;

public class PriceIndexTests
{
    private static readonly PriceIndex Index = new([(2009, 80m), (2023, 100m), (2024, 104m)]);

    [Fact]
    public void Restate_ScalesByTheRatioOfTheTwoYears_RoundedToThePenny()
    {
        // £450 at 2023 prices is £450 × 80 / 100 = £360 at 2009 prices; £1,300 at 2009 is £1,300 × 104 / 80 = £1,690 at 2024.
        Index.Restate(450m, 2023, 2009).ShouldBe(360m);
        Index.Restate(1_300m, 2009, 2024).ShouldBe(1_690m);
        // £8.50 × 104 / 80 = £11.05; £0.01 × 80 / 104 = £0.0077 → £0.01.
        Index.Restate(8.50m, 2009, 2024).ShouldBe(11.05m);
        Index.Restate(0.01m, 2024, 2009).ShouldBe(0.01m);
    }

    [Fact]
    public void Restate_ToTheSameYear_GivesTheAmountBack_EvenForAYearTheIndexLacks()
    {
        Index.Restate(123.45m, 1999, 1999).ShouldBe(123.45m);
    }

    [Fact]
    public void Restate_ToAYearTheIndexLacks_SaysWhichYear()
    {
        Should.Throw<ArgumentException>(() => Index.Restate(10m, 2023, 2030)).Message.ShouldContain("no figure for 2030");
    }

    [Fact]
    public void Total_RestatesEachCost_ThenAdds()
    {
        // 450 (2023) → 360; 1,300 (2009) stays; 104 (2024) → 80.
        Index.Total([(450m, 2023), (1_300m, 2009), (104m, 2024)], 2009).ShouldBe(1_740m);
    }

    [Fact]
    public void New_RefusesAYearTwice_AndAValueNotAboveZero()
    {
        Should.Throw<ArgumentException>(() => new PriceIndex([(2020, 90m), (2020, 91m)])).Message.ShouldContain("2020 twice");
        Should.Throw<ArgumentException>(() => new PriceIndex([(2021, 0m)])).Message.ShouldContain("2021 must be above zero");
    }
}
