using System.Text;
using CsCheck;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;

namespace LocalFlow.Data.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the flow readers (CSV through a mapping, XES, OCEL 2.0), on malformed files of every
/// shape (see <see cref="Malformed"/>). For every file: nothing is thrown but <see cref="FlowFormatException"/> with a
/// message; a file refused adds no record; every error names its line (or event); no case hangs; and no case
/// allocates more than a small multiple of its size. Compression bombs are refused within a fixed memory bound.
/// Long run: <c>LOCALFLOW_FUZZ_ITERATIONS=100000</c> (docs/trust.md).
/// </summary>
public class ReaderFuzzTests
{
    private const long Quick = 300;

    internal static readonly CsvMapping Mapping = CsvMapping.FromJson("""
        { "agency": "Police", "sourceSystem": "Police (Niche)", "timeZone": "Europe/London",
          "columns": { "person": "Subject", "start": "Occurred", "end": "Closed", "kind": "Type", "subtype": "Outcome", "worker": "Officer",
                       "team": "Unit", "sourceRecordId": "Ref", "cost": "Cost", "helped": "Helped", "referredToAgency": "Referred to" },
          "kinds": { "INC": "Contact", "999": "EmergencyResponse", "REF": "Referral", "NFA": "Closure" } }
        """);

    internal static string ValidCsv(string person, string other) => $""""
        Ref,Subject,Occurred,Closed,Type,Outcome,Officer,Unit,Cost,Helped,Referred to
        N-1,{person},2025-06-01 22:15,2025-06-01 23:00,999,Domestic incident,PC Jones,Night shift,,yes,
        N-2,{person},2025-06-02T09:00:00+01:00,,REF,PPN,PC Jones,,£12.50,,Northfield Borough Council
        N-3,{other},02/06/2025 10:00,,NFA,"No further action, ""closed""",Officer Dibble,,1200,no,
        N-4,{other},2025-06-04 10:00,,WELFARE,,,,,,

