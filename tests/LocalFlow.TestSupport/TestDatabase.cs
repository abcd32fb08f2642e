using LocalFlow.Data;

namespace LocalFlow.TestSupport;

/// <summary>
/// A fresh, empty database for one test, on SQLite (a temp file) or PostgreSQL (a new database on the
/// server named by LOCALFLOW_TEST_PG, which ./test.sh starts). Dropped when the test ends.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "LOCALFLOW_TEST_PG";

    private readonly TempDirectory? _dir;
    private readonly string? _pgName;

    private TestDatabase(DatabaseOptions options, TempDirectory? dir, string? pgName)
    {
        Options = options;
        _dir = dir;
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

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = new TempDirectory();
            return Task.FromResult(new TestDatabase(DatabaseOptions.ForSqliteFile(System.IO.Path.Combine(dir.Path, "test.db")), dir, null));
        }
        var (name, cs) = PostgresDatabases.Create(prefix: "lf_test_", pooling: false);
        return Task.FromResult(new TestDatabase(new DatabaseOptions(DatabaseProvider.Postgres, cs), null, name));
    }

    /// <summary>A database already upgraded to the latest schema.</summary>
    public static async Task<TestDatabase> CreateUpgradedAsync(DatabaseProvider provider)
    {
        var db = await CreateAsync(provider);
        await using var ctx = db.Options.CreateContext();
        await LocalFlow.Data.Schema.SchemaUpgrader.UpgradeAsync(ctx, provider);
        return db;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir?.Dispose();
        if (_pgName is not null)
        {
            PostgresDatabases.Drop(_pgName, Options.ConnectionString);
        }
        return ValueTask.CompletedTask;
    }
}
