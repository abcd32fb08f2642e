namespace LocalFlow.Cli.Tests;

public class DemandCommandTests
{
    [Fact]
    public async Task Import_RefusesAFileWithABadRow_TakesOnlyValidRowsWhenAsked_AndExportGivesTheWordsBack()
    {
        var dir = await CliDemo.CopyAsync();
        try
        {
            var (listCode, list) = await CliRunner.RunAsync("demand", "studies", "--data-dir", dir);
            listCode.ShouldBe(0);
            list.ShouldContain("Adult social care contact team");
            var file = Path.Combine(dir, "in.csv");
            await File.WriteAllTextAsync(file, "Said,Outcome,VF,Door\n\"Bin missed again 🙄, third time\",Booked,value,Council web form\n,Booked,value,Council web form\n");
            string[] import = ["demand", "import", file, "--study", "2", "--map", "verbatim=Said,what_happened=Outcome,value_or_failure=VF,front_door=Door", "--data-dir", dir];

            var (refused, refusedOut) = await CliRunner.RunAsync(import);
            refused.ShouldBe(1);
            refusedOut.ShouldContain("Line 3: Enter the demand in the person's own words");
            refusedOut.ShouldContain("nothing was imported");

            var (ok, okOut) = await CliRunner.RunAsync([.. import, "--only-valid"]);
            ok.ShouldBe(0, okOut);
            okOut.ShouldContain("Imported 1 demands");
            okOut.ShouldContain("Left out 1 rows with problems");

            var (exported, csv) = await CliRunner.RunAsync("demand", "export", "--study", "2", "--data-dir", dir);
            exported.ShouldBe(0);
            csv.ShouldContain("\"Bin missed again 🙄, third time\"");

            var (bad, badOut) = await CliRunner.RunAsync("demand", "import", file, "--study", "2", "--map", "words=Said", "--data-dir", dir);
            bad.ShouldBe(2);
            badOut.ShouldContain("\"words\" is not a field LocalFlow knows");
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
