using LocalFlow.Analytics.Flow;
using static LocalFlow.Analytics.Tests.Flow.FlowTestLog;

namespace LocalFlow.Analytics.Tests.Flow;

public class ActivityLogTests
{
    [Fact]
    public void Build_SortsByPersonThenTime_KeepingFileOrderForEqualTimes()
    {
        var log = Log(
            E("b", 5, ActivityKind.Contact, "Police"),
            E("a", 3, ActivityKind.Referral, "Police"),
            E("a", 1, ActivityKind.Contact, "GP"),
            E("a", 3, ActivityKind.Assessment, "Council"),
            E("b", 2, ActivityKind.Closure, "Housing"),
            E("a", 3, ActivityKind.Closure, "Housing"));
        log.PersonCount.ShouldBe(2);
        log.PersonId(0).ShouldBe("a");
        log.EventsOf(0).ShouldBe((0, 4));
        Enumerable.Range(0, 4).Select(log.Kind).ShouldBe([ActivityKind.Contact, ActivityKind.Referral, ActivityKind.Assessment, ActivityKind.Closure]);
        log.FileOrder.ToArray().ShouldBe([2, 1, 3, 5, 4, 0]);
        log.Agency(4).ShouldBe("Housing");
        log.FindPerson("b").ShouldBe(1);
        log.FindPerson("z").ShouldBe(-1);
    }

    [Fact]
    public void LongRuns_OutOfOrder_AreSortedStably()
    {
        var b = new ActivityLogBuilder(4);
        for (var i = 0; i < 100; i++)
        {
            // days 99..0 with every pair of records sharing a time
            b.Add(E("p", 49 - (i / 2), ActivityKind.Contact, "A" + i));
        }
        var log = b.Build();
        log.Agency(0).ShouldBe("A98");
        log.Agency(1).ShouldBe("A99");
        log.Agency(99).ShouldBe("A1");
        for (var i = 1; i < 100; i++)
        {
            log.StartUtcTicks[i].ShouldBeGreaterThanOrEqualTo(log.StartUtcTicks[i - 1]);
        }
    }

    [Fact]
    public void Records_RoundTrip_WithTheirOffsets_AndOptionalFields()
    {
        var start = new DateTimeOffset(2009, 6, 4, 10, 15, 0, TimeSpan.FromHours(1));
        var e = new ActivityEvent("jake", "h1", "Children's services", "LST", "SW12", ActivityKind.Meeting, "strategy", null, null, start,
            start.AddHours(2), "Liquidlogic", "R-77", 123.45m, true, "support arranged", "Strategy meeting about grandmother's health", "Strategy meeting");
        var log = Log(e, E("other", 1, ActivityKind.Contact));
        var back = log[log.EventsOf(log.FindPerson("jake")).Start];
        back.ShouldBe(e);
        back.Start.Offset.ShouldBe(TimeSpan.FromHours(1));
        log.StartUtcTicks[0].ShouldBe(start.UtcTicks);
        log[1].Text.ShouldBeNull();
        log[1].Cost.ShouldBeNull();
        log[1].Helped.ShouldBeNull();
    }

    [Fact]
    public void Truncate_ForgetsARejectedFile()
    {
        var b = new ActivityLogBuilder();
        b.Add(E("a", 1, ActivityKind.Contact) with { Text = "kept" });
        b.Add(E("a", 2, ActivityKind.Contact) with { Text = "rejected" });
        b.Truncate(1);
        b.Add(E("a", 3, ActivityKind.Closure));
        var log = b.Build();
        log.Count.ShouldBe(2);
        log[0].Text.ShouldBe("kept");
        log[1].Text.ShouldBeNull();
        log.Kind(1).ShouldBe(ActivityKind.Closure);
    }

    [Fact]
    public void EmptyLog_HasNoPeople()
    {
        var log = ActivityLog.Empty();
        log.Count.ShouldBe(0);
        log.PersonCount.ShouldBe(0);
        new FlowAnalyzer(log).AllPeople().ShouldBeEmpty();
    }

    [Fact]
    public void Append_MovesAnotherBuildersRecords_ReencodingStrings_InOrder()
    {
        var first = new ActivityLogBuilder();
        first.Add(E("a", 1, ActivityKind.Contact, "Police", worker: "PC 1") with { Text = "first" });
        var second = new ActivityLogBuilder();
        second.Add(E("b", 0, ActivityKind.Assessment, "Council", "falls", team: "OT") with { Cost = 12.5m, Helped = true });
        second.Add(E("a", 1, ActivityKind.Referral, "Council", referredTo: "Police") with { SourceRecordId = "R9" });
        first.Append(second);
        second.Count.ShouldBe(0);
        var log = first.Build();
        log.Count.ShouldBe(3);
        log.PersonCount.ShouldBe(2);
        // equal times for person a: the record added first (from the first builder) stays first
        log[0].Text.ShouldBe("first");
        log[1].Kind.ShouldBe(ActivityKind.Referral);
        log[1].ReferredToAgency.ShouldBe("Police");
        log[1].SourceRecordId.ShouldBe("R9");
        log[2].ShouldBe(E("b", 0, ActivityKind.Assessment, "Council", "falls", team: "OT") with { Cost = 12.5m, Helped = true });
    }

    [Fact]
    public void ReadFiles_InParallel_GivesTheSameLogAsOneByOne()
    {
        var dir = Directory.CreateTempSubdirectory("lf-files-");
        try
        {
            LocalFlow.Analytics.Flow.Synthetic.SyntheticFlowGenerator.WriteCsv(dir.FullName, 400, 5, 3);
            var files = Directory.GetFiles(dir.FullName, "*.csv").Order(StringComparer.Ordinal)
                .Select(f => (f, LocalFlow.Analytics.Flow.Formats.CsvMapping.FromJson(File.ReadAllText(Path.ChangeExtension(f, ".mapping.json"))))).ToList();
            var parallel = new ActivityLogBuilder();
            LocalFlow.Analytics.Flow.Formats.CsvActivityReader.ReadFiles(files, parallel, parallelism: 3).ShouldAllBe(r => !r.Rejected);
            var serial = new ActivityLogBuilder();
            foreach (var (path, mapping) in files)
            {
                using var s = File.OpenRead(path);
                LocalFlow.Analytics.Flow.Formats.CsvActivityReader.Read(s, mapping, serial);
            }
            var a = parallel.Build();
            var b = serial.Build();
            a.Count.ShouldBe(b.Count);
            a.PersonCount.ShouldBe(400);
            for (var i = 0; i < a.Count; i += 97)
            {
                a[i].ShouldBe(b[i]);
                a.FileOrder[i].ShouldBe(b.FileOrder[i]);
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
