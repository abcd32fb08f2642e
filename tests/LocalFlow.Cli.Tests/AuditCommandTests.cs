using LocalFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Tests;

public class AuditCommandTests
{
    [Fact]
    public async Task AuditVerify_SaysTheChainIsWhole_ThenNamesARewrittenEntry_WithANonZeroExitCode()
    {
        var dir = await CliDemo.CopyAsync();
        try
        {
            var (whole, wholeOut) = await CliRunner.RunAsync("audit", "verify", "--data-dir", dir);
            whole.ShouldBe(0, wholeOut);
            wholeOut.ShouldContain("The audit chain is whole:");

            long id;
            await using (var db = DatabaseOptions.ForSqliteFile(Path.Combine(dir, DatabaseOptions.DefaultFileName)).CreateContext())
            {
                id = await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
                // as someone with the file would: drop the guard, rewrite an entry, put the guard back
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_events_no_update");
                await db.Database.ExecuteSqlAsync($"UPDATE audit_events SET user_name = 'someone else' WHERE id = {id}");
                await db.Database.ExecuteSqlRawAsync("""CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE ON "audit_events" BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;""");
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var (broken, brokenOut) = await CliRunner.RunAsync("audit", "verify", "--data-dir", dir);
            broken.ShouldBe(2, brokenOut);
            brokenOut.ShouldContain($"The audit chain is broken at entry {id}. Entry {id} is not as it was written: it was changed or replaced.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
