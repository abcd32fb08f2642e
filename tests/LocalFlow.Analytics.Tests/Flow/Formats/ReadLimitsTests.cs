using System.IO.Compression;
using System.Text;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Analytics.Linking;

namespace LocalFlow.Analytics.Tests.Flow.Formats;

/// <summary>
/// Bounded memory (issue 14): a file with one huge field, attribute or record is refused with an error naming its
/// line or element, and the reader allocates far less than the value it refuses. The limit is lowered to 16 KB so that
/// a few megabytes of generated data stand for gigabytes.
/// </summary>
public class ReadLimitsTests
{
    private const int Limit = 16 * 1024;
    private const int Huge = 3 << 20;

    private static readonly CsvMapping Mapping = CsvMapping.FromJson("""
        { "agency": "Police", "columns": { "person": "Subject", "time": "Occurred", "kind": "Type", "text": "Notes" } }
        """);

    /// <summary>Bytes allocated on this thread while <paramref name="work"/> runs (it is expected to throw <typeparamref name="T"/>).</summary>
    private static (T Error, long Allocated) Refused<T>(Action work) where T : Exception
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Should.Throw<T>(work);
        return (error, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static MemoryStream Gzip(params byte[][] parts)
    {
        var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var part in parts)
            {
                z.Write(part);
            }
        }
        gz.Position = 0;
        return gz;
    }

    private static byte[] Many(byte b, int n)
    {
        var bytes = new byte[n];
        Array.Fill(bytes, b);
        return bytes;
    }

    [Fact]
    public void Xes_Gzipped_WithOneHugeAttribute_IsRefusedNamingItsLineAndElement_WithoutHoldingIt()
    {
        var head = "<?xml version=\"1.0\"?>\n<log xmlns=\"http://www.xes-standard.org/\">\n<trace>\n<string key=\"concept:name\" value=\"p1\"/>\n<event>\n<string key=\"concept:name\" value=\""u8.ToArray();
        using var gz = Gzip(head, Many((byte)'a', Huge), "\"/>\n</event>\n</trace>\n</log>\n"u8.ToArray());
        gz.Length.ShouldBeLessThan(100_000);

        var (error, allocated) = Refused<FlowFormatException>(() => XesReader.Read(gz, new ActivityLogBuilder(), new XesReadOptions { MaxFieldBytes = Limit }, "huge.xes.gz"));

        error.Message.ShouldContain("huge.xes.gz, line 6");
        error.Message.ShouldContain("<string>");
        error.Message.ShouldContain("16 KB");
        allocated.ShouldBeLessThan(Huge / 2, "the reader must not hold the attribute");
    }

    [Fact]
    public void Csv_AHugeSingleFieldRow_IsRefusedNamingItsLine_WithoutHoldingIt()
    {
        var csv = new MemoryStream();
        csv.Write("Subject,Occurred,Type,Notes\np1,2024-01-01T10:00:00Z,Contact,fine\n"u8);
        csv.Write(Many((byte)'x', Huge));
        csv.Write("\n"u8);
        csv.Position = 0;

        var (error, allocated) = Refused<FlowFormatException>(() => CsvActivityReader.Read(csv, Mapping, new ActivityLogBuilder(), "huge.csv", maxFieldBytes: Limit));

        error.Message.ShouldStartWith("Line 3: the row is longer than 256 KB");
        allocated.ShouldBeLessThan(Huge / 2, "the reader must not hold the row");
    }

    [Fact]
    public void Csv_AFieldOverTheLimit_IsRefusedNamingItsLineAndField()
    {
        var csv = "Subject,Occurred,Type,Notes\np1,2024-01-01T10:00:00Z,Contact," + new string('n', Limit + 1) + "\n";
        var error = Should.Throw<FlowFormatException>(() => CsvActivityReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Mapping, new ActivityLogBuilder(), "long.csv", maxFieldBytes: Limit));
        error.Message.ShouldStartWith("Line 2, field 4: the field is longer than 16 KB");
        // a preview is bounded the same way
        Should.Throw<FlowFormatException>(() => CsvActivityReader.Preview(new MemoryStream(Encoding.UTF8.GetBytes(csv)), maxFieldBytes: Limit));
    }

    [Fact]
    public void Ocel_AHugeEvent_IsRefused_WithoutHoldingIt()
    {
        var json = new MemoryStream();
        json.Write("{\"objectTypes\":[],\"eventTypes\":[],\"objects\":[{\"id\":\"p1\",\"type\":\"person\"}],\"events\":[{\"id\":\"e1\",\"type\":\"Contact\",\"time\":\"2024-01-01T10:00:00Z\",\"attributes\":[{\"name\":\"note\",\"value\":\""u8);
        json.Write(Many((byte)'a', Huge));
        json.Write("\"}],\"relationships\":[{\"objectId\":\"p1\",\"qualifier\":\"\"}]}]}"u8);
        json.Position = 0;

        var (error, allocated) = Refused<FlowFormatException>(() => OcelReader.Read(json, new ActivityLogBuilder(), new OcelReadOptions { MaxFieldBytes = Limit }, "huge.json"));

        error.Message.ShouldContain("one object or event is longer than 256 KB");
        allocated.ShouldBeLessThan(Huge / 2);
    }

    [Fact]
    public void LinkCsv_AHugeLine_IsRefusedNamingIt_WithoutHoldingIt()
    {
        var text = "record_id,given_name\nr1,Ann\nr2," + new string('z', Huge) + "\n";
        using var reader = new StringReader(text);
        var (error, allocated) = Refused<LinkageInputException>(() => LinkCsv.ReadRows(reader, Limit).ToList());
        error.Message.ShouldStartWith("Line 3: the line is longer than 262,144 characters");
        allocated.ShouldBeLessThan(Huge);
    }

    [Fact]
    public void Configure_TakesAWholeNumberOfBytes_AndRefusesNonsense()
    {
        ReadLimits.Configure(null).ShouldBeNull();
        ReadLimits.Configure("lots").ShouldNotBeNull().ShouldContain("whole number");
        ReadLimits.Configure("10").ShouldNotBeNull();
        ReadLimits.FieldBytes.ShouldBe(ReadLimits.DefaultFieldBytes);
    }
}
