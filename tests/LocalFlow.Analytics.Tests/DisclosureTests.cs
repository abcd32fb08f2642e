using LocalFlow.Analytics.Economics;
using LocalFlow.Analytics.Flow;

namespace LocalFlow.Analytics.Tests;

public class DisclosureTests
{
    [Theory]
    [InlineData(0, 0L)]
    [InlineData(5, 5L)]
    [InlineData(7, 5L)]
    [InlineData(8, 10L)]
    [InlineData(12, 10L)]
    [InlineData(13, 15L)]
    [InlineData(1234, 1235L)]
    public void Count_RoundsToTheNearestFive(long count, long shown) => Disclosure.Count(count).ShouldBe(shown);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Count_WithholdsOneToFour(long count)
    {
        Disclosure.Count(count).ShouldBeNull();
        Disclosure.Text(count).ShouldBe("fewer than 5");
    }

    [Fact]
    public void NoTwoShownCounts_DifferByOneToFour()
    {
        // Differencing: whatever two true counts are, the shown ones are equal or at least 5 apart, and never 1 to 4.
        for (var a = 0; a <= 200; a++)
        {
            for (var b = a; b <= 200; b++)
            {
                if (Disclosure.Count(a) is long x && Disclosure.Count(b) is long y)
                {
                    var gap = Math.Abs(x - y);
                    (gap == 0 || gap >= Disclosure.Smallest).ShouldBeTrue($"{a} and {b} show as {x} and {y}");
                    x.ShouldNotBeInRange(1, 4);
                }
            }
        }
    }

    [Fact]
    public void Rounded_NeverShowsASmallTotal_AsItsExactValue()
    {
        Disclosure.Rounded(0).ShouldBe(0);
        Disclosure.Rounded(1).ShouldBe(5);
        Disclosure.Rounded(3).ShouldBe(5);
        Disclosure.Rounded(11).ShouldBe(10);
    }

    [Theory]
    [InlineData(0.0, 0L)]
    [InlineData(0.49, 0L)]
    [InlineData(0.5, 5L)]
    [InlineData(7.49, 5L)]
    [InlineData(7.5, 10L)]
    [InlineData(12.49, 10L)]
    [InlineData(12.5, 15L)]
    [InlineData(131.3, 130L)]
    [InlineData(-2.0, 0L)]
    public void HouseholdYears_AreWholeYears_RoundedToFive(double years, long shown) => Disclosure.HouseholdYears(years).ShouldBe(shown);

    [Theory]
    [InlineData(1234567, 1200000)]
    [InlineData(3456, 3500)]
    [InlineData(45, 45)]
    [InlineData(0, 0)]
    public void Money_IsShownToTwoSignificantFigures(decimal amount, decimal shown) => Disclosure.Money(amount).ShouldBe(shown);