        """";

    internal static readonly byte[] ValidXes = Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
          <classifier name="Activity" keys="concept:name"/>
          <string key="concept:name" value="Small log"/>
          <trace>
            <string key="concept:name" value="ruth"/>
            <event>
              <string key="concept:name" value="Contact"/>
              <string key="org:group" value="Police"/>
              <date key="time:timestamp" value="2025-06-01T22:15:00+01:00"/>
              <string key="lifecycle:transition" value="start"/>
              <float key="cost:total" value="12.5"/>
            </event>
            <event>
              <string key="concept:name" value="Contact"/>
              <date key="time:timestamp" value="2025-06-01T23:15:00+01:00"/>
              <string key="lifecycle:transition" value="complete"/>
            </event>
          </trace>
          <trace>
            <string key="concept:name" value="sam"/>
            <event>
              <string key="concept:name" value="Referral"/>
              <string key="org:resource" value="PC Jones"/>
              <date key="time:timestamp" value="2025-06-02T09:00:00Z"/>
              <list key="l"><values><string key="v" value="x"/></values></list>
            </event>
          </trace>
        </log>
        """);

    internal static readonly byte[] ValidOcel = Encoding.UTF8.GetBytes("""
        {
          "objectTypes": [ { "name": "person", "attributes": [] }, { "name": "household", "attributes": [] } ],
          "eventTypes": [ { "name": "Contact", "attributes": [] } ],
          "events": [
            { "id": "e1", "type": "Contact", "time": "2009-05-01T10:00:00+01:00",
              "attributes": [ { "name": "agency", "value": "Police" }, { "name": "worker", "value": "Duty SW" }, { "name": "cost", "value": 420.0 } ],
              "relationships": [ { "objectId": "jake", "qualifier": "about" } ] },
            { "id": "e2", "type": "Referral", "time": "2009-05-03T09:00:00Z",
              "relationships": [ { "objectId": "jake", "qualifier": "about" }, { "objectId": "h1", "qualifier": "household" } ] }
          ],
          "objects": [
            { "id": "jake", "type": "person", "attributes": [ { "name": "name", "time": "1970-01-01T00:00:00Z", "value": "Jake" } ],
              "relationships": [ { "objectId": "h1", "qualifier": "member of" } ] },
            { "id": "h1", "type": "household", "attributes": [] }
          ]
        }
        """);

    /// <summary>Allowed allocation for one file: a fixed 32 MB for the reader's buffers, plus 64 bytes for each byte of the file.</summary>
    private static long Budget(byte[] file) => (32L << 20) + 64L * file.Length;

    /// <summary>The properties every reader keeps on every file.</summary>
    private static void RefusedCleanly(byte[] file, string what, Func<Stream, ActivityLogBuilder, FlowImportReport> read)
    {
        var builder = new ActivityLogBuilder();
        FlowImportReport? report = null;
        var thrown = Fuzzing.Run(() =>
        {
            using var stream = new MemoryStream(file, writable: false);
            report = read(stream, builder);
            if (!report.Rejected)
            {
                builder.Build(); // what the importer does next with an accepted file
            }
        }, Budget(file), what);
        if (thrown is not null)
        {
            if (thrown is not FlowFormatException || string.IsNullOrWhiteSpace(thrown.Message))
            {
                Assert.Fail($"{what} threw {thrown}");
            }
            builder.Count.ShouldBe(0, $"{what} refused the file ({thrown.Message}) but kept records from it");
            return;
        }
        if (report!.Rejected)
        {
            builder.Count.ShouldBe(0, $"{what} rejected the file but kept records from it");
            report.ErrorCount.ShouldBeGreaterThan(0, $"{what} rejected the file without saying why");
        }
        foreach (var e in report.Errors)
        {
            e.Row.ShouldBeGreaterThanOrEqualTo(1, $"{what}: the error \"{e}\" names no line");
            e.Message.ShouldNotBeNullOrWhiteSpace();
        }
    }

    private static void Fuzz(Gen<byte[]> files, string what, Func<Stream, ActivityLogBuilder, FlowImportReport> read) =>
        files.Sample(file => RefusedCleanly(file, what, read), iter: Fuzzing.Iterations(Quick), seed: Fuzzing.Seed, print: Fuzzing.Describe);

    [Fact]
    public void FlowCsv_MalformedFiles_AreRefusedCleanly()
    {
        var valid = Encoding.UTF8.GetBytes(ValidCsv("P-1", "P-2"));
        Fuzz(Malformed.Files(valid), "The CSV reader", (s, b) => CsvActivityReader.Read(s, Mapping, b, "fuzz.csv"));
        Fuzz(Malformed.Files(valid), "The CSV preview", (s, _) =>
        {
            CsvActivityReader.Preview(s);
            return new FlowImportReport();
        });
    }

    [Fact]
    public void Xes_MalformedFiles_AreRefusedCleanly() =>
        Fuzz(Malformed.Files(ValidXes, Malformed.HostileXml()), "The XES reader", (s, b) => XesReader.Read(s, b, source: "fuzz.xes"));

    [Fact]
    public void Ocel_MalformedFiles_AreRefusedCleanly() =>
        Fuzz(Malformed.Files(ValidOcel, Malformed.HostileJson()), "The OCEL reader", (s, b) => OcelReader.Read(s, b, source: "fuzz.json"));

    [Fact]
    public void CompressionBombs_AreRefused_WithinAFixedMemoryBound()
    {
        const long bound = 32L << 20;
        // One attribute that unpacks to 64 MB, in XES and in OCEL: refused at the field limit, never held.
        var xes = Malformed.GzipBomb("<log><trace><string key=\"concept:name\" value=\"", "a", 64, "\"/></trace></log>");
        var ocel = Malformed.GzipBomb("{\"events\":[{\"id\":\"", "a", 64, "\"}]}");
        // Many small elements that unpack to more than the decompression limit allows.
        var many = Malformed.GzipBomb("<log>", "<trace><string key=\"concept:name\" value=\"x\"/></trace>", 40, "</log>");
        xes.Length.ShouldBeLessThan(1 << 20, "a bomb is small on disk");

        Refused(xes, s => XesReader.Read(s, new ActivityLogBuilder(), source: "bomb.xes.gz")).ShouldContain("longer than 64 KB");
        Refused(ocel, s => OcelReader.Read(LimitedStream.WrapMaybeGzip(s, 4L << 30, "bomb.json.gz"), new ActivityLogBuilder(), source: "bomb.json.gz")).ShouldContain("longer than 1 MB");
        Refused(many, s => XesReader.Read(s, new ActivityLogBuilder(), new XesReadOptions { MaxDecompressedBytes = 16 << 20 }, source: "many.xes.gz"))
            .ShouldContain("compression bomb");

        static string Refused(byte[] file, Action<Stream> read)
        {
            var thrown = Fuzzing.Run(() => read(new MemoryStream(file, writable: false)), bound, "A compression bomb");
            return thrown.ShouldBeOfType<FlowFormatException>().Message;
        }
    }
}
