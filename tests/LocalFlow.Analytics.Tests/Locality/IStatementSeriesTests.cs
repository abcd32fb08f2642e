using LocalFlow.Analytics.Locality;

namespace LocalFlow.Analytics.Tests.Locality;

public class IStatementSeriesTests
{
    private static readonly IStatement Heard = new("a", "I am listened to and heard");
    private static readonly IStatement Money = new("b", "My financial problems are sorted");
    private static readonly DateOnly March = new(2026, 3, 2);
    private static readonly DateOnly May = new(2026, 5, 11);

    [Fact]
    public void Build_GivesOneLinePerStatement_InDateOrder_WithFirstLatestAndChange()
    {
        var series = IStatementSeries.Build([Heard, Money],
        [
            new("a", May, 7), new("a", March, 2), new("b", March, 1),
        ]);

        series.Dates.ShouldBe([March, May]);
        series.Lines[0].Statement.ShouldBe(Heard);
        series.Lines[0].Points.Select(p => p.On).ShouldBe([March, May]);
        series.Lines[0].First.ShouldBe(2);
        series.Lines[0].Latest.ShouldBe(7);
        series.Lines[0].Change.ShouldBe(5);
        series.Lines[1].Change.ShouldBeNull();
        series.ScoreOn(1, May).ShouldBeNull();
        series.ScoreOn(1, March).ShouldBe(1);
    }

    [Fact]
    public void Build_KeepsAStatementWithNoScores_AsAnEmptyLine()
    {
        var series = IStatementSeries.Build([Heard, Money], [new("a", March, 4)]);
        series.Lines[1].Points.ShouldBeEmpty();
        series.Lines[1].Latest.ShouldBeNull();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Build_RefusesAScoreOutside0To10_NamingTheStatementAndDate(int score)
    {
        var ex = Should.Throw<ArgumentException>(() => IStatementSeries.Build([Heard], [new("a", March, score)]));
        ex.Message.ShouldContain("I am listened to and heard");
        ex.Message.ShouldContain("2026-03-02");
    }

    [Fact]
    public void Build_RefusesTwoScoresOfOneStatementOnOneDate()
    {
        var ex = Should.Throw<ArgumentException>(() => IStatementSeries.Build([Heard], [new("a", March, 3), new("a", March, 4)]));
        ex.Message.ShouldContain("two scores");
    }

    [Fact]
    public void Build_RefusesAScoreForAStatementNotGiven()
    {
        Should.Throw<ArgumentException>(() => IStatementSeries.Build([Heard], [new("z", March, 3)])).Message.ShouldContain("key z");
    }

    [Fact]
    public void Series_OffersNoTotalOrAverage()
    {
        // The scores are the person's own measures of different things; LocalFlow never adds them up.
        typeof(IStatementSeries).GetMembers().Select(m => m.Name)
            .ShouldNotContain(n => n.Contains("Total", StringComparison.Ordinal) || n.Contains("Average", StringComparison.Ordinal) || n.Contains("Sum", StringComparison.Ordinal));
    }
}

public class ContinuityTests
{
    private static readonly DateOnly Day = new(2026, 1, 5);

    [Fact]
    public void Of_CountsDifferentWorkersPerPerson_AndTheShareWithTheMostMet()
    {
        var result = Continuity.Of(
        [
            new("ruth", "w1", Day), new("ruth", "w2", Day), new("ruth", "w1", Day.AddDays(3)), new("ruth", "w3", Day.AddDays(9)),
            new("melvyn", "w1", Day), new("melvyn", "w1", Day.AddDays(1)),
        ]);

        result.Select(r => r.PersonKey).ShouldBe(["ruth", "melvyn"]);
        result[0].DifferentWorkers.ShouldBe(3);
        result[0].Meetings.ShouldBe(4);
        result[0].MostMetShare.ShouldBe(0.5);
        result[1].DifferentWorkers.ShouldBe(1);
        result[1].MostMetShare.ShouldBe(1.0);
    }

    [Fact]
    public void Of_CountsOnlyMeetingsSinceTheDateGiven()
    {
        var result = Continuity.Of([new("ruth", "w1", Day), new("ruth", "w2", Day.AddDays(10))], since: Day.AddDays(1));
        result.Single().DifferentWorkers.ShouldBe(1);
        result.Single().Meetings.ShouldBe(1);
    }
}
