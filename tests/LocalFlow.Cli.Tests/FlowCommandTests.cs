using System.Text.Json;

namespace LocalFlow.Cli.Tests;

public class FlowCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "flow", name);

    // the runner gives stdout then stderr (where file reports go in --json mode): take the JSON value that starts stdout
    private static JsonDocument FirstJson(string output)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        reader.Skip();
        return JsonDocument.Parse(bytes.AsMemory(0, (int)reader.BytesConsumed));
    }

    [Fact]
    public async Task Summary_OfAnXesFile_PrintsTheLogFigures()
    {
        var (code, output) = await CliRunner.RunAsync("flow", "summary", Fixture("awkward.xes"));
        code.ShouldBe(0, output);
        output.ShouldContain("Cases:                   2");
        output.ShouldContain("Events:                  6");
        output.ShouldContain("Variants:                2");
        output.ShouldContain("Directly-follows pairs:  4");
        output.ShouldContain("Cases with rework:       1");
        output.ShouldContain("note: 1 lifecycle start/complete pairs became one record each");
    }

    [Fact]
    public async Task Summary_OfAnXesGzWithOneHugeAttribute_GivesTheClearError_NotACrash()
    {
        // 2 MB of one attribute, a few kilobytes gzipped: over the 64 KB a field may hold by default.
        var file = Path.Combine(Path.GetTempPath(), $"lf-huge-{Guid.NewGuid():N}.xes.gz");
        try
        {
            using (var z = new System.IO.Compression.GZipStream(File.Create(file), System.IO.Compression.CompressionLevel.Fastest))
            {
                z.Write("<?xml version=\"1.0\"?>\n<log xmlns=\"http://www.xes-standard.org/\">\n<trace>\n<event>\n<string key=\"concept:name\" value=\""u8);
                z.Write(Enumerable.Repeat((byte)'a', 2 << 20).ToArray());
                z.Write("\"/>\n</event>\n</trace>\n</log>\n"u8);
            }
            var (code, output) = await CliRunner.RunAsync("flow", "summary", file);
            code.ShouldNotBe(0);
            output.ShouldContain("line 5: one attribute or text of the <string> element is longer than 64 KB");
            output.ShouldNotContain("Unhandled exception");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Summary_OfAnOcelFile_AsJson()
    {
        var (code, output) = await CliRunner.RunAsync("flow", "summary", Fixture("people.ocel.json"), "--json");
        code.ShouldBe(0, output);
        using var doc = FirstJson(output);
        doc.RootElement.GetProperty("log").GetProperty("cases").GetInt32().ShouldBe(2);
        doc.RootElement.GetProperty("log").GetProperty("events").GetInt32().ShouldBe(4);
        doc.RootElement.GetProperty("cohort").GetProperty("people").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Summary_ForOnePerson_WritesTheSentence_AndSignals()
    {
        var (code, output) = await CliRunner.RunAsync("flow", "summary", Fixture("jake.csv"), "--person", "jake");
        code.ShouldBe(0, output);
        output.ShouldContain("Over 30 days: 8 activity records by 4 staff from 0 teams; 1 assessment, 0 referrals");
        output.ShouldContain("exits 2, re-entries 2, documents 1");
        output.ShouldContain("RePresentation: Came back to Children's services 10 days after Children's services closed or gave advice");
        output.ShouldContain("unknown kinds (read as Other): PHONE (1)");
    }

    [Fact]
    public async Task Summary_ForACohort_SumsOnlyItsPeople()
    {
        var (code, output) = await CliRunner.RunAsync("flow", "summary", Fixture("people.ocel.json"), "--cohort", "agency:Local support team");
        code.ShouldBe(0, output);
        output.ShouldContain("People: 1; records 3");
        var (bad, message) = await CliRunner.RunAsync("flow", "summary", Fixture("people.ocel.json"), "--cohort", "signal:Nonsense");
        bad.ShouldBe(1);
        message.ShouldContain("\"Nonsense\" is not a signal");
    }

    [Fact]
    public async Task Import_WithABadRow_SaysWhichRow_AndFails()
    {
        var (code, output) = await CliRunner.RunAsync("flow", "import", Fixture("bad.csv"), "--mapping", Fixture("jake.mapping.json"));
        code.ShouldBe(1);
        output.ShouldContain("bad.csv: 2 rows, REJECTED, nothing added, 1 errors");
        output.ShouldContain("row 3, When: \"05/01/1998\" is not an ISO 8601 timestamp");
        var (partialCode, partial) = await CliRunner.RunAsync("flow", "import", Fixture("bad.csv"), "--mapping", Fixture("jake.mapping.json"), "--allow-partial");
        partialCode.ShouldBe(0, partial);
        partial.ShouldContain("1 records added");
    }

    [Fact]
    public async Task Import_WithoutAMapping_AsksForOne()
    {
        var dir = Directory.CreateTempSubdirectory("lf-flow-");
        var file = Path.Combine(dir.FullName, "x.csv");
        await File.WriteAllTextAsync(file, "a,b\n1,2\n");
        var (code, output) = await CliRunner.RunAsync("flow", "import", file);
        code.ShouldBe(1);
        output.ShouldContain("x.csv needs a column mapping: give --mapping M.json, or name its columns as an event log does (case:concept:name, concept:name, time:timestamp...) (its columns are: a, b)");
        dir.Delete(true);
    }

    [Fact]
    public async Task Summary_OfAPm4pyCsvEventLog_NeedsNoMapping()
    {
        var dir = Directory.CreateTempSubdirectory("lf-flow-");
        var file = Path.Combine(dir.FullName, "Council.csv");
        await File.WriteAllTextAsync(file, """
            ,case:concept:name,concept:name,time:timestamp,org:resource,lifecycle:transition
            0,ruth,Contact,2008-03-01 10:00:00+00:00,Ann Clerk,complete
            1,ruth,Assessment,2008-03-02 09:00:00+00:00,Sam Worker,start
            2,ruth,Assessment,2008-03-05 12:00:00+00:00,Sam Worker,complete
            3,melvyn,Referral,2009-01-05 08:30:00+00:00,Pat Nurse,complete
            """);

        var (code, output) = await CliRunner.RunAsync("flow", "summary", file);

        code.ShouldBe(0, output);
        output.ShouldContain("Cases:                   2");
        output.ShouldContain("Events:                  3");
        output.ShouldContain("note: 1 lifecycle start/complete pairs became one record each");
        dir.Delete(true);
    }

    [Fact]
    public async Task DemoGenerate_IsDeterministic_AndItsExtractsReadBack()
    {
        var a = Directory.CreateTempSubdirectory("lf-gen-");
        var b = Directory.CreateTempSubdirectory("lf-gen-");
        try
        {
            var (code, output) = await CliRunner.RunAsync("demo", "generate", "--people", "300", "--years", "5", "--seed", "9", "--out", a.FullName);
            code.ShouldBe(0, output);
            (await CliRunner.RunAsync("demo", "generate", "--people", "300", "--years", "5", "--seed", "9", "--out", b.FullName, "--xes")).Code.ShouldBe(0);
            var csvs = Directory.GetFiles(a.FullName, "*.csv").Order().ToList();
            csvs.Count.ShouldBe(12);
            foreach (var f in csvs)
            {
                (await File.ReadAllBytesAsync(f)).ShouldBe(await File.ReadAllBytesAsync(Path.Combine(b.FullName, Path.GetFileName(f))));
            }
            var (sumCode, summary) = await CliRunner.RunAsync("flow", "summary", a.FullName, "--json");
            sumCode.ShouldBe(0, summary);
            using var doc = FirstJson(summary);
            var events = doc.RootElement.GetProperty("log").GetProperty("events").GetInt32();
            var (xesCode, xes) = await CliRunner.RunAsync("flow", "summary", Path.Combine(b.FullName, "flow.xes.gz"), "--json");
            xesCode.ShouldBe(0, xes);
            using var xesDoc = FirstJson(xes);
            xesDoc.RootElement.GetProperty("log").GetProperty("events").GetInt32().ShouldBe(events);
            xesDoc.RootElement.GetProperty("log").GetProperty("cases").GetInt32().ShouldBe(300);

            var (sigCode, signals) = await CliRunner.RunAsync("flow", "signals", a.FullName, "--top", "3");
            sigCode.ShouldBe(0, signals);
            signals.ShouldContain("RepeatedAssessment");
            var (pathCode, paths) = await CliRunner.RunAsync("flow", "paths", a.FullName, "--level", "Agency");
            pathCode.ShouldBe(0, paths);
            paths.ShouldContain("Hand-offs between 12 agency nodes");
            paths.ShouldContain("Most common paths:");
        }
        finally
        {
            a.Delete(true);
            b.Delete(true);
        }
    }

    [Fact]
    public async Task Export_ToXes_ReadsBackWithTheSameFigures()
    {
        var dir = Directory.CreateTempSubdirectory("lf-exp-");
        try
        {
            var xes = Path.Combine(dir.FullName, "jake.xes");
            var (code, output) = await CliRunner.RunAsync("flow", "export", Fixture("jake.csv"), "--out", xes);
            code.ShouldBe(0, output);
            output.ShouldContain("Wrote 8 records for 1 people");
            var (c2, again) = await CliRunner.RunAsync("flow", "summary", xes, "--person", "jake");
            c2.ShouldBe(0, again);
            again.ShouldContain("Over 30 days: 8 activity records by 4 staff from 0 teams; 1 assessment, 0 referrals");
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
