using System.Text;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;

namespace LocalFlow.Analytics.Tests.Flow.Formats;

/// <summary>A CSV event log in the common process-mining convention (as pm4py's to_csv writes one) is read with no mapping, as its XES would be.</summary>
public class EventLogCsvTests
{
    // pandas writes its row index as a first column with an empty name.
    private const string Pm4pyCsv = """
        ,case:concept:name,concept:name,time:timestamp,org:resource,lifecycle:transition,case:lf:household
        0,ruth,Contact,2008-03-01 10:00:00+00:00,Ann Clerk,complete,h1
        1,ruth,Assessment,2008-03-02 09:00:00+01:00,Sam Worker,start,h1
        2,ruth,Letter,2008-03-02 08:00:00+00:00,Sam Worker,complete,h1
        3,ruth,Assessment,2008-03-05 12:00:00-05:00,Sam Worker,complete,h1
        4,melvyn,Register request,2009-01-05 08:30:00+00:00,Pat Nurse,complete,h2
        """;

    private const string SameAsXes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="1.0" xmlns="http://www.xes-standard.org/">
          <trace><string key="concept:name" value="ruth"/><string key="lf:household" value="h1"/>
            <event><string key="concept:name" value="Contact"/><date key="time:timestamp" value="2008-03-01T10:00:00+00:00"/><string key="org:resource" value="Ann Clerk"/><string key="lifecycle:transition" value="complete"/></event>
            <event><string key="concept:name" value="Assessment"/><date key="time:timestamp" value="2008-03-02T09:00:00+01:00"/><string key="org:resource" value="Sam Worker"/><string key="lifecycle:transition" value="start"/></event>
            <event><string key="concept:name" value="Letter"/><date key="time:timestamp" value="2008-03-02T08:00:00+00:00"/><string key="org:resource" value="Sam Worker"/><string key="lifecycle:transition" value="complete"/></event>
            <event><string key="concept:name" value="Assessment"/><date key="time:timestamp" value="2008-03-05T12:00:00-05:00"/><string key="org:resource" value="Sam Worker"/><string key="lifecycle:transition" value="complete"/></event>
          </trace>
          <trace><string key="concept:name" value="melvyn"/><string key="lf:household" value="h2"/>
            <event><string key="concept:name" value="Register request"/><date key="time:timestamp" value="2009-01-05T08:30:00+00:00"/><string key="org:resource" value="Pat Nurse"/><string key="lifecycle:transition" value="complete"/></event>
          </trace>
        </log>
        """;

    [Fact]
    public void EventLogHeader_MapsItself_OntoLocalFlowsFields()
    {
        var header = Pm4pyCsv.Split('\n')[0].Trim().Split(',');

        var mapping = CsvMapping.EventLog(header, "Council").ShouldNotBeNull();

        mapping.Columns["person"].ShouldBe("case:concept:name");
        mapping.Columns["activity"].ShouldBe("concept:name");
        mapping.Columns["kind"].ShouldBe("concept:name");
        mapping.Columns["start"].ShouldBe("time:timestamp");
        mapping.Columns["worker"].ShouldBe("org:resource");
        mapping.Columns["lifecycle"].ShouldBe("lifecycle:transition");
        mapping.Columns["household"].ShouldBe("case:lf:household");
        mapping.Agency.ShouldBe("Council");
        mapping.Validate();
        CsvMapping.EventLog(["Ref", "Subject", "Occurred"], "Council").ShouldBeNull();
    }

    [Fact]
    public void Pm4pyCsv_ReadsAsItsXesDoes_LifecyclePairsIncluded()
    {
        var fromCsv = new ActivityLogBuilder();
        var header = Pm4pyCsv.Split('\n')[0].Trim().Split(',');
        var csvReport = CsvActivityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Pm4pyCsv)), CsvMapping.EventLog(header, "Council")!, fromCsv, "log.csv");
        var fromXes = new ActivityLogBuilder();
        var xesReport = XesReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(SameAsXes)), fromXes, new XesReadOptions { DefaultAgency = "Council" });

        csvReport.Errors.ShouldBeEmpty();
        xesReport.Errors.ShouldBeEmpty();
        csvReport.Notes.ShouldContain("1 lifecycle start/complete pairs became one record each");
        csvReport.UnknownKinds.Keys.ShouldBe(xesReport.UnknownKinds.Keys, ignoreOrder: true);
        var csv = fromCsv.Build();
        var xes = fromXes.Build();
        csv.Count.ShouldBe(4);
        Events(csv).ShouldBe(Events(xes));
        var assessment = Events(csv).Single(e => e.Kind == ActivityKind.Assessment);
        assessment.End.ShouldBe(new DateTimeOffset(2008, 3, 5, 17, 0, 0, TimeSpan.Zero));
        assessment.Worker.ShouldBe("Sam Worker");
        assessment.HouseholdId.ShouldBe("h1");
    }

    [Fact]
    public void ACompleteBeforeItsStart_IsAnErrorOnItsLine()
    {
        const string text = """
            case:concept:name,concept:name,time:timestamp,lifecycle:transition
            ruth,Assessment,2008-03-02 09:00:00+00:00,start
            ruth,Assessment,2008-03-01 09:00:00+00:00,complete
            """;

        var report = CsvActivityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), CsvMapping.EventLog(text.Split('\n')[0].Trim().Split(','), "Council")!, new ActivityLogBuilder(), allowPartial: true);

        var error = report.Errors.ShouldHaveSingleItem();
        error.Row.ShouldBe(3);
        error.Message.ShouldBe("completes before it started");
    }

    private static List<ActivityEvent> Events(ActivityLog log) =>
        Enumerable.Range(0, log.Count).Select(i => log[i] with { SourceSystem = null }).OrderBy(e => e.PersonId, StringComparer.Ordinal).ThenBy(e => e.Start).ToList();
}
