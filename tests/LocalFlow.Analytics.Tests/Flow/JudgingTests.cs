using LocalFlow.Analytics.Flow;
using static LocalFlow.Analytics.Tests.Flow.FlowTestLog;

namespace LocalFlow.Analytics.Tests.Flow;

public class JudgingTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-01-01")]
    [InlineData("2026-03-31", "2026-01-01")]
    [InlineData("2026-04-01", "2026-04-01")]
    [InlineData("2026-08-15", "2026-07-01")]
    [InlineData("2026-12-31", "2026-10-01")]
    public void QuarterOf_IsTheQuartersFirstDay(string date, string quarter)
        => Judging.QuarterOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(DateOnly.Parse(quarter, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void ByQuarter_CountsEachJudgement_ListsEmptyQuarters_AndLeavesUnjudgedOutOfTheShare()
    {
        // Q4 2025: helped, served, served, not judged → 1 of 3 judged helped (33 : 67).
        // Q1 2026: nothing. Q2 2026: helped, helped, helped, served → 3 of 4 (75 : 25).
        DateOnly[] dates = [new(2025, 10, 2), new(2025, 11, 30), new(2025, 12, 31), new(2025, 12, 1), new(2026, 4, 1), new(2026, 5, 5), new(2026, 6, 30), new(2026, 6, 1)];
        sbyte[] helped = [1, 0, 0, -1, 1, 1, 1, 0];
        var q = Judging.ByQuarter(dates, helped);
        q.Count.ShouldBe(3);
        q[0].ShouldBe(new JudgedQuarter(new DateOnly(2025, 10, 1), 1, 2, 1));
        q[0].HelpedShare!.Value.ShouldBe(1.0 / 3, 1e-12);
        q[0].Records.ShouldBe(4);
        q[1].ShouldBe(new JudgedQuarter(new DateOnly(2026, 1, 1), 0, 0, 0));
        q[1].HelpedShare.ShouldBeNull();
        q[2].ShouldBe(new JudgedQuarter(new DateOnly(2026, 4, 1), 3, 1, 0));
        q[2].HelpedShare.ShouldBe(0.75);
    }

    [Fact]
    public void ByQuarter_WithNoJudgements_CountsEveryRecordAsNotJudged_AndRefusesAMismatch()
    {
        var q = Judging.ByQuarter([new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 2)], []);
        q.ShouldBe([new JudgedQuarter(new DateOnly(2026, 1, 1), 0, 0, 2)]);
        Judging.ByQuarter([], []).ShouldBeEmpty();
        Should.Throw<ArgumentException>(() => Judging.ByQuarter([new DateOnly(2026, 2, 1)], [1, 0]));
    }

    [Fact]
    public void ByQuarter_OverALog_TakesTheChosenPeopleOnly()
    {
        // Day 0 is 1 January 2011; day 100 is 11 April 2011.
        var log = Log(
            E("a", 0, ActivityKind.Contact, helped: true),
            E("a", 1, ActivityKind.Assessment, helped: false),
            E("a", 100, ActivityKind.Review, helped: true),
            E("b", 2, ActivityKind.Contact, helped: false));
        var a = log.FindPerson("a");
        var q = Judging.ByQuarter(log, [a]);
        q.Count.ShouldBe(2);
        q[0].ShouldBe(new JudgedQuarter(new DateOnly(2011, 1, 1), 1, 1, 0));
        q[1].ShouldBe(new JudgedQuarter(new DateOnly(2011, 4, 1), 1, 0, 0));
        var both = Judging.ByQuarter(log, [a, log.FindPerson("b")]);
        both[0].ShouldBe(new JudgedQuarter(new DateOnly(2011, 1, 1), 1, 2, 0));
    }
}
