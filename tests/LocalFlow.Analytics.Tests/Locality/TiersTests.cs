using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Locality;

namespace LocalFlow.Analytics.Tests.Locality;

public class TiersTests
{
    private static readonly FlagRule[] Rules =
    [
        new("Crime", "Police", null, null, null),
        new("Rent arrears", null, "Income and rent", null, null),
        new("Mental health", null, "Mental health", null, null),
    ];

    private static readonly List<HouseholdFlags> Households =
    [
        new(0, [], 0, 0, 0),        // nothing: in balance
        new(1, [], 0, 3, 2),        // two agencies, no flags: either way
        new(2, [1], 1, 1, 1),       // one flag: either way
        new(3, [0, 1, 2], 3, 3, 3), // three flags: serious
        new(4, [], 0, 8, 4),        // four agencies: serious
    ];

    [Fact]
    public void Place_ByTheDefaultRule_WithReasons()
    {
        var placed = Tiers.Place(Households, Rules, new TierRule());
        placed.Select(p => p.Tier).ShouldBe([Tier.InBalance, Tier.EitherWay, Tier.EitherWay, Tier.SeriousHelp, Tier.SeriousHelp]);
        placed[3].Reasons.ShouldBe(["3 flags: Crime, Rent arrears, Mental health", "Records from 3 agencies"]);
        placed[0].Reasons.ShouldBe(["No flags", "Records from 0 agencies"]);
        placed.ShouldAllBe(p => !p.Overridden);
    }

    [Fact]
    public void Place_OverrideWins_AndSaysWhatTheRuleWouldHaveSaid()
    {
        var placed = Tiers.Place(Households, Rules, new TierRule(), new Dictionary<int, (Tier, string)> { [4] = (Tier.EitherWay, "Moved in with family; settled") });
        placed[4].Tier.ShouldBe(Tier.EitherWay);
        placed[4].Overridden.ShouldBeTrue();
        placed[4].Reasons[0].ShouldBe("Set by the locality team: Moved in with family; settled");
        placed[4].Reasons[1].ShouldStartWith("The rule would say \"I need serious help\"");
    }

    [Fact]
    public void Count_ByLabel_WithShares()
    {
        var placed = Tiers.Place(Households, Rules, new TierRule());
        var all = Tiers.Count(placed).Single();
        all.ShouldBe(new TierCounts("All households", 1, 2, 2));
        all.Share(Tier.SeriousHelp).ShouldBe(0.4);
        var byStreet = Tiers.Count(placed, h => h < 2 ? "Mill Road" : h == 4 ? null : "Oak Lane");
        byStreet.ShouldBe([new TierCounts("Mill Road", 1, 1, 0), new TierCounts("Oak Lane", 0, 1, 1)]);
    }

    [Fact]
    public void TierRule_RefusesThresholdsThatDoNotOrder()
    {
        new TierRule().Problem().ShouldBeNull();
        new TierRule(SeriousFlags: 1, EitherWayFlags: 1).Problem().ShouldNotBeNull();
        new TierRule(SeriousServices: 0).Problem().ShouldNotBeNull();
        new TierRule(SeriousServices: 2, EitherWayServices: 2).Problem()!.ShouldContain("agencies");
    }

    [Fact]
    public void OverTime_PlacesFromTheYearBeforeEachQuarterEnd()
    {
        var d = new DateOnly(2025, 2, 10);
        FlagRecord Rec(string agency, string team, DateOnly on) => new(0, agency, agency, agency, team, ActivityKind.Contact, null, null, on);
        // Household 0: three flags in Feb 2025; by the year to 31 March 2026 they have aged out.
        var records = new List<FlagRecord> { Rec("Police", "Response", d), Rec("Housing", "Income and rent", d), Rec("NHS", "Mental health", d) };
        var ends = Tiers.QuarterEnds(new DateOnly(2026, 5, 20), 5);
        ends.ShouldBe([new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1), new DateOnly(2025, 10, 1), new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1)]);
        var over = Tiers.OverTime(records, Rules, 2, new TierRule(), ends);
        over[0].ShouldBe(new TierCounts("Year to 31 Mar 2025", 1, 0, 1));
        over[3].SeriousHelp.ShouldBe(1);
        over[4].ShouldBe(new TierCounts("Year to 31 Mar 2026", 2, 0, 0));
    }
}
