using LocalFlow.Data;
using Npgsql;

namespace LocalFlow.TestSupport;

/// <summary>
/// A fresh, empty database for one test, on SQLite (a temp file) or PostgreSQL (a new database on the
/// server named by LOCALFLOW_TEST_PG, which ./test.sh starts). Dropped when the test ends.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "LOCALFLOW_TEST_PG";

    private readonly TempDirectory? _dir;
    private readonly string? _pgAdmin;
    private readonly string? _pgName;

    private TestDatabase(DatabaseOptions options, TempDirectory? dir, string? pgAdmin, string? pgName)
    {
        Options = options;
        _dir = dir;
        _pgAdmin = pgAdmin;
        _pgName = pgName;
    }

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>The providers every data test runs on. PostgreSQL is required when ./test.sh runs the tests (LOCALFLOW_REQUIRE_PG=1).</summary>
    public static TheoryData<DatabaseProvider> Providers
    {
        get
        {
            var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable)) || Environment.GetEnvironmentVariable("LOCALFLOW_REQUIRE_PG") == "1")
            {
                data.Add(DatabaseProvider.Postgres);
            }
            return data;
        }
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = new TempDirectory();
            return new TestDatabase(DatabaseOptions.ForSqliteFile(System.IO.Path.Combine(dir.Path, "test.db")), dir, null, null);
        }
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(admin))
        {
            throw new InvalidOperationException($"PostgreSQL tests need {PostgresVariable} (./test.sh starts a throwaway server and sets it).");
        }
        var name = "lf_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.Postgres, cs), null, admin, name);
    }

    /// <summary>A database already upgraded to the latest schema.</summary>
    public static async Task<TestDatabase> CreateUpgradedAsync(DatabaseProvider provider)
    {
        var db = await CreateAsync(provider);
        await using var ctx = db.Options.CreateContext();
        await LocalFlow.Data.Schema.SchemaUpgrader.UpgradeAsync(ctx, provider);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir?.Dispose();
        if (_pgAdmin is not null && _pgName is not null)
        {
            await using var conn = new NpgsqlConnection(_pgAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
