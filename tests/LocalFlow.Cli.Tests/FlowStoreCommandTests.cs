using LocalFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Tests;

public class FlowStoreCommandTests
{
    [Fact]
    public async Task ImportStore_RefusesABadFile_StoresAGoodOne_ListsIt_AndUndoesIt()
    {
        var dir = await CliDemo.CopyAsync();
        try
        {
            Guid person;
            await using (var db = DatabaseOptions.ForSqliteFile(Path.Combine(dir, DatabaseOptions.DefaultFileName)).CreateContext())
            {
                person = await db.People.Where(p => !p.Restricted).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var mapping = Path.Combine(dir, "housing.mapping.json");
            await File.WriteAllTextAsync(mapping, """
                { "agency": "Housing", "sourceSystem": "Orchard Housing",
                  "columns": { "person": "Tenant", "start": "Date", "kind": "Type", "sourceRecordId": "Ref" } }
                """);
            var bad = Path.Combine(dir, "bad.csv");
            await File.WriteAllTextAsync(bad, $"Ref,Tenant,Date,Type\nH1,{person},2025-01-06T09:00:00Z,Contact\nH2,T-404,2025-01-07T09:00:00Z,Contact\n");
            var (refused, refusedOut) = await CliRunner.RunAsync("flow", "import", bad, "--mapping", mapping, "--store", "--data-dir", dir);
            refused.ShouldBe(1, refusedOut);
            refusedOut.ShouldContain("bad.csv: NOT STORED, nothing changed: 2 rows, 1 valid, 1 with errors");
            refusedOut.ShouldContain("line 3, person: no identity has the id \"T-404\": looked in source system \"Orchard Housing\" and in Northfield Homes's other source systems (\"Housing (Northfield Homes)\")");

            var (partial, partialOut) = await CliRunner.RunAsync("flow", "import", bad, "--mapping", mapping, "--store", "--allow-partial", "--data-dir", dir);
            partial.ShouldBe(0, partialOut);
            partialOut.ShouldContain("bad.csv: stored 1 records for 1 people from Orchard Housing as import ");
            partialOut.ShouldContain("1 rows with errors left out");
            var id = System.Text.RegularExpressions.Regex.Match(partialOut, "as import ([0-9a-f-]{36})").Groups[1].Value;

            var (listed, list) = await CliRunner.RunAsync("flow", "imports", "--data-dir", dir);
            listed.ShouldBe(0, list);
            list.ShouldContain($"{id}\t");
            list.ShouldContain("bad.csv\tHousing");
            list.ShouldContain("1 records\t1 skipped\tCompleted");

            var (undone, undoOut) = await CliRunner.RunAsync("flow", "undo", id, "--data-dir", dir);
            undone.ShouldBe(0, undoOut);
            undoOut.ShouldContain("1 activity records deleted");
            var (again, againOut) = await CliRunner.RunAsync("flow", "undo", id, "--data-dir", dir);
            again.ShouldBe(1);
            againOut.ShouldContain("already undone");
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
