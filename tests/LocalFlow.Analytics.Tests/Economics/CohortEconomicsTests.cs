using LocalFlow.Analytics.Economics;

namespace LocalFlow.Analytics.Tests.Economics;

public class CohortEconomicsTests
{
    private static readonly PriceIndex Index = new([(2020, 90m), (2023, 100m)]);
    private static readonly DateOnly Until = new(2024, 1, 1);

    // Household 0 taken on 1 July 2023: after is 1 Jul–31 Dec (184 days), before is the 184 days ending 30 June (from 29 Dec 2022).
    // Household 1 taken on 1 October 2023: after is 92 days, before from 1 July 2023.
    // Household 2 never taken on: left out.
    private static readonly DateOnly?[] TakenOn = [new(2023, 7, 1), new(2023, 10, 1), null];

    private static readonly CostedActivity[] Records =
    [
        new(0, new(2022, 12, 28), CostGroup.Health, 999m, 2023),         // before the before period: left out
        new(0, new(2022, 12, 29), CostGroup.Health, 400m, 2023),         // first day of before
        new(0, new(2023, 3, 1), CostGroup.SocialServices, 900m, 2020),   // 900 × 100 / 90 = 1,000 at 2023
        new(0, new(2023, 6, 30), CostGroup.Police, null, 2023),          // a transaction with no cost
        new(0, new(2023, 7, 1), CostGroup.LocalityTeam, 120m, 2023),     // first day of after
        new(0, new(2023, 12, 31), CostGroup.Health, 42m, 2023),
        new(0, new(2024, 1, 1), CostGroup.Health, 5_000m, 2023),         // on the end date: left out
        new(1, new(2023, 7, 1), CostGroup.SocialServices, 450m, 2023),   // before (92 days back from 1 Oct)
        new(1, new(2023, 6, 30), CostGroup.SocialServices, 777m, 2023),  // too early for household 1
        new(1, new(2023, 11, 2), CostGroup.Education, 90m, 2020),        // 100 at 2023
        new(2, new(2023, 8, 1), CostGroup.Health, 300m, 2023),           // never taken on
    ];

    [Fact]
    public void Compare_UsesEqualPeriodsBeforeAndAfter_ByGroup_AtOnePriceYear()
    {
        var result = CohortEconomics.Compare(Records, TakenOn, Until, Index, 2023);

        result.Households.ShouldBe(2);
        result.HouseholdYears.ShouldBe((184 + 92) / 365.25, 1e-9);
        Row(result, CostGroup.Health).ShouldBe(new GroupBeforeAfter(CostGroup.Health, 1, 1, 400m, 42m, 1, 1));
        Row(result, CostGroup.SocialServices).ShouldBe(new GroupBeforeAfter(CostGroup.SocialServices, 2, 0, 1_450m, 0m, 2, 0));
        Row(result, CostGroup.Police).ShouldBe(new GroupBeforeAfter(CostGroup.Police, 1, 0, 0m, 0m, 1, 0));
        Row(result, CostGroup.Education).ShouldBe(new GroupBeforeAfter(CostGroup.Education, 0, 1, 0m, 100m, 0, 1));
        Row(result, CostGroup.LocalityTeam).ShouldBe(new GroupBeforeAfter(CostGroup.LocalityTeam, 0, 1, 0m, 120m, 0, 1));
        result.CostBefore.ShouldBe(1_850m);
        result.CostAfter.ShouldBe(262m);
        result.TransactionsBefore.ShouldBe(4);
        result.TransactionsAfter.ShouldBe(3);
        // (1,850 − 262) / (276 / 365.25) × 2 = 4,202.77… → £4,203 a year.
        result.SavingPerYear.ShouldBe(4_203m);
        // Unit cost: 1,850 / 4 = 462.50 before, 262 / 3 = 87.33 after. End to end: 1,850 / (276 / 365.25) = 2,448.23 a household-year.
        result.UnitCostBefore.ShouldBe(462.50m);
        result.UnitCostAfter.ShouldBe(87.33m);
        result.EndToEndBefore.ShouldBe(2_448.23m);
        result.EndToEndAfter.ShouldBe(346.72m);
    }

