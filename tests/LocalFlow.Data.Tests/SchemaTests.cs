using System.Data.Common;
using LocalFlow.Data.Schema;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

public class SchemaTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VersionedScripts_BuildExactlyTheModel(DatabaseProvider provider)
    {
        await using var fromScripts = await TestDatabase.CreateUpgradedAsync(provider);
        await using var fromModel = await TestDatabase.CreateAsync(provider);
        await using (var ctx = fromModel.Options.CreateContext())
        {
            await ctx.Database.EnsureCreatedAsync();
        }
        var expected = await ColumnsAsync(fromModel.Options);
        var actual = await ColumnsAsync(fromScripts.Options);
        actual.Remove(SchemaUpgrader.VersionTable);
        actual.Keys.Order().ShouldBe(expected.Keys.Order(), "tables made by the scripts should be the model's tables");
        foreach (var (table, columns) in expected)
        {
            actual[table].ShouldBe(columns, $"columns of {table} (name, type, nullability)");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_FromPreviousVersion_KeepsEveryRow(DatabaseProvider provider)
    {
        var versions = SchemaUpgrader.Versions(provider);
        versions.Count.ShouldBeGreaterThan(1);
        var latest = SchemaUpgrader.LatestVersion(provider);
        var previous = versions[^2].Version;
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var ctx = db.Options.CreateContext())
        {
            await SchemaUpgrader.UpgradeAsync(ctx, provider, previous);
            (await SchemaUpgrader.CurrentVersionAsync(ctx, provider)).ShouldBe(previous);
            // Rows written at the previous version, in raw SQL as that version's code would have.
            await ctx.Database.ExecuteSqlRawAsync("INSERT INTO localities (name, description) VALUES ('Eastfield', 'kept')");
            await ctx.Database.ExecuteSqlRawAsync("INSERT INTO agencies (name, short_name, kind) VALUES ('Eastfield Council', 'Council', 1)");
            for (var i = 0; i < 25; i++)
            {
                await ctx.Database.ExecuteSqlRawAsync("INSERT INTO settings (key, value) VALUES ({0}, {1})", $"k{i}", $"v{i}");
            }
        }
        await using (var ctx = db.Options.CreateContext())
        {
            var applied = await SchemaUpgrader.UpgradeAsync(ctx, provider);
            applied.Select(v => v.Version).ShouldBe([latest]);
            (await ctx.Localities.SingleAsync()).Description.ShouldBe("kept");
            (await ctx.Agencies.SingleAsync()).Name.ShouldBe("Eastfield Council");
            (await ctx.Settings.CountAsync()).ShouldBe(25);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Startup_RefusesADatabaseNewerThanTheCode_AndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var future = SchemaUpgrader.LatestVersion(provider) + 1;
        await using (var ctx = db.Options.CreateContext())
        {
#pragma warning disable EF1002 // test constants, not user input
            await ctx.Database.ExecuteSqlRawAsync($"INSERT INTO {SchemaUpgrader.VersionTable} (version, name, applied_at) VALUES ({future}, 'from the future', {(provider == DatabaseProvider.Sqlite ? "'2030-01-01'" : "now()")})");
#pragma warning restore EF1002
        }
        var ex = await Should.ThrowAsync<DatabaseStartupException>(() => DatabaseStartup.RunAsync(db.Options, createDemo: true));
        ex.Message.ShouldContain($"schema version {future}");
        ex.Message.ShouldContain("Nothing was changed");
        await using var check = db.Options.CreateContext();
        (await check.Users.CountAsync()).ShouldBe(0, "no administrator is created in a database that was refused");
        (await check.Localities.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Startup_RefusesADatabaseThatIsNotLocalFlows(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var ctx = db.Options.CreateContext())
        {
            await ctx.Database.OpenConnectionAsync();
            await ctx.Database.ExecuteSqlRawAsync("CREATE TABLE customers (id integer PRIMARY KEY, name text)");
        }
        var ex = await Should.ThrowAsync<DatabaseStartupException>(() => DatabaseStartup.RunAsync(db.Options, createDemo: false));
        ex.Message.ShouldContain("not a LocalFlow database");
    }

    [Fact]
    public async Task Startup_GivesAClearMessage_ForAFileThatIsNotADatabase()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "localflow.db");
        await File.WriteAllTextAsync(path, "this is a spreadsheet, honestly\n" + new string('x', 5000));
        var before = await File.ReadAllBytesAsync(path);
        var ex = await Should.ThrowAsync<DatabaseStartupException>(() => DatabaseStartup.RunAsync(DatabaseOptions.ForSqliteFile(path), createDemo: true));
        ex.Message.ShouldContain("could not open the database");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        (await File.ReadAllBytesAsync(path)).ShouldBe(before, "the file is left exactly as it was");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_AppliesAVersionMergedLater_BelowTheDatabasesCurrentVersion(DatabaseProvider provider)
    {
        // Capabilities are built in parallel branches: a database made in one branch may be at version N+1
        // without version N, which arrives when the branches are merged. It is applied then, not skipped.
        var versions = SchemaUpgrader.Versions(provider);
        versions.Count.ShouldBeGreaterThan(2);
        var latest = versions[^1];
        var merged = versions[^2];
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var ctx = db.Options.CreateContext())
        {
            await SchemaUpgrader.UpgradeAsync(ctx, provider, versions[^3].Version);
            await using var tx = await ctx.Database.BeginTransactionAsync();
            await ctx.Database.ExecuteSqlRawAsync(latest.Sql);
#pragma warning disable EF1002 // test constants, not user input
            await ctx.Database.ExecuteSqlRawAsync($"INSERT INTO {SchemaUpgrader.VersionTable} (version, name, applied_at) VALUES ({latest.Version}, '{latest.Name}', {(provider == DatabaseProvider.Sqlite ? "'2026-11-23'" : "now()")})");
#pragma warning restore EF1002
            await tx.CommitAsync();
        }
        await using (var ctx = db.Options.CreateContext())
        {
            (await SchemaUpgrader.CurrentVersionAsync(ctx, provider)).ShouldBe(latest.Version);
            // The highest version recorded is the latest, yet one is missing: it is still pending.
            (await SchemaUpgrader.PendingVersionsAsync(ctx, provider)).Select(v => v.Version).ShouldBe([merged.Version]);
            var applied = await SchemaUpgrader.UpgradeAsync(ctx, provider);
            applied.Select(v => v.Version).ShouldBe([merged.Version]);
            (await SchemaUpgrader.UpgradeAsync(ctx, provider)).ShouldBeEmpty();
            (await SchemaUpgrader.PendingVersionsAsync(ctx, provider)).ShouldBeEmpty();
        }
    }

    [Fact]
    public void Versions_AreTheSame_OnBothProviders_AndRunInOrderFromOne()
    {
        var sqlite = SchemaUpgrader.Versions(DatabaseProvider.Sqlite);
        var postgres = SchemaUpgrader.Versions(DatabaseProvider.Postgres);
        sqlite.Select(v => (v.Version, v.Name)).ShouldBe(postgres.Select(v => (v.Version, v.Name)));
        sqlite[0].Version.ShouldBe(1);
        sqlite.Select(v => v.Version).ShouldBeInOrder(SortDirection.Ascending);
        sqlite.Select(v => v.Version).Distinct().Count().ShouldBe(sqlite.Count);
    }

    private static async Task<Dictionary<string, List<string>>> ColumnsAsync(DatabaseOptions options)
    {
        await using var ctx = options.CreateContext();
        var conn = ctx.Database.GetDbConnection();
        await conn.OpenAsync();
        var result = new Dictionary<string, List<string>>();
        var tables = new List<string>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = options.Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                tables.Add(r.GetString(0));
            }
        }
        foreach (var t in tables)
        {
            var cols = new List<string>();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = options.Provider == DatabaseProvider.Sqlite
                ? $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}')"
                : $"SELECT column_name, data_type, is_nullable, 0 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{t}'";
            await using DbDataReader r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                cols.Add($"{r.GetValue(0)} {r.GetValue(1)} {r.GetValue(2)} {r.GetValue(3)}");
            }
            cols.Sort(StringComparer.Ordinal);
            result[t] = cols;
        }
        return result;
    }
}
