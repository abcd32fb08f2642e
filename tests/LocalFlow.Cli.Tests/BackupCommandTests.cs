using System.Data.Common;
using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Tests;

public class BackupCommandTests
{
    [Fact]
    public async Task BackupThenRestore_OfTheDemo_GivesBackEveryTableRowForRow_InAnOwnerOnlyFile()
    {
        var dir = await CliDemo.CopyAsync();
        using var target = new TempDirectory();
        var file = Path.Combine(target.Path, "northfield.backup");
        try
        {
            var (made, madeOut) = await CliRunner.RunAsync("backup", "--to", file, "--data-dir", dir);
            made.ShouldBe(0, madeOut);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            var restoredDir = Path.Combine(target.Path, "restored");
            var (restored, restoredOut) = await CliRunner.RunAsync("restore", "--from", file, "--data-dir", restoredDir);
            restored.ShouldBe(0, restoredOut);
            restoredOut.ShouldContain("The restored audit chain is whole:");

            var source = DatabaseOptions.ForSqliteFile(Path.Combine(dir, DatabaseOptions.DefaultFileName));
            var copy = DatabaseOptions.ForSqliteFile(Path.Combine(restoredDir, DatabaseOptions.DefaultFileName));
            await ShouldHoldTheSameRowsAsync(source, copy);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Restore_RefusesAFileThatIsNotABackup_NamingIt()
    {
        using var target = new TempDirectory();
        var file = Path.Combine(target.Path, "notes.txt");
        await File.WriteAllTextAsync(file, "not a database");
        var (code, output) = await CliRunner.RunAsync("restore", "--from", file, "--data-dir", Path.Combine(target.Path, "data"));
        code.ShouldBe(1, output);
        output.ShouldContain($"{file} is not a LocalFlow backup");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BackupThenRestore_IntoAnEmptyDatabase_GivesBackEveryTableRowForRow(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var copy = await TestDatabase.CreateAsync(provider);
        // the schema, the first administrator and their audit entries, and a household: small, but every table is compared
        await DatabaseStartup.RunAsync(source.Options, createDemo: false);
        await using (var db = source.Options.CreateContext())
        {
            var locality = new LocalFlow.Data.Entities.Locality { Name = "Backup test" };
            db.Add(locality);
            await db.SaveChangesAsync();
            var household = new Household { LocalityId = locality.Id, AddressLine = "1 Test Street", Postcode = "NF1 1AA" };
            db.Add(household);
            db.Add(new Person { LocalityId = locality.Id, Household = household, GivenName = "Ann", FamilyName = "Example", DateOfBirth = new DateOnly(1950, 1, 2) });
            await db.SaveChangesAsync();
        }
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "small.backup");
        var (made, madeOut) = await CliRunner.RunAsync("backup", "--to", file, "--database", source.Options.ConnectionString);
        made.ShouldBe(0, madeOut);
        var (restored, restoredOut) = await CliRunner.RunAsync("restore", "--from", file, "--database", copy.Options.ConnectionString);
        restored.ShouldBe(0, restoredOut);
        restoredOut.ShouldContain("The restored audit chain is whole:");
        await ShouldHoldTheSameRowsAsync(source.Options, copy.Options);

        var (again, againOut) = await CliRunner.RunAsync("backup", "--to", file, "--database", source.Options.ConnectionString);
        again.ShouldBe(1, againOut);
        againOut.ShouldContain("already exists");

        // the copy now holds data: restoring over it needs --force
        var (refused, refusedOut) = await CliRunner.RunAsync("restore", "--from", file, "--database", copy.Options.ConnectionString);
        refused.ShouldBe(1, refusedOut);
        refusedOut.ShouldContain("is not empty");
        refusedOut.ShouldContain("add --force");
        var (forced, forcedOut) = await CliRunner.RunAsync("restore", "--from", file, "--database", copy.Options.ConnectionString, "--force");
        forced.ShouldBe(0, forcedOut);
        forcedOut.ShouldContain("The restored audit chain is whole:");
    }

    // Every table, every row, every column, as text. The restored database has one audit entry more (the restore
    // itself) and one anchor more (its check of the chain).
    private static async Task ShouldHoldTheSameRowsAsync(DatabaseOptions source, DatabaseOptions restored)
    {
        var before = await ContentsAsync(source);
        var after = await ContentsAsync(restored);
        after.Keys.Order().ShouldBe(before.Keys.Order());
        before.Values.Sum(v => v.Count).ShouldBeGreaterThan(0);
        foreach (var (table, rows) in before)
        {
            var restoredRows = after[table];
            if (table is "audit_events" or "audit_anchors")
            {
                restoredRows.Count.ShouldBe(rows.Count + 1);
                restoredRows = [.. restoredRows.Where(rows.Contains)];
            }
            restoredRows.ShouldBe(rows, $"table {table}");
        }
    }

    private static async Task<Dictionary<string, List<string>>> ContentsAsync(DatabaseOptions options)
    {
        await using var db = options.CreateContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var list = conn.CreateCommand())
        {
            list.CommandText = options.Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
            await using var r = await list.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                tables.Add(r.GetString(0));
            }
        }
        var contents = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            await using var r = await cmd.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await r.ReadAsync())
            {
                rows.Add(string.Join('\u001f', Enumerable.Range(0, r.FieldCount).Select(i => Text(r, i))));
            }
            rows.Sort(StringComparer.Ordinal);
            contents[table] = rows;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return contents;
    }

    private static string Text(DbDataReader r, int i) => r.IsDBNull(i) ? "\u2400" : r.GetValue(i) switch
    {
        byte[] b => Convert.ToHexString(b),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString() ?? "",
    };
}
