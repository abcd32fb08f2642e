using LocalFlow.Analytics.Flow;
using static LocalFlow.Analytics.Tests.Flow.FlowTestLog;

namespace LocalFlow.Analytics.Tests.Flow;

public class FlowSignalTests
{
    private static List<FlowSignal> Find(ActivityLog log, FlowSignalKind kind, FlowOptions? options = null) =>
        new FlowAnalyzer(log, options).AllSignals().Where(s => s.Kind == kind).ToList();

    [Fact]
    public void RePresentation_IsAContactWithinTheWindow_AfterClosureNfaOrAdvice()
    {
        var log = Log(
            E("j", 0, ActivityKind.Contact, "CS", "advice"),
            E("j", 10, ActivityKind.Contact, "CS"),
            E("j", 11, ActivityKind.Contact, "CS"),
            E("j", 20, ActivityKind.Closure, "CS"),
            E("j", 60, ActivityKind.Contact, "Police"));
        var found = Find(log, FlowSignalKind.RePresentation);
        found.Count.ShouldBe(1);
        found[0].Events.ShouldBe([0, 1]);
        Find(log, FlowSignalKind.RePresentation, new FlowOptions { RePresentationDays = 40 }).Count.ShouldBe(2);
        found[0].Describe(log).ShouldBe("Came back to CS 10 days after CS closed or gave advice");
    }

    [Fact]
    public void Describe_SaysOneDay_NotOneDays()
    {
        var log = Log(E("j", 0, ActivityKind.Closure, "CS"), E("j", 1, ActivityKind.Contact, "CS"));
        Find(log, FlowSignalKind.RePresentation).Single().Describe(log).ShouldBe("Came back to CS 1 day after CS closed or gave advice");
    }

    [Fact]
    public void RepeatedAssessment_LinksBothAssessments()
    {
        var log = Log(E("m", 0, ActivityKind.Assessment, "NHS", "falls"), E("m", 3, ActivityKind.Assessment, "Council", "Falls"), E("m", 4, ActivityKind.Assessment, "Council", "care"));
        var found = Find(log, FlowSignalKind.RepeatedAssessment);
        found.Single().Events.ShouldBe([0, 1]);
    }

    [Fact]
    public void AssessRefer_IsAnAssessmentFollowedOnlyByReferralOrNfa_BySameAgency()
    {
        var log = Log(
            E("x", 0, ActivityKind.Assessment, "Council", "needs"),
            E("x", 1, ActivityKind.Contact, "Police"),
            E("x", 2, ActivityKind.Document, "Council"),
            E("x", 3, ActivityKind.Referral, "Council", referredTo: "Charity"),
            E("x", 10, ActivityKind.Assessment, "Charity", "needs"),
            E("x", 11, ActivityKind.ServiceProvided, "Charity"),
            E("x", 12, ActivityKind.Closure, "Charity"),
            E("x", 20, ActivityKind.Assessment, "NHS", "falls"),
            E("x", 25, ActivityKind.Closure, "NHS", "NFA"));
        var found = Find(log, FlowSignalKind.AssessRefer);
        found.Select(s => s.Events).ShouldBe([[0, 3], [7, 8]]);
    }

    [Fact]
    public void PingPong_IsAtoBThenBtoA_WithinTheWindow()
    {
        var log = Log(
            E("a", 0, ActivityKind.Referral, "GP", referredTo: "CAMHS"),
            E("a", 30, ActivityKind.Referral, "CAMHS", referredTo: "Children's services"),
            E("a", 60, ActivityKind.Referral, "Children's services", referredTo: "CAMHS"),
            E("a", 90, ActivityKind.Referral, "CAMHS", referredTo: "GP"),
            E("a", 400, ActivityKind.Referral, "CAMHS", referredTo: "Children's services"));
        var found = Find(log, FlowSignalKind.ReferralPingPong);
        // GP→CAMHS then CAMHS→GP (90 days), CAMHS→CS then CS→CAMHS (30 days); day 400 is too late for day 60
        found.Select(s => s.Events).OrderBy(e => e[1]).ShouldBe([[1, 2], [0, 3]]);
    }

    [Fact]
    public void ScreenedOut_ThenBackWithGreaterNeed()
    {
        var log = Log(
            E("a", 0, ActivityKind.Contact, "CS"),
            E("a", 1, ActivityKind.Closure, "CS", "NFA"),
            E("a", 100, ActivityKind.Contact, "CS"),
            E("a", 400, ActivityKind.EmergencyResponse, "Police", "999 call"),
            E("a", 500, ActivityKind.Closure, "CS", "screened out"),
            E("a", 2000, ActivityKind.Meeting, "CS", "Strategy meeting"));
        var found = Find(log, FlowSignalKind.ScreenedOutReturnedWorse);
        found.Single().Events.ShouldBe([1, 3]);
    }

    [Fact]
    public void ProgressChasing_IsAContactWithAnAgencyStillSittingOnAReferral()
    {
        var log = Log(
            E("m", 0, ActivityKind.Referral, "Council", referredTo: "OT"),
            E("m", 30, ActivityKind.Contact, "OT"),
            E("m", 60, ActivityKind.Contact, "OT"),
            E("m", 70, ActivityKind.Assessment, "OT", "ramp"),
            E("m", 100, ActivityKind.Contact, "OT"),
            E("m", 120, ActivityKind.Contact, "Council", "Progress chasing"));
        var found = Find(log, FlowSignalKind.ProgressChasing);
        found.Select(s => s.Events).ShouldBe([[0, 1], [0, 2], [5]]);
    }

    [Fact]
    public void LongWorkerChain_IsARunOfDifferentWorkers_BrokenByARepeat()
    {
        string[] workers = ["a", "b", "c", "d", "e", "f", "g", "c", "h", "a"];
        var log = Log([.. workers.Select((w, i) => E("p", i, ActivityKind.ServiceProvided, "Care", worker: w))]);
        var found = Find(log, FlowSignalKind.LongWorkerChain);
        found.Single().Events.ShouldBe([0, 1, 2, 3, 4, 5, 6]);
        Find(log, FlowSignalKind.LongWorkerChain, new FlowOptions { WorkerChainLength = 3 }).Count.ShouldBe(2);
    }
}
