using System.IO.Compression;
using System.Text;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;

namespace LocalFlow.Analytics.Tests.Flow.Formats;

public class XesOcelTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "flow", name);

    [Fact]
    public void Xes_ReadsTypedNestedAndLifecycleAttributes_KeepingEqualTimesInFileOrder()
    {
        var b = new ActivityLogBuilder();
        var report = XesReader.Read(Fixture("awkward.xes"), b);
        report.Errors.ShouldBeEmpty();
        report.Cases.ShouldBe(2);
        report.Rows.ShouldBe(7);
        report.Added.ShouldBe(6);
        report.UnknownKinds.ShouldBeEmpty();
        report.Notes.ShouldContain("classifier \"Activity and transition\": concept:name lifecycle:transition");
        report.Notes.ShouldContain("3 nested attributes, lists or containers were skipped");
        report.Notes.ShouldContain("1 lifecycle start/complete pairs became one record each");
        var log = b.Build();
        log.PersonId(0).ShouldBe("melvyn");
        var (from, to) = log.EventsOf(log.FindPerson("ruth"));
        (to - from).ShouldBe(4);
        var assessment = log[from + 1];
        assessment.Kind.ShouldBe(ActivityKind.Assessment);
        assessment.Start.ShouldBe(new DateTimeOffset(2008, 3, 2, 9, 0, 0, TimeSpan.Zero));
        assessment.Start.Offset.ShouldBe(TimeSpan.FromHours(1));
        assessment.End.ShouldBe(new DateTimeOffset(2008, 3, 5, 17, 0, 0, TimeSpan.Zero));
        assessment.End!.Value.Offset.ShouldBe(TimeSpan.FromHours(-5));
        assessment.Cost.ShouldBe(350.5m);
        assessment.Team.ShouldBe("Family intervention");
        assessment.HouseholdId.ShouldBe("h1");
        // the letter is at the same instant as the assessment's start and comes after it in the file
        log[from + 2].Kind.ShouldBe(ActivityKind.Document);
        log[from + 2].Activity.ShouldBe("Letter");
        log[from].Worker.ShouldBe("PC 12");
        log[from + 3].ReferredToAgency.ShouldBe("Adult social care");
        log[from + 3].Start.Ticks.ShouldBe(new DateTime(2008, 3, 6, 12, 0, 0).AddMilliseconds(500).Ticks);
    }

    [Fact]
    public void LogStatistics_ForTheAwkwardLog_AreCountedByHand()
    {
        var b = new ActivityLogBuilder();
        XesReader.Read(Fixture("awkward.xes"), b);
        var s = LogStatistics.Of(b.Build());
        s.Cases.ShouldBe(2);
        s.Events.ShouldBe(6);
        s.Activities.ShouldBe(4);
        s.Variants.ShouldBe(2);
        s.DirectlyFollowsPairs.ShouldBe(4);
        s.CasesWithRework.ShouldBe(1);
        // ruth: 1 March 09:00 to 6 March 12:00:00.5 (5.125 days and half a second); melvyn: 0 days
        s.MedianCaseDays.ShouldBe((5.125 + (0.5 / 86400)) / 2, 1e-9);
    }

    [Fact]
    public void Xes_RefusesDtds_AndExternalEntities()
    {
        var b = new ActivityLogBuilder();
        var ex = Should.Throw<FlowFormatException>(() => XesReader.Read(Fixture("dtd-attack.xes"), b));
        ex.Message.ShouldContain("DTD");
        b.Count.ShouldBe(0);
    }

    [Fact]
    public void Xes_BadEvents_AreReportedByLine_AndRejectTheFile()
    {
        var b = new ActivityLogBuilder();
        var report = XesReader.Read(Fixture("bad-event.xes"), b);
        report.Rejected.ShouldBeTrue();
        b.Count.ShouldBe(0);
        report.Errors.Select(e => e.ToString()).ShouldBe([
            "row 9, time:timestamp: \"yesterday\" is not an XES date (xs:dateTime)",
            "row 13, time:timestamp: the event has no time:timestamp"]);
        var partial = new ActivityLogBuilder();
        XesReader.Read(Fixture("bad-event.xes"), partial, new XesReadOptions { AllowPartial = true }).Added.ShouldBe(1);
    }

    [Fact]
    public void Xes_Gzipped_IsReadByItsMagicBytes_AndBombsAreRefused()
    {
        var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(File.ReadAllBytes(Fixture("awkward.xes")));
        }
        gz.Position = 0;
        var b = new ActivityLogBuilder();
        XesReader.Read(gz, b, source: "awkward.xes.gz").Added.ShouldBe(6);

        // 20 MB of comment inside a log compresses to a few kilobytes
        var bomb = new MemoryStream();
        using (var z = new GZipStream(bomb, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(Encoding.UTF8.GetBytes("<log xmlns=\"http://www.xes-standard.org/\"><!--"));
            z.Write(new byte[20 << 20].Select(_ => (byte)'a').ToArray());
            z.Write(Encoding.UTF8.GetBytes("--></log>"));
        }
        bomb.Length.ShouldBeLessThan(100_000);
        bomb.Position = 0;
        var ex = Should.Throw<FlowFormatException>(() => XesReader.Read(bomb, new ActivityLogBuilder(), new XesReadOptions { MaxDecompressedBytes = 1 << 20, MaxFieldBytes = 8 << 20 }, "bomb.xes.gz"));
        ex.Message.ShouldContain("compression bomb");
    }

    [Fact]
    public void Xes_WriterAndReader_RoundTrip()
    {
        var b = new ActivityLogBuilder();
        var t = new DateTimeOffset(2011, 7, 1, 10, 0, 0, TimeSpan.FromHours(1));
        var admission = new ActivityEvent("melvyn", "h9", "NHS", "Ward 4", "Dr A", ActivityKind.Admission, "COPD", null, null, t, t.AddDays(12), "PAS", "A1", 4200.5m, false, "preventable", "fell <again> & \"again\"");
        b.Add(admission);
        b.Add(new ActivityEvent("melvyn", null, "Council", null, null, ActivityKind.Referral, null, "OT", "Ramps", t.AddDays(20), Activity: "Refer for ramp"));
        var log = b.Build();
        var ms = new MemoryStream();
        XesWriter.Write(log, ms, gzip: true);
        ms.Position = 0;
        var back = new ActivityLogBuilder();
        var report = XesReader.Read(ms, back, source: "out.xes.gz");
        report.Errors.ShouldBeEmpty();
        var again = back.Build();
        again[0].ShouldBe(admission);
        again[1].ShouldBe(log[1]);
    }

    [Fact]
    public void Ocel_PeopleHouseholdsAndAgencyCases_BecomeRecords()
    {
        var b = new ActivityLogBuilder();
        var report = OcelReader.Read(Fixture("people.ocel.json"), b, new OcelReadOptions { Kinds = new Dictionary<string, string> { ["Strategy meeting"] = "Meeting" } });
        report.Errors.ShouldBeEmpty();
        report.Rows.ShouldBe(3);
        report.Added.ShouldBe(4);
        report.Cases.ShouldBe(2);
        report.Notes.ShouldContain("1 events related to several people became one record for each");
        var log = b.Build();
        var (from, to) = log.EventsOf(log.FindPerson("jake"));
        (to - from).ShouldBe(3);
        log[from].Agency.ShouldBe("Children's services");
        log[from].Worker.ShouldBe("Duty SW");
        log[from].Start.Offset.ShouldBe(TimeSpan.FromHours(1));
        log[from + 1].Agency.ShouldBe("Local support team");
        log[from + 1].Cost.ShouldBe(420m);
        log[from + 1].Subtype.ShouldBe("core");
        log[from + 2].Kind.ShouldBe(ActivityKind.Meeting);
        log[from + 2].HouseholdId.ShouldBe("h1");
        log[from + 2].Start.Offset.ShouldBe(TimeSpan.FromHours(-4));
        log[log.EventsOf(log.FindPerson("gran")).Start].Activity.ShouldBe("Strategy meeting");
    }

    [Fact]
    public void Ocel_WithoutPeople_FollowsTheBusiestObjectType()
    {
        var b = new ActivityLogBuilder();
        var report = OcelReader.Read(Fixture("orders.ocel.json"), b);
        report.Notes.ShouldContain("no person objects: each \"order\" object is followed as a case");
        report.UnknownKinds.Keys.ShouldBe(["pick item", "place order"]);
        var s = LogStatistics.Of(b.Build());
        s.Cases.ShouldBe(2);
        s.Events.ShouldBe(4);
        s.Variants.ShouldBe(1);
    }

    [Fact]
    public void Ocel_BadEvents_AreListed_AndTruncatedFilesRefused()
    {
        var json = """
            { "objects": [ { "id": "p", "type": "person" } ],
              "events": [ { "id": "a", "type": "Contact", "time": "2009-01-01T00:00:00", "relationships": [ { "objectId": "p" } ] },
                          { "id": "b", "type": "Contact", "time": "2009-01-01T00:00:00Z", "relationships": [ { "objectId": "ghost" } ] },
                          { "id": "c", "type": "Contact", "time": "2009-01-01T00:00:00Z", "relationships": [ { "objectId": "p" } ] } ] }
            """;
        var b = new ActivityLogBuilder();
        var report = OcelReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), b);
        report.Rejected.ShouldBeTrue();
        report.Errors.Select(e => e.ToString()).ShouldBe([
            "row 1, time: event a: \"2009-01-01T00:00:00\" has no time zone offset",
            "row 2, relationships: event b relates to object \"ghost\", which the file does not define",
            "row 2, relationships: event b is not related to any person or people or client or patient or child or citizen or resident"]);
        b.Count.ShouldBe(0);
        Should.Throw<FlowFormatException>(() => OcelReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json[..60])), new ActivityLogBuilder()));
    }

    [Fact]
    public void Ocel_LargerThanTheReadBuffer_IsStreamedWhole()
    {
        var sb = new StringBuilder("{ \"events\": [");
        for (var i = 0; i < 5000; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append($$"""{ "id": "e{{i}}", "type": "Contact", "time": "2009-01-01T00:00:{{i % 60:00}}Z", "attributes": [ { "name": "text", "value": "{{new string('x', i % 50)}}" } ], "relationships": [ { "objectId": "p{{i % 7}}" } ] }""");
        }
        sb.Append("], \"objects\": [");
        sb.Append(string.Join(",", Enumerable.Range(0, 7).Select(i => $$"""{ "id": "p{{i}}", "type": "person" }""")));
        sb.Append("] }");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        bytes.Length.ShouldBeGreaterThan(4 << 16);
        var b = new ActivityLogBuilder();
        var report = OcelReader.Read(new MemoryStream(bytes), b);
        report.Errors.ShouldBeEmpty();
        report.Added.ShouldBe(5000);
        report.Cases.ShouldBe(7);
    }
}
