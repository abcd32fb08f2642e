using System.Globalization;
using System.Text.Json;
using LocalFlow.TestSupport;

namespace LocalFlow.Cli.Tests;

/// <summary>`localflow spc` on real CSV files, checked against limits worked out by hand.</summary>
public sealed class SpcTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    // Ten days alternating 10 and 12, then ten days alternating 20 and 22.
    // Whole series: mean 16; moving ranges 2 (x18) and 8 (x1); mean MR = 44/19 = 2.3158. The upper range limit is
    // 3.267 x 2.3158 = 7.566 and 8 is above it, so screening drops it: mean MR = 36/18 = 2. Limits 16 ± 5.32 = 10.68 .. 21.32.
    // Without screening: 16 ± 2.66 x 2.3158 = 9.84 .. 22.16.
    private static string TwoLevels()
    {
        var lines = new List<string> { "date,demands" };
        var day = new DateOnly(2026, 10, 1);
        for (var i = 0; i < 20; i++)
        {
            var v = (i < 10 ? 10 : 20) + (i % 2 == 0 ? 0 : 2);
            lines.Add($"{day.AddDays(i):yyyy-MM-dd},{v}");
        }
        return string.Join('\n', lines) + "\n";
    }

    [Fact]
    public async Task Csv_GivesHandWorkedLimits_WithScreeningOnByDefault()
    {
        var path = Write("levels.csv", TwoLevels());
        var (code, output) = await CliRunner.RunAsync("spc", path);
        code.ShouldBe(0, output);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("2026-", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(20);
        var first = rows[0].Split(',');
        first[3].ShouldBe("16");
        double.Parse(first[4], CultureInfo.InvariantCulture).ShouldBe(10.68, 0.0001);
        double.Parse(first[5], CultureInfo.InvariantCulture).ShouldBe(21.32, 0.0001);
        // 10 points in a row below the centre line: a run on one side.
        rows[0].ShouldContain("run on one side");
        output.ShouldContain("20 points, 1 phase(s)");
    }

    [Fact]
    public async Task NoScreen_UsesEveryMovingRange()
    {
        var path = Write("levels.csv", TwoLevels());
        var (code, output) = await CliRunner.RunAsync("spc", path, "--no-screen");
        code.ShouldBe(0, output);
        var first = output.Split('\n').First(l => l.StartsWith("2026-10-01", StringComparison.Ordinal)).Split(',');
        double.Parse(first[4], CultureInfo.InvariantCulture).ShouldBe(16 - (2.66 * 44 / 19), 0.0001);
        double.Parse(first[5], CultureInfo.InvariantCulture).ShouldBe(16 + (2.66 * 44 / 19), 0.0001);
    }

    [Fact]
    public async Task Phase_RecalculatesLimitsFromTheDate_AndJsonDescribesBothPhases()
    {
        var path = Write("levels.csv", TwoLevels());
        var (code, output) = await CliRunner.RunAsync("spc", path, "--phase", "2026-10-11", "--format", "json");
        code.ShouldBe(0, output);
        var json = output[..(output.LastIndexOf('}') + 1)];
        using var doc = JsonDocument.Parse(json);
        var phases = doc.RootElement.GetProperty("phases");
        phases.GetArrayLength().ShouldBe(2);
        // Each phase: mean 11 (then 21), mean MR 2, limits ± 5.32; no signals inside either phase.
        phases[0].GetProperty("centre").GetDouble().ShouldBe(11);
        phases[0].GetProperty("upperLimit").GetDouble().ShouldBe(16.32, 0.0001);
        phases[1].GetProperty("from").GetString().ShouldBe("2026-10-11");
        phases[1].GetProperty("centre").GetDouble().ShouldBe(21);
        phases[1].GetProperty("lowerLimit").GetDouble().ShouldBe(15.68, 0.0001);
        doc.RootElement.GetProperty("points").EnumerateArray().ShouldAllBe(p => p.GetProperty("signals").GetArrayLength() == 0);
    }

    [Fact]
    public async Task BadRows_AreReportedByLine_AndNothingIsCharted()
    {
        var path = Write("bad.csv", "date,value\n2026-10-01,4\n01/10/2026,5\n2026-10-03,lots\n");
        var (code, output) = await CliRunner.RunAsync("spc", path);
        code.ShouldBe(1);
        output.ShouldContain("line 3: \"01/10/2026\" is not a date");
        output.ShouldContain("line 4: \"lots\" is not a number");
        output.ShouldNotContain("centre");
    }

    [Fact]
    public async Task EmptyFile_And_MissingFile_AreRefusedClearly()
    {
        var empty = Write("empty.csv", "");
        var (code, output) = await CliRunner.RunAsync("spc", empty);
        code.ShouldBe(1);
        output.ShouldContain("has no dated values");

        (code, output) = await CliRunner.RunAsync("spc", Path.Combine(_dir.Path, "nope.csv"));
        code.ShouldBe(1);
        output.ShouldContain("Cannot read");
    }

    [Fact]
    public async Task ABadPhaseDate_IsRefused()
    {
        var path = Write("levels.csv", TwoLevels());
        var (code, output) = await CliRunner.RunAsync("spc", path, "--phase", "2026-13-01");
        code.ShouldNotBe(0);
        output.ShouldContain("--phase \"2026-13-01\" is not a date");
    }
}
