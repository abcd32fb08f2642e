using LocalFlow.Analytics.Redesign;

namespace LocalFlow.Analytics.Tests.Redesign;

public class PathwayTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private const int Children = 1, Adults = 2, Police = 3;

    [Theory]
    [InlineData("2008-06-15", "2008-03-01", LifeStage.Pregnancy)]
    [InlineData("2008-06-15", "2007-09-14", null)] // more than 9 months before birth
    [InlineData("2008-06-15", "2008-06-15", LifeStage.EarlyYears)]
    [InlineData("2008-06-15", "2026-06-14", LifeStage.Transition)] // 17 the day before the 18th birthday
    [InlineData("2008-06-15", "2026-06-15", LifeStage.YoungAdult)]
    [InlineData("1920-06-15", "2020-06-15", null)] // 100
    [InlineData("1920-06-15", "2020-06-14", LifeStage.OldAge)]
    public void StageAt_TakesAgeInWholeYearsOnTheDay(string birth, string on, LifeStage? expected)
        => Assert.Equal(expected, Pathway.StageAt(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Of_APersonSeenByTwoAgenciesAt17And18_GivesOneOverlapAndOneHandOff()
    {
        var born = new DateOnly(2008, 6, 15);
        var figures = Pathway.Of(
        [
            // at 17: adults' services first meet them, then children's services; at 18 adults' services alone
            new(7, born, new DateOnly(2025, 8, 1), Adults),
            new(7, born, new DateOnly(2026, 2, 1), Children),
            new(7, born, new DateOnly(2026, 7, 1), Adults),
            new(7, born, new DateOnly(2026, 9, 1), Adults),
        ], Today);

        Assert.Equal(1, figures.People);
        var transition = figures.Stages.Single(s => s.Stage == LifeStage.Transition);
        Assert.Equal(1, transition.People);
        Assert.Equal(2, transition.Records);
        Assert.Equal(1, transition.Overlapping);
        Assert.Equal(1, transition.AgenciesAtOnce[2]);
        var young = figures.Stages.Single(s => s.Stage == LifeStage.YoungAdult);
        Assert.Equal(0, young.Overlapping);
        Assert.Equal([new StageAgency(Adults, 1, 2)], young.Agencies);
        Assert.Equal(1, figures.Stages.Sum(s => s.Overlapping));
        var handOff = Assert.Single(figures.HandOffs);
        Assert.Equal(new StageHandOff(LifeStage.Transition, LifeStage.YoungAdult, Children, Adults, 1), handOff);
    }

    [Fact]
    public void Of_LeavesOutPlaceholderAndMissingBirths_AndCountsThem()
    {
        var figures = Pathway.Of(
        [
            new(1, new DateOnly(1900, 1, 1), new DateOnly(2024, 1, 5), Police), // would be a 124-year-old
            new(2, new DateOnly(1985, 1, 1), new DateOnly(2024, 1, 5), Police), // year only
            new(3, new DateOnly(2027, 3, 1), new DateOnly(2026, 1, 5), Police), // future: a false pregnancy
            new(3, new DateOnly(2027, 3, 1), new DateOnly(2026, 2, 5), Police),
            new(4, null, new DateOnly(2024, 1, 5), Police),
            new(5, new DateOnly(1950, 3, 3), new DateOnly(2024, 1, 5), Police),
            new(5, new DateOnly(1950, 3, 3), new DateOnly(1949, 1, 1), Police), // before the pathway
        ], Today);

        Assert.Equal(1, figures.People);
        Assert.Equal(1, figures.NoBirth);
        Assert.Equal(3, figures.PlaceholderBirth);
        Assert.Equal(5, figures.RecordsLeftOut);
        Assert.Equal(1, figures.RecordsOutside);
        Assert.Equal(0, figures.Stages.Single(s => s.Stage == LifeStage.OldAge).People);
        Assert.Equal(0, figures.Stages.Single(s => s.Stage == LifeStage.Pregnancy).People);
        Assert.Equal(1, figures.Stages.Single(s => s.Stage == LifeStage.LaterLife).People);
    }

    [Fact]
    public void Of_CountsAStayWhenTheSameAgencySeesThemOnBothSides_AndIgnoresRowOrder()
    {
        var born = new DateOnly(2000, 5, 5);
        PathwayRecord[] rows =
        [
            new(2, born, new DateOnly(2018, 6, 1), Adults),
            new(1, born, new DateOnly(2017, 6, 1), Police),
            new(1, born, new DateOnly(2018, 6, 1), Police),
            new(2, born, new DateOnly(2017, 6, 1), Children),
        ];
        var figures = Pathway.Of(rows, Today);

        Assert.Equal(
            [new StageHandOff(LifeStage.Transition, LifeStage.YoungAdult, Children, Adults, 1), new StageHandOff(LifeStage.Transition, LifeStage.YoungAdult, Police, Police, 1)],
            figures.HandOffs);
        Assert.Equal(2, figures.Stages.Single(s => s.Stage == LifeStage.Transition).AgenciesAtOnce[1]);
    }

    [Fact]
    public void GapsOf_NamesStagesWithNeedsButNoServiceOrFewPeopleSeen()
    {
        var born = new DateOnly(1990, 5, 5);
        var figures = Pathway.Of(Enumerable.Range(1, 6).Select(p => new PathwayRecord(p, born, new DateOnly(2020, 1, 1), Adults)), Today);
        var placed = Pathway.Place(
            [(LifeStage.Pregnancy, LifeStage.EarlyYears), (LifeStage.WorkingAge, null)],
            [(LifeStage.EarlyYears, LifeStage.EarlyYears), (null, null)],
            [(LifeStage.WorkingAge, LifeStage.OldAge)]);

        Assert.Equal([1, 1, 0, 0, 0, 0, 1, 0, 0], placed.Select(p => p.Needs));
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 1], placed.Select(p => p.Buildings));
        Assert.Equal(
            [(LifeStage.Pregnancy, PathwayGap.NeedsWithoutService), (LifeStage.Pregnancy, PathwayGap.NeedsButFewSeen), (LifeStage.EarlyYears, PathwayGap.NeedsButFewSeen)],
            Pathway.GapsOf(figures, placed));
    }
}
