using LocalFlow.Analytics.Flow;
using static LocalFlow.Analytics.Tests.Flow.FlowTestLog;

namespace LocalFlow.Analytics.Tests.Flow;

public class HandOffTests
{
    private static ActivityLog ThreePeople() => Log(
        E("a", 0, ActivityKind.Contact, "Police"),
        E("a", 2, ActivityKind.Referral, "Police"),
        E("a", 4, ActivityKind.Assessment, "Council", team: "Duty"),
        E("a", 10, ActivityKind.Contact, "Police"),
        E("b", 0, ActivityKind.Contact, "Police"),
        E("b", 6, ActivityKind.Assessment, "Council", team: "Duty"),
        E("c", 0, ActivityKind.Contact, "GP"),
        E("c", 1, ActivityKind.Contact, "Council", team: "Adults"));

    [Fact]
    public void Graph_CountsHandOffs_AndMedianWaits()
    {
        var g = HandOffs.Graph(ThreePeople(), FlowLevel.Agency);
        g.Stays.ShouldBe(1);
        var policeToCouncil = g.Edges.Single(e => e.From == "Police" && e.To == "Council");
        policeToCouncil.Count.ShouldBe(2);
        policeToCouncil.People.ShouldBe(2);
        policeToCouncil.MedianWaitDays.ShouldBe(4); // waits of 2 and 6 days
        g.Edges[0].ShouldBe(policeToCouncil);
        g.Edges.Count.ShouldBe(3);
        g.Nodes[0].ShouldBe(("Police", 4));
    }

    [Fact]
    public void TeamGraph_NamesTeamsWithinAgencies()
    {
        var g = HandOffs.Graph(ThreePeople(), FlowLevel.Team);
        g.Edges.ShouldContain(e => e.From == "GP" && e.To == "Council / Adults" && e.Count == 1);
        g.Edges.ShouldContain(e => e.From == "Police" && e.To == "Council / Duty" && e.Count == 2);
    }

    [Fact]
    public void Paths_CollapseRepeats_AndRankByPeople()
    {
        var paths = HandOffs.MostCommonPaths(ThreePeople(), FlowLevel.Agency);
        // every path is taken by one person: ties are ranked by their steps' names
        paths.Select(p => p.People).ShouldBe([1, 1, 1]);
        paths[0].Steps.ShouldBe(["GP", "Council"]);
        paths.Count.ShouldBe(3);
        paths.ShouldContain(p => p.Steps.SequenceEqual(new[] { "Police", "Council", "Police" }));
        HandOffs.MostCommonPaths(ThreePeople(), FlowLevel.Activity, 1).Single().Steps.Count.ShouldBeGreaterThan(1);
    }
}
