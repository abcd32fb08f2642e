using System.Text;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Linking;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.Fuzz;

/// <summary>Each bug the fuzz tests found, kept as its own small test (each failed before its fix).</summary>
public class FoundByFuzzingTests
{
    private static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private const string LateXes = """
        <log><trace><string key="concept:name" value="ruth"/>
        <event><date key="time:timestamp" value="9999-12-31T23:59:59-14:00"/><string key="concept:name" value="a"/></event>
        </trace></log>
        """;

    [Fact]
    public void Xes_ATimeThatIsPastYear9999InUtc_IsAnErrorNamingItsLine_NotACrash()
    {
        // was: ArgumentOutOfRangeException from new DateTimeOffset (a 500 in the web, a stack trace in the CLI)
        var builder = new ActivityLogBuilder();
        var report = XesReader.Read(Utf8(LateXes), builder, source: "late.xes");
        report.Rejected.ShouldBeTrue();
        var error = report.Errors.ShouldHaveSingleItem();
        error.Row.ShouldBe(2);
        error.Column.ShouldBe("time:timestamp");
        error.Message.ShouldContain("outside the years LocalFlow takes");
        builder.Count.ShouldBe(0);
    }

    [Fact]
    public void Xes_Year0001_IsRefused_AsTheCsvAndDemandImportsRefuseIt()
    {
        // was: accepted, a record dated 0001-01-01 (what a blank date becomes in some systems)
        var report = XesReader.Read(Utf8(LateXes.Replace("9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00Z", StringComparison.Ordinal)), new ActivityLogBuilder());
        report.Errors.ShouldHaveSingleItem().Message.ShouldContain("1900");
    }

    [Fact]
    public void Ocel_ATimeThatIsPastYear9999InUtc_IsAnErrorNamingItsEvent_NotACrash()
    {
        const string ocel = """
            {"objects": [{"id": "p", "type": "person"}],
             "events": [{"id": "e1", "type": "Contact", "time": "9999-12-31T23:00:00-05:00", "relationships": [{"objectId": "p"}]}]}
            """;
        var report = OcelReader.Read(Utf8(ocel), new ActivityLogBuilder());
        report.Rejected.ShouldBeTrue();
        var error = report.Errors.ShouldHaveSingleItem();
        error.Row.ShouldBe(1);
        error.Message.ShouldContain("event e1");
        error.Message.ShouldContain("outside the years");
    }

    [Fact]
    public void Ocel_BytesThatAreNotUtf8InAName_RefuseTheFileClearly_NotACrash()
    {
        // was: InvalidOperationException "Cannot transcode invalid UTF-8 JSON text" (not caught by the importer)
        var file = Encoding.UTF8.GetBytes("{\"objects\": [], \"even\u0001ts\": []}");
        file[Array.IndexOf(file, (byte)1)] = 0xC0;
        var ex = Should.Throw<FlowFormatException>(() => OcelReader.Read(new MemoryStream(file), new ActivityLogBuilder(), source: "bad.json"));
        ex.Message.ShouldContain("not UTF-8");
        ex.Message.ShouldContain("bad.json");
    }

    [Fact]
    public void Ocel_EventsAndObjectsThatAreNotObjects_AreErrorsNamingThem_NotACrash()
    {
        // was: InvalidOperationException "requires an element of type 'Object'" for an event written as a number
        var report = OcelReader.Read(Utf8("""{"objects": [7, {"id": "p", "type": "person", "relationships": 3}], "events": [1, "x", {"id": "e3", "type": "A", "time": "2020-01-01T00:00:00Z", "attributes": [5], "relationships": [[], {"objectId": "p"}]}]}"""), new ActivityLogBuilder());
        report.Errors.Select(e => e.ToString()).ShouldBe(["row 1, objects: an object has no id or type", "row 1, type: event #1 has no type", "row 2, type: event #2 has no type"]);
        report.Rejected.ShouldBeTrue();
    }

