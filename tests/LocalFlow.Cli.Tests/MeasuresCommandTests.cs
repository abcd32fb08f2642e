using System.Text.Json;

namespace LocalFlow.Cli.Tests;

public class MeasuresCommandTests
{
    [Fact]
    public async Task Measures_ListsShowsAndReadsTheCurves_FromTheDemosRecords_AndRefusesAnUnknownMeasure()
    {
        var dir = await CliDemo.CopyAsync();
        try
        {
            var (listCode, list) = await CliRunner.RunAsync("measures", "list", "--format", "json", "--data-dir", dir);
            listCode.ShouldBe(0, list);
            using var measures = JsonDocument.Parse(list);
            var all = measures.RootElement.EnumerateArray().ToList();
            all.Count.ShouldBe(4);
            var contacts = all.Single(m => m.GetProperty("counts").GetString() == "ContactsPerHousehold").GetProperty("id").GetInt32();
            var (csvCode, csv) = await CliRunner.RunAsync("measures", "list", "--data-dir", dir);
            csvCode.ShouldBe(0);
            csv.ShouldStartWith("id,level,name,counts,period,from,owner,improvement");

            // The demo's experiment (locality working) starts the second phase of the contacts measure.
            var (showCode, show) = await CliRunner.RunAsync("measures", "show", contacts.ToString(System.Globalization.CultureInfo.InvariantCulture), "--until", "2026-12-01", "--format", "json", "--data-dir", dir);
            showCode.ShouldBe(0, show);
            using var chart = JsonDocument.Parse(show);
            var points = chart.RootElement.GetProperty("points").EnumerateArray().ToList();
            points.Count.ShouldBeGreaterThan(6);
            points.Select(p => p.GetProperty("phase").GetInt32()).Distinct().ShouldBe([1, 2]);
            var began = chart.RootElement.GetProperty("experiments")[0].GetProperty("startedOn").GetString()!;
            points.First(p => p.GetProperty("phase").GetInt32() == 2).GetProperty("period").GetString()!.CompareTo(began).ShouldBeGreaterThanOrEqualTo(0);
            points.ShouldAllBe(p => p.GetProperty("value").GetDouble() >= 0 && p.GetProperty("households").GetInt32() > 0);

            // The curves: the geography and strategic measures only (the individual one, continuity, is not a curve).
            var (curvesCode, curvesJson) = await CliRunner.RunAsync("measures", "curves", "--until", "2026-12-01", "--format", "json", "--data-dir", dir);
            curvesCode.ShouldBe(0, curvesJson);
            using var curves = JsonDocument.Parse(curvesJson);
            curves.RootElement.GetProperty("localityWorkingBegan").GetString().ShouldBe(began);
            var rows = curves.RootElement.GetProperty("curves").EnumerateArray().ToList();
            rows.Count.ShouldBe(3);
            rows.ShouldNotContain(r => r.GetProperty("level").GetString() == "Individual");
            rows.ShouldAllBe(r => r.GetProperty("turn").GetString() != "NoValuesAfter");
            var (curvesCsvCode, curvesCsv) = await CliRunner.RunAsync("measures", "curves", "--until", "2026-12-01", "--data-dir", dir);
            curvesCsvCode.ShouldBe(0);
            curvesCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(4);

            var (unknown, message) = await CliRunner.RunAsync("measures", "show", "99999", "--data-dir", dir);
            unknown.ShouldBe(2);
            message.ShouldContain("There is no measure 99999");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
