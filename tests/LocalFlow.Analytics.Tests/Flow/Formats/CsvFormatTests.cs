using System.Text;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;

namespace LocalFlow.Analytics.Tests.Flow.Formats;

public class CsvFormatTests
{
    private static readonly CsvMapping Police = CsvMapping.FromJson("""
        {
          "agency": "Police",
          "sourceSystem": "Niche",
          "timeZone": "Europe/London",
          "columns": { "person": "Subject", "time": "Occurred", "kind": "Type", "subtype": "Outcome", "worker": "Officer",
                       "sourceRecordId": "Ref", "cost": "Cost", "helped": "Helped", "text": "Notes" },
          "kinds": { "INC": "Contact", "999": "EmergencyResponse", "REF": "Referral", "NFA": "Closure" }
        }
        """);

    private static (ActivityLogBuilder Builder, FlowImportReport Report) Read(string csv, CsvMapping mapping, bool partial = false)
    {
        var b = new ActivityLogBuilder();
        var report = CsvActivityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), mapping, b, "test.csv", partial);
        return (b, report);
    }

    [Fact]
    public void Reads_MappedColumns_QuotedText_AndKeepsOffsets()
    {
        var csv = "\uFEFFSubject,Occurred,Type,Outcome,Officer,Ref,Cost,Helped,Notes\r\n"
            + "P1,2009-06-04T10:15:00+01:00,INC,,PC 12,R1,£45.50,no,\"Caller said \"\"I can't cope\"\",\r\nplease help\"\r\n"
            + "P1,2009-06-04T10:15:00Z,999,,PC 7,R2,,yes,\r\n"
            + "\r\n"
            + "P2,2009-01-10 08:00,REF,,,R3,,,\r\n"
            + "P2,2009-01-11,Strange,,,R4,,,\r\n";
        var (b, report) = Read(csv, Police);
        report.Errors.ShouldBeEmpty();
        report.Rows.ShouldBe(4);
        report.Added.ShouldBe(4);
        report.UnknownKinds.ShouldBe(new SortedDictionary<string, long> { ["Strange"] = 1 });
        var log = b.Build();
        var first = log[0];
        first.PersonId.ShouldBe("P1");
        first.Start.ShouldBe(new DateTimeOffset(2009, 6, 4, 10, 15, 0, TimeSpan.FromHours(1)));
        first.Start.Offset.ShouldBe(TimeSpan.FromHours(1));
        first.Text.ShouldBe("Caller said \"I can't cope\",\r\nplease help");
        first.Cost.ShouldBe(45.50m);
        first.Helped.ShouldBe(false);
        first.SourceSystem.ShouldBe("Niche");
        first.Agency.ShouldBe("Police");
        log[1].Kind.ShouldBe(ActivityKind.EmergencyResponse);
        // a London time with no offset is read in British Summer Time or GMT as the date requires
        log[2].Start.Offset.ShouldBe(TimeSpan.Zero);
        log[3].Kind.ShouldBe(ActivityKind.Other);
    }

    [Fact]
    public void BadRows_AreReportedWithTheirLineNumbers_AndTheFileChangesNothing()
    {
        var csv = "Subject,Occurred,Type,Outcome,Officer,Ref,Cost,Helped,Notes\n"
            + "P1,2009-06-04T10:15:00+01:00,INC,,,R1,,,\n"
            + "P1,04/06/2009,INC,,,R2,,,\n"
            + ",2009-06-04T10:15:00Z,INC,,,R3,,,\n"
            + "P3,2009-06-04T10:15:00Z,INC,,,R1,ten,maybe,\n"
            + "P4,2009-10-25T01:30:00,INC,,,R5,,,\n"
            + "P5,2009-03-29T01:30:00,INC,,,R6,,,\n"
            + "P6,2009-02-30T10:00:00Z,INC,,,R7,,,\n"
            + "P7,2009-06-04T10:15:00Z,INC,,,R8,,\n"
            + "P8,\"2009-06-04\"x,INC,,,R9,,,\n";
        var builder = new ActivityLogBuilder();
        builder.Add(new ActivityEvent("earlier", null, "GP", null, null, ActivityKind.Contact, null, null, null, DateTimeOffset.UnixEpoch));
        var report = CsvActivityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Police, builder);
        report.Rejected.ShouldBeTrue();
        report.Added.ShouldBe(0);
        builder.Count.ShouldBe(1);
        var errors = report.Errors.Select(e => e.ToString()).ToList();
        errors.ShouldContain(e => e.StartsWith("row 3, Occurred: \"04/06/2009\" is not an ISO 8601 timestamp"));
        errors.ShouldContain("row 4, Subject: no person id");
        errors.ShouldContain(e => e.StartsWith("row 5, Cost: \"ten\""));
        errors.ShouldContain("row 5, Helped: \"maybe\" is not yes or no");
        errors.ShouldContain("row 5, Ref: duplicate record id \"R1\" (first on row 2)");
        errors.ShouldContain(e => e.StartsWith("row 6, Occurred:") && e.Contains("ambiguous"));
        errors.ShouldContain(e => e.StartsWith("row 7, Occurred:") && e.Contains("did not happen"));
        errors.ShouldContain(e => e.StartsWith("row 8, Occurred:"));
        errors.ShouldContain("row 9: has 8 fields but the header has 9");
        errors.ShouldContain("row 10: text follows a closing quote");
        report.ErrorCount.ShouldBe(10);
    }

    [Fact]
    public void PartialImport_KeepsTheGoodRows()
    {
        var csv = "Subject,Occurred,Type,Outcome,Officer,Ref,Cost,Helped,Notes\nP1,2009-06-04T10:15:00Z,INC,,,,,,\nP2,yesterday,INC,,,,,,\n";
        var (b, report) = Read(csv, Police, partial: true);
        report.Rejected.ShouldBeFalse();
        report.Added.ShouldBe(1);
        report.ErrorCount.ShouldBe(1);
        b.Count.ShouldBe(1);
    }

    [Fact]
    public void TimesWithoutOffset_AreRefused_WhenTheMappingHasNoZone()
    {
        var mapping = Police with { TimeZone = null };
        var (_, report) = Read("Subject,Occurred,Type,Outcome,Officer,Ref,Cost,Helped,Notes\nP1,2009-06-04T10:15:00,INC,,,,,,\n", mapping);
        report.Errors.Single().Message.ShouldContain("has no time zone offset");
    }

    [Fact]
    public void MissingColumns_AndBadMappings_AreExplained()
    {
        var (_, report) = Read("Who,When\nP1,2009-06-04T10:15:00Z\n", Police);
        report.Rejected.ShouldBeTrue();
        report.Errors[0].Message.ShouldStartWith("the header has no column \"Subject\"");
        Should.Throw<FlowFormatException>(() => CsvMapping.FromJson("""{ "columns": { "person": "a", "start": "b" } }""")).Message.ShouldContain("kind");
        Should.Throw<FlowFormatException>(() => CsvMapping.FromJson("""{ "agency": "x", "columns": { "person": "a", "start": "b", "kind": "c" }, "kinds": { "A": "Teleport" } }""")).Message.ShouldContain("Teleport");
        Should.Throw<FlowFormatException>(() => CsvMapping.FromJson("{ not json")).Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void CustomTimeFormat_IsUsedExactly()
    {
        var mapping = Police with { TimeFormat = "dd/MM/yyyy HH:mm" };
        var (b, report) = Read("Subject,Occurred,Type,Outcome,Officer,Ref,Cost,Helped,Notes\nP1,04/06/2009 10:15,INC,,,,,,\nP1,2009-06-04,INC,,,,,,\n", mapping, partial: true);
        report.ErrorCount.ShouldBe(1);
        b.Build()[0].Start.ShouldBe(new DateTimeOffset(2009, 6, 4, 10, 15, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Writer_RoundTrips_ThroughTheCanonicalMapping()
    {
        var b = new ActivityLogBuilder();
        var t = new DateTimeOffset(2011, 7, 1, 10, 0, 0, TimeSpan.FromHours(1));
        var original = new ActivityEvent("m, 1", "h1", "NHS", "Ward \"4\"", "Dr A", ActivityKind.Admission, "COPD", null, null, t, t.AddDays(12), "PAS", "A1", 4200.5m, false, "preventable", "line one\nline two", "Admit");
        b.Add(original);
        b.Add(new ActivityEvent("m, 1", null, "Council", null, null, ActivityKind.Referral, null, "OT", "Ramps", t.AddDays(20)));
        var log = b.Build();
        var sw = new StringWriter();
        CsvActivityWriter.Write(log, sw);
        var (back, report) = Read(sw.ToString(), CsvMapping.Canonical);
        report.Errors.ShouldBeEmpty();
        var again = back.Build();
        again[0].ShouldBe(original);
        again[1].ShouldBe(log[1]);
        var preview = CsvActivityReader.Preview(new MemoryStream(Encoding.UTF8.GetBytes(sw.ToString())), rows: 1);
        preview.Header.ShouldBe(CsvActivityWriter.Header);
        preview.Rows.Single()[0].ShouldBe("m, 1");
    }

    [Fact]
    public void Timestamps_AcceptIsoForms_AndRefuseOthers()
    {
        FlowTimestamps.TryParse("2009-06-04T10:15:30.1234567-05:30", null, null, out var v, out _).ShouldBeTrue();
        v.Offset.ShouldBe(TimeSpan.FromMinutes(-330));
        v.Ticks.ShouldBe(new DateTime(2009, 6, 4, 10, 15, 30).AddTicks(1234567).Ticks);
        FlowTimestamps.TryParse("2009-06-04T10:15+0100", null, null, out v, out _).ShouldBeTrue();
        FlowTimestamps.TryParse("2009-13-04T10:15Z", null, null, out _, out _).ShouldBeFalse();
        FlowTimestamps.TryParse("2009-06-04T25:15Z", null, null, out _, out _).ShouldBeFalse();
        FlowTimestamps.TryParse("2009-06-04T10:15Zulu", null, null, out _, out _).ShouldBeFalse();
        // year 0001 (a blank date in some systems) is refused with a reason, not stored or crashed on
        FlowTimestamps.TryParse("0001-01-01T00:00:00+01:00", null, null, out _, out var early).ShouldBeFalse();
        early.ShouldBe("\"0001-01-01T00:00:00+01:00\" is before 1900: check the year");
        FlowTimestamps.TryParse("0001-01-01 00:00", null, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), out _, out _).ShouldBeFalse();
        FlowTimestamps.TryParse("06/04/2009", null, TimeZoneInfo.Utc, out _, out var error).ShouldBeFalse();
        error!.ShouldContain("not an ISO 8601");
        FlowTimestamps.Format(new DateTimeOffset(2009, 6, 4, 10, 15, 0, TimeSpan.FromHours(1))).ShouldBe("2009-06-04T10:15:00+01:00");
    }

    [Fact]
    public void LargeFiles_CrossTheReadBuffer_WithQuotedLineBreaksIntact()
    {
        var b = new ActivityLogBuilder();
        var t = new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.FromHours(-3));
        for (var i = 0; i < 30_000; i++)
        {
            var text = i % 3 == 0 ? $"note {i}, with \"quotes\"\r\nand a second line {new string('x', i % 97)}" : null;
            b.Add(new ActivityEvent("p" + (i % 1000), null, "Agency " + (i % 12), null, "w" + (i % 50), (ActivityKind)(1 + (i % 14)), null, null, null, t.AddMinutes(i), Text: text));
        }
        var log = b.Build();
        var sw = new StringWriter();
        CsvActivityWriter.Write(log, sw);
        var bytes = Encoding.UTF8.GetBytes(sw.ToString());
        bytes.Length.ShouldBeGreaterThan(2 << 20);
        var back = new ActivityLogBuilder();
        var report = CsvActivityReader.Read(new MemoryStream(bytes), CsvMapping.Canonical, back);
        report.Errors.ShouldBeEmpty();
        report.Rows.ShouldBe(30_000);
        var again = back.Build();
        for (var i = 0; i < again.Count; i += 7)
        {
            again[i].ShouldBe(log[i]);
        }
    }

    [Fact]
    public void RecordLines_AreTheLinesTheKeptRowsStartOn_AsErrorsNumberThem()
    {
        var csv = "Subject,Occurred,Type,Outcome,Officer,Ref,Cost,Helped,Notes\r\n"
            + "P1,2009-06-04T10:15:00Z,INC,,,R1,,,\"two\r\nlines\"\r\n"
            + "\r\n"
            + "P1,not a time,INC,,,R2,,,\r\n"
            + "P2,2009-06-05T10:15:00Z,INC,,,R3,,,\r\n";
        var lines = new List<long>();
        var builder = new ActivityLogBuilder();
        var report = CsvActivityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Police, builder, allowPartial: true, recordLines: lines);
        report.Errors.Single().Row.ShouldBe(5);
        lines.ShouldBe([2L, 6L], "one line per record kept, in the order added: the refused row is the error's line");
        builder.Count.ShouldBe(lines.Count);

        // A whole file refused keeps no lines.
        lines.Clear();
        CsvActivityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Police, new ActivityLogBuilder(), recordLines: lines).Rejected.ShouldBeTrue();
        lines.ShouldBeEmpty();
    }
}