    [Fact]
    public void Compare_AtAnotherPriceYear_RestatesEachCost()
    {
        var result = CohortEconomics.Compare(Records, TakenOn, Until, Index, 2020);

        // 400 → 360; 900 stays; 450 → 405.
        Row(result, CostGroup.Health).CostBefore.ShouldBe(360m);
        Row(result, CostGroup.SocialServices).CostBefore.ShouldBe(1_305m);
        result.PriceYear.ShouldBe(2020);
    }

    [Fact]
    public void ByQuarter_CountsFromEachHouseholdsOwnDay_OnlyWholeQuartersBeforeTheEnd_CumulativeOnEachSide()
    {
        var rows = CohortEconomics.ByQuarter(Records, TakenOn, Until, Index, 2023, quarters: 2);

        rows.Select(r => r.Quarter).ShouldBe([-2, -1, 0, 1]);
        // Household 0: Q-2 = 1 Jan–30 Mar 2023 (the 900), Q-1 = 1 Apr–30 Jun (the uncosted police record),
        // Q0 = 1 Jul–30 Sep (120), Q1 = 1 Oct–31 Dec (42). Household 1: Q-2 = 1 Apr–30 Jun, Q-1 = 1 Jul–30 Sep (450, and
        // 30 June falls in its Q-2: 777), Q0 = 1 Oct–31 Dec (90 → 100); its Q1 ends after the end date.
        rows[0].ShouldBe(new QuarterFigures(-2, 2, 2, 1_000m + 777m, 2, 1_777m));
        rows[1].ShouldBe(new QuarterFigures(-1, 2, 2, 450m, 4, 2_227m));
        rows[2].ShouldBe(new QuarterFigures(0, 2, 2, 220m, 2, 220m));
        rows[3].ShouldBe(new QuarterFigures(1, 1, 1, 42m, 3, 262m));
    }

    [Theory]
    [InlineData("2023-03-15", "2023-03-15", 0)]
    [InlineData("2023-03-15", "2023-06-14", 0)]
    [InlineData("2023-03-15", "2023-06-15", 1)]
    [InlineData("2023-03-15", "2023-03-14", -1)]
    [InlineData("2023-03-15", "2022-12-15", -1)]
    [InlineData("2023-03-15", "2022-12-14", -2)]
    public void QuarterOf_CountsWholeQuartersFromTheDayTakenOn(string takenOn, string on, int quarter)
        => CohortEconomics.QuarterOf(DateOnly.Parse(takenOn, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(quarter);

    [Fact]
    public void CostPerHousehold_AddsEveryCostBeforeTheEnd_AndLastYearCost_TakesThe365DaysBefore()
    {
        CohortEconomics.CostPerHousehold(Records, 3, Until, Index, 2023).ShouldBe([999m + 400m + 1_000m + 120m + 42m, 450m + 777m + 100m, 300m]);
        // From 1 Jan 2023: 1,000 + 120 + 42 + 450 + 777 + 100 + 300.
        CohortEconomics.LastYearCost(Records, Until, Index, 2023).ShouldBe(2_789m);
    }

    [Theory]
    [InlineData("Council", "Adult social care duty team", false, CostGroup.SocialServices)]
    [InlineData("Council", "Children's front door (MASH)", false, CostGroup.SocialServices)]
    [InlineData("Council", "Revenues and benefits", false, CostGroup.LocalAuthority)]
    [InlineData("HousingProvider", "Repairs", false, CostGroup.LocalAuthority)]
    [InlineData("AmbulanceService", null, false, CostGroup.Health)]
    [InlineData("GpPractice", "GPs", false, CostGroup.Health)]
    [InlineData("Police", "Response", false, CostGroup.Police)]
    [InlineData("School", "Pastoral care", false, CostGroup.Education)]
    [InlineData("Charity", "Advice line", false, CostGroup.Other)]
    [InlineData("Council", "Adult social care duty team", true, CostGroup.LocalityTeam)]
    public void CostGroups_Of_PutsEachAgencyInTheSlidesColumns(string kind, string? team, bool localityTeam, CostGroup expected)
        => CostGroups.Of(kind, team, localityTeam).ShouldBe(expected);

    private static GroupBeforeAfter Row(BeforeAfter result, CostGroup group) => result.Groups.Single(g => g.Group == group);
}