    [Fact]
    public void Xes_ADamagedGzipFile_IsRefusedNamingTheFile_AsTheReadersOwnError()
    {
        // was: InvalidDataException from the decompressor, which the CLI showed as a stack trace
        byte[] file = [0x1F, 0x8B, 0xC2, 0xA3, .. Encoding.UTF8.GetBytes("<log></log>")];
        var ex = Should.Throw<FlowFormatException>(() => XesReader.Read(new MemoryStream(file), new ActivityLogBuilder(), source: "damaged.xes.gz"));
        ex.Message.ShouldStartWith("damaged.xes.gz looks compressed (gzip) but is damaged");
    }

    [Fact]
    public void Csv_ANulCharacter_IsARowErrorNamingItsColumn_AndOcel_AnEventOrObjectWithOne()
    {
        // was: read as text; on PostgreSQL the flow import then crashed looking the person up (22021: invalid byte sequence 0x00)
        var text = ReaderFuzzTests.ValidCsv("P-\01", "P-2");
        var report = CsvActivityReader.Read(Utf8(text), ReaderFuzzTests.Mapping, new ActivityLogBuilder());
        report.Rejected.ShouldBeTrue();
        report.Errors.Where(e => e.Message.Contains("NUL character", StringComparison.Ordinal)).Select(e => (e.Row, e.Column)).ShouldBe([(2L, "Subject"), (3L, "Subject")]);

        var ocel = OcelReader.Read(Utf8("""{"objects": [{"id": "p\u0000", "type": "person"}], "events": [{"id": "e1", "type": "A", "time": "2020-01-01T00:00:00Z", "relationships": [{"objectId": "p\u0000"}]}]}"""), new ActivityLogBuilder());
        ocel.Errors.Select(e => e.ToString()).ShouldBe([
            "row 1, objects: object p\0 holds a NUL character (character 0), which is not text: check the file was exported as text",
            "row 1: event 1 holds a NUL character (character 0), which is not text: check the file was exported as text"]);
    }

    [Fact]
    public void Csv_ATimeThatIsPastYear9999InUtc_IsAnError_NotACrash()
    {
        FlowTimestamps.TryParse("9999-12-31T23:30:00-01:00", null, null, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("outside the years");
    }

    [Fact]
    public void Csv_AFileRefusedPartWay_LeavesNoRecordsBehind()
    {
        // was: the rows before an over-long field stayed in the builder although the file was refused
        var text = ReaderFuzzTests.ValidCsv("P-1", "P-2") + "N-5,P-1,2025-06-05 10:00,,INC," + new string('a', 70 * 1024) + ",,,,,\n";
        var builder = new ActivityLogBuilder();
        var lines = new List<long>();
        Should.Throw<FlowFormatException>(() => CsvActivityReader.Read(Utf8(text), ReaderFuzzTests.Mapping, builder, recordLines: lines))
            .Message.ShouldContain("Line 6");
        builder.Count.ShouldBe(0);
        lines.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IdentityImport_ANulByteOrBytesThatAreNotUtf8_AreErrorsNamingTheRow_AndNothingIsStored(DatabaseProvider provider)
    {
        // was: previewed as fine, then PostgreSQL refused the NUL byte on saving (a DbUpdateException, a 500), and SQLite stored it
        await using var db = await TestDatabase.CreateDemoAsync(provider, new DemoOptions { Households = 40, Users = false, Today = new DateOnly(2026, 11, 23) });
        await using var ctx = db.Options.CreateContext();
        var locality = await ctx.Localities.Select(l => l.Id).FirstAsync();
        var before = await ctx.SourceIdentities.CountAsync();
        var preview = await IdentityImport.PreviewAsync(ctx, locality, "Fuzz system", "record id,surname,email\nF-1,Smith,ann\0@example.org\nF-2,Jon\uFFFDes,\n");
        preview.CanStore.ShouldBeFalse();
        preview.Errors.Select(e => (e.Row, e.Problem)).ShouldBe([
            (2, "the row holds a NUL byte (character 0), which is not text: check the file was exported as CSV"),
            (3, "the row has bytes that are not UTF-8 text: save the file as UTF-8 and import it again")]);
        await Should.ThrowAsync<LocalFlow.Analytics.Linking.LinkageInputException>(() => IdentityImport.StoreAsync(ctx, locality, null, "bad.csv", preview));
        (await ctx.SourceIdentities.CountAsync()).ShouldBe(before);
    }
}
