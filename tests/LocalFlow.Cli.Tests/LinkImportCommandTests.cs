using LocalFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Tests;

public class LinkImportCommandTests
{
    [Fact]
    public async Task Import_RefusesAnExtractWithAProblem_NamingTheLine_ThenStoresAGoodOne()
    {
        var dir = await CliDemo.CopyAsync();
        try
        {
            var file = Path.Combine(dir, "extract.csv");
            await File.WriteAllTextAsync(file, "record id,given names,surname,date of birth\nM-1,Ann,Smith,1980-02-03\nM-1,Bob,Jones,1975-04-03\n");
            var (refused, refusedOut) = await CliRunner.RunAsync("link", "import", file, "--source", "Test CRM", "--data-dir", dir);
            refused.ShouldBe(1, refusedOut);
            refusedOut.ShouldContain("Line 3, record id: the same record id is on line 2");
            refusedOut.ShouldContain("nothing was stored");

            await File.WriteAllTextAsync(file, "record id,given names,surname,date of birth\nM-1,Ann,Smith,1980-02-03\nM-2,Bob,Jones,1975-04-03\n");
            var (ok, okOut) = await CliRunner.RunAsync("link", "import", file, "--source", "Test CRM", "--agency", "Council", "--data-dir", dir);
            ok.ShouldBe(0, okOut);
            okOut.ShouldContain("Stored 2 new and 0 updated records from Test CRM");
            await using var db = DatabaseOptions.ForSqliteFile(Path.Combine(dir, DatabaseOptions.DefaultFileName)).CreateContext();
            (await db.SourceIdentities.CountAsync(s => s.Source == "Test CRM" && s.AgencyId != null)).ShouldBe(2);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
