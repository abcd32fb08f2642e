using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Measures;

namespace LocalFlow.Analytics.Tests.Measures;

public class PurposeMeasuresTests
{
    private static ActivityEvent E(string person, string household, DateOnly day, ActivityKind kind, string agency = "Council", string? worker = null, decimal? cost = null, bool? helped = null)
        => new(person, household, agency, null, worker, kind, null, null, null, new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), null, Cost: cost, Helped: helped);

    private static ActivityLog Log(params ActivityEvent[] events)
    {
        var b = new ActivityLogBuilder();
        foreach (var e in events)
        {
            b.Add(e);
        }
        return b.Build();
    }

    private static readonly DateOnly Jan = new(2026, 1, 5), Feb = new(2026, 2, 10), Mar = new(2026, 3, 3), Apr = new(2026, 4, 1);

    [Fact]
    public void ContactsPerHousehold_DividesContactsByHouseholdsWithRecords_PerWholeMonth()
    {
        // January: household h1 (a, b) has 3 contacts, h2 (c) has 1 contact and 1 assessment → 4 contacts ÷ 2 households.
        // February: only c, 1 contact → 1. March: a review only → 0 contacts ÷ 1 household. April is still running: left out.
        var log = Log(
            E("a", "h1", Jan, ActivityKind.Contact), E("a", "h1", Jan.AddDays(1), ActivityKind.Contact), E("b", "h1", Jan, ActivityKind.Contact),
            E("c", "h2", Jan, ActivityKind.Contact), E("c", "h2", Jan.AddDays(2), ActivityKind.Assessment),
            E("c", "h2", Feb, ActivityKind.Contact),
            E("a", "h1", Mar, ActivityKind.Review),
            E("a", "h1", Apr, ActivityKind.Contact));
        var s = PurposeMeasures.Series(log, new MeasureDefinition(MeasureCount.ContactsPerHousehold, MeasurePeriod.Month, new DateOnly(2026, 1, 1)), until: new DateOnly(2026, 4, 15));
        s.ShouldBe([new MeasurePoint(new DateOnly(2026, 1, 1), 2, 2), new MeasurePoint(new DateOnly(2026, 2, 1), 1, 1), new MeasurePoint(new DateOnly(2026, 3, 1), 0, 1)]);
    }

    [Fact]
    public void ReReferralRate_CountsReferralsWithAnEarlierOneInTheYearBefore_IncludingBeforeTheStart()
    {
        // a: referred 1 Dec 2025 (before the measure starts), again 5 Jan (a re-referral), again 10 Feb (re-referral).
        // b: referred 5 Jan (first), then 2 April 2027 (more than 365 days later: not a re-referral).
        var log = Log(
            E("a", "h1", new DateOnly(2025, 12, 1), ActivityKind.Referral), E("a", "h1", Jan, ActivityKind.Referral), E("a", "h1", Feb, ActivityKind.Referral),
            E("b", "h2", Jan, ActivityKind.Referral), E("b", "h2", new DateOnly(2027, 4, 2), ActivityKind.Referral));
        var q = PurposeMeasures.Series(log, new MeasureDefinition(MeasureCount.ReReferralRate, MeasurePeriod.Quarter, new DateOnly(2026, 1, 1)), until: new DateOnly(2027, 7, 1));
        // Q1 2026: 3 referrals, 2 re-referrals. Q2 2027: 1 referral, none again. Quarters between have no referrals: no point.
        q.Count.ShouldBe(2);
        q[0].ShouldBe(new MeasurePoint(new DateOnly(2026, 1, 1), 2.0 / 3, 2));
        q[1].ShouldBe(new MeasurePoint(new DateOnly(2027, 4, 1), 0, 1));
    }

    [Fact]
    public void CostHelpedShareAndContinuity_FollowTheirDefinitions_AndTheAgencyFilter()
    {
        var log = Log(
            E("a", "h1", Jan, ActivityKind.Contact, "Council", worker: "Sam", cost: 30m, helped: true),
            E("a", "h1", Jan.AddDays(3), ActivityKind.HomeVisit, "Council", worker: "Sam", cost: 50m, helped: false),
            E("a", "h1", Jan.AddDays(4), ActivityKind.HomeVisit, "Council", worker: "Jo", cost: 50m),
            E("b", "h2", Jan, ActivityKind.Contact, "Police", worker: "PC Lee", cost: 100m, helped: true));
        var from = new DateOnly(2026, 1, 1);
        var until = new DateOnly(2026, 2, 1);
        // Cost: £230 over 2 households; the council alone: £130 over 1.
        PurposeMeasures.Series(log, new(MeasureCount.CostPerHousehold, MeasurePeriod.Month, from), until).Single().Value.ShouldBe(115);
        PurposeMeasures.Series(log, new(MeasureCount.CostPerHousehold, MeasurePeriod.Month, from, "Council"), until).Single().Value.ShouldBe(130);
        // Helped: 2 of 3 judged.
        PurposeMeasures.Series(log, new(MeasureCount.HelpedShare, MeasurePeriod.Month, from), until).Single().Value.ShouldBe(2.0 / 3);
        // Same worker: of 4 records with a worker, only Sam's second visit was someone seen before.
        PurposeMeasures.Series(log, new(MeasureCount.SameWorkerShare, MeasurePeriod.Month, from), until).Single().Value.ShouldBe(0.25);
        // Assessments per person: none, over 2 people.
        PurposeMeasures.Series(log, new(MeasureCount.AssessmentsPerPerson, MeasurePeriod.Month, from), until).Single().Value.ShouldBe(0);
    }

    [Fact]
    public void Weeks_StartOnMonday_AndARunningPeriodHasNoPoint()
    {
        PurposeMeasures.PeriodOf(new DateOnly(2026, 12, 6), MeasurePeriod.Week).ShouldBe(new DateOnly(2026, 11, 30)); // a Sunday
        PurposeMeasures.PeriodOf(new DateOnly(2026, 11, 30), MeasurePeriod.Week).ShouldBe(new DateOnly(2026, 11, 30));
        var log = Log(E("a", "h1", new DateOnly(2026, 12, 1), ActivityKind.Contact));
        PurposeMeasures.Series(log, new(MeasureCount.ContactsPerHousehold, MeasurePeriod.Week, new DateOnly(2026, 11, 30)), until: new DateOnly(2026, 12, 6)).ShouldBeEmpty();
        PurposeMeasures.Series(log, new(MeasureCount.ContactsPerHousehold, MeasurePeriod.Week, new DateOnly(2026, 11, 30)), until: new DateOnly(2026, 12, 7)).Single().Value.ShouldBe(1);
    }
}
