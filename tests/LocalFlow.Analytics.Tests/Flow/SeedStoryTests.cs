using LocalFlow.Analytics.Flow;

namespace LocalFlow.Analytics.Tests.Flow;

/// <summary>Records written the way the Locality report tells Jake's first months (1998), counted by hand.</summary>
public class SeedStoryTests
{
    private static ActivityEvent J(string when, ActivityKind kind, string? subtype = null, string agency = "Children's services") =>
        new("jake", "jake-household", agency, null, null, kind, subtype, null, null, DateTimeOffset.Parse(when, System.Globalization.CultureInfo.InvariantCulture));

    private static ActivityLog Jake1998()
    {
        var b = new ActivityLogBuilder();
        ActivityEvent[] story =
        [
            J("1998-01-05T10:00Z", ActivityKind.Contact, "advice about behaviour"),         // 1 grandmother asks for advice
            J("1998-01-06T10:00Z", ActivityKind.Assessment, "initial"),                     // 2 initial assessment
            J("1998-01-06T11:00Z", ActivityKind.ServiceProvided, "advice and guidance"),    // 3 advice and guidance (an exit)
            J("1998-01-13T10:00Z", ActivityKind.Closure),                                   // 4 after seven days, closed
            J("1998-01-23T10:00Z", ActivityKind.Contact, "anonymous concern"),              // 5 ten days later, anonymous family member
            J("1998-01-24T10:00Z", ActivityKind.Document, "letter"),                        // 6 letter to grandmother
            J("1998-01-27T10:00Z", ActivityKind.Closure),                                   // 7 three days later, closed
            J("1998-02-06T10:00Z", ActivityKind.Contact, "asks to see social worker"),      // 8 ten days later, grandmother
            J("1998-02-06T10:30Z", ActivityKind.ServiceProvided, "advice"),                 // 9 advice (an exit)
            J("1998-02-06T11:00Z", ActivityKind.Closure),                                   // 10 closed
            J("1998-02-07T10:00Z", ActivityKind.Other, "checks with school"),               // 11 checks with school
            J("1998-05-07T10:00Z", ActivityKind.Contact, "anonymous concern"),              // 12 three months later
            J("1998-05-08T10:00Z", ActivityKind.Other, "checks with school"),               // 13 checks with school
            J("1998-05-08T12:00Z", ActivityKind.Document, "letter"),                        // 14 another letter
            J("1998-05-21T10:00Z", ActivityKind.Meeting, "family and school", "School"),    // 15 two weeks later, meeting at school
            J("1998-06-10T10:00Z", ActivityKind.Contact, "wants Jake back"),                // 16 the following month, grandmother
            J("1998-06-10T11:00Z", ActivityKind.Closure, "NFA"),                            // 17 no further action
            J("1998-06-14T10:00Z", ActivityKind.Contact, "aunt concerned"),                 // 18 a few days later, aunt
            J("1998-06-14T10:30Z", ActivityKind.ServiceProvided, "advice"),                 // 19 advised
            J("1998-06-18T10:00Z", ActivityKind.Contact, "grandmother calls"),              // 20 a few days later, grandmother
            J("1998-06-18T10:30Z", ActivityKind.ServiceProvided, "advice"),                 // 21 advised
        ];
        foreach (var e in story)
        {
            b.Add(e);
        }
        return b.Build();
    }

    [Fact]
    public void Jake_CountsMatchTheHandCount()
    {
        var analyzer = new FlowAnalyzer(Jake1998());
        var f = analyzer.Person(0);
        f.Records.ShouldBe(21);
        f.Interactions.ShouldBe(21);
        f.Agencies.ShouldBe(2);
        f.Assessments.ShouldBe(1);
        f.RepeatedAssessments.ShouldBe(0);
        f.Referrals.ShouldBe(0);
        f.AssessDoReferCycles.ShouldBe(0);
        // exits: 3, 4, 7, 9, 10, 17, 19, 21
        f.Exits.ShouldBe(8);
        // re-entries: 5 (after 3–4), 8 (after 7), 12 (after 9–10), 18 (after 17), 20 (after 19)
        f.ReEntries.ShouldBe(5);
        f.Documents.ShouldBe(2);
        f.Describe().ShouldBe("Over 5 months: 21 activity records by 0 staff from 0 teams; 1 assessment, 0 referrals");
    }

    [Fact]
    public void Jake_SignalsMatchTheHandCount()
    {
        var log = Jake1998();
        var signals = new FlowAnalyzer(log).Signals(0);
        // came back within 28 days: 4→5 (10 days), 7→8 (10), 17→18 (4), 19→20 (4); 10→12 is 90 days
        signals.Where(s => s.Kind == FlowSignalKind.RePresentation).Select(s => s.Events).ShouldBe([[3, 4], [6, 7], [16, 17], [18, 19]]);
        // the initial assessment was followed by advice (a service), so it is not assess–refer
        signals.ShouldNotContain(s => s.Kind == FlowSignalKind.AssessRefer);
        new FlowAnalyzer(log, new FlowOptions { RePresentationDays = 120 }).Signals(0).Count(s => s.Kind == FlowSignalKind.RePresentation).ShouldBe(5);
    }
}