    [Fact]
    public void Most_IsTheValueFivePeopleReach_NotOnePersonsMaximum()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 500];
        Disclosure.Most(values).ShouldBe(6);
        Disclosure.Least(values).ShouldBe(5);
        var coded = Disclosure.TopCoded(values);
        coded.Max().ShouldBe(6);
        coded.Min().ShouldBe(5);
        coded.Count(v => v == coded.Max()).ShouldBeGreaterThanOrEqualTo(Disclosure.Smallest);
        var spread = Disclosure.SpreadOf(values);
        spread.Max.ShouldBe(6);
        spread.Median.ShouldBe(Spread.Of([.. values]).Median);
    }

    [Fact]
    public void HandOffGraph_LeavesOutArrowsOfFewerThanFivePeople_AndRoundsTheRest()
    {
        var graph = new HandOffGraph(FlowLevel.Agency, [("Police", 41), ("ED", 3)],
            [new HandOff("Police", "ED", 23, 12, 1), new HandOff("ED", "Police", 2, 1, 2), new HandOff("ED", "MASH", 9, 4, 3)], 17);
        var (shown, leftOut) = Disclosure.Of(graph);
        leftOut.ShouldBe(2);
        shown.Edges.ShouldHaveSingleItem().ShouldBe(new HandOff("Police", "ED", 25, 10, 1));
        shown.Nodes.ShouldBe([("Police", 40), ("ED", 5)]);
        shown.Stays.ShouldBe(15);
    }

    [Fact]
    public void Paths_LeaveOutPathsOfFewerThanFivePeople_WithSharesFromTheRoundedCounts()
    {
        FlowPath[] paths = [new(["Police", "ED"], 12, 12 / 103.0), new(["Ambulance", "ED", "ASC", "DWP"], 1, 1 / 103.0)];
        var shown = Disclosure.Of(paths, 103);
        shown.ShouldHaveSingleItem().People.ShouldBe(10);
        shown[0].Share.ShouldBe(10 / 105.0);
    }

    [Fact]
    public void CohortFigures_AreRounded_CountByCount()
    {
        var figures = new CohortFigures { People = 13, Records = 101, Assessments = 3, Cost = 123_456m, HospitalDays = 0 };
        var shown = Disclosure.Of(figures);
        shown.People.ShouldBe(15);
        shown.Records.ShouldBe(100);
        shown.Assessments.ShouldBe(5);
        shown.HospitalDays.ShouldBe(0);
        shown.Cost.ShouldBe(120_000m);
    }

    [Fact]
    public void Concentration_NeverShowsTheDearestHouseholdsShare_NorAPointWithFewerThanFiveOnASide()
    {
        // one dear household among twelve: exactly, the first tenth of the curve is most of its share (1,000 of 2,100)
        var c = Concentration.Of([1000m, .. Enumerable.Repeat(100m, 11)]);
        c.At(10)[1].TotalShare.ShouldBeGreaterThan(0.4);
        var (points, half) = Disclosure.Of(c);
        points.Select(p => p.HouseholdShare).ToArray().ShouldBe(new[] { 0, 0.5, 1 }, 1e-9);
        points[1].TotalShare.ShouldBe(0.71, "the dearest six of twelve: 1,500 of 2,100, to the whole percent");
        half.ShouldBeNull("two households make up half the cost: fewer than 5");
    }

    [Fact]
    public void Concentration_ShareForHalf_IsWorkedOutFromRoundedCounts()
    {
        // 7 of 23 households make up half (700 of 1,340): shown as 5 of 25
        var c = Concentration.Of([.. Enumerable.Repeat(100m, 7), .. Enumerable.Repeat(40m, 16)]);
        c.ShareForHalf.ShouldBe(7 / 23.0, 1e-9);
        Disclosure.Of(c).ShareForHalf.ShouldBe(0.2);
        Disclosure.Of(Concentration.Of([0m, 0m, 0m])).ShareForHalf.ShouldBe(0.0, "no cost at all: nothing to hide");
    }

    [Fact]
    public void Concentration_EveryPointShown_HasAtLeastFiveHouseholdsOnEachSide()
    {
        var random = new Random(11);
        for (var n = 1; n <= 60; n++)
        {
            var c = Concentration.Of([.. Enumerable.Range(0, n).Select(_ => (decimal)random.Next(0, 5000))]);
            var (points, _) = Disclosure.Of(c);
            points[0].ShouldBe(new LorenzPoint(0, 0));
            points[^1].HouseholdShare.ShouldBe(1, 1e-9);
            foreach (var p in points.Skip(1).SkipLast(1))
            {
                var before = p.HouseholdShare * n;
                Math.Floor(before + 1e-9).ShouldBeGreaterThanOrEqualTo(Disclosure.Smallest, $"{n} households, point at {p.HouseholdShare}");
                (n - Math.Ceiling(before - 1e-9)).ShouldBeGreaterThanOrEqualTo(Disclosure.Smallest, $"{n} households, point at {p.HouseholdShare}");
                (p.TotalShare * 100).ShouldBe(Math.Round(p.TotalShare * 100), 1e-9);
            }
            if (n < 2 * Disclosure.Smallest)
            {
                points.Count.ShouldBe(2, $"{n} households: only the ends");
            }
        }
    }
}
