using System.Collections.Concurrent;
using LocalFlow.Data;
using LocalFlow.Data.Demo;
using Microsoft.Data.Sqlite;

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

    /// <summary>Demo databases made so far in this test run, one per provider and set of demo options.</summary>
    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, DemoOptions Demo), Lazy<Task<TestDatabase>>> DemoTemplates = new();

    /// <summary>
    /// A new database holding the demo locality that <paramref name="demo"/> makes, as `DatabaseStartup` makes it on a
    /// first run. The demo is made once per test run for each provider and set of options (it takes seconds) and each
    /// caller gets its own copy to change: SQLite's backup of the file, or PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c>.
    /// Tests of the demo's making itself (that it is made once, the same for a seed) make their own instead.
    /// </summary>
    public static async Task<TestDatabase> CreateDemoAsync(DatabaseProvider provider, DemoOptions demo)
    {
        var template = await DemoTemplates.GetOrAdd((provider, demo), key => new Lazy<Task<TestDatabase>>(() => MakeDemoTemplateAsync(key.Provider, key.Demo))).Value;
        if (provider == DatabaseProvider.Postgres)
        {
            var (name, cs) = PostgresDatabases.Create(template._pgName, prefix: "lf_test_", pooling: false);
            return new TestDatabase(new DatabaseOptions(DatabaseProvider.Postgres, cs), null, name);
        }
        var dir = new TempDirectory();
        var copy = DatabaseOptions.ForSqliteFile(System.IO.Path.Combine(dir.Path, "test.db"));
        using (var from = new SqliteConnection(Unpooled(template.Options.ConnectionString)))
        using (var to = new SqliteConnection(Unpooled(copy.ConnectionString)))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
        }
        return new TestDatabase(copy, dir, null);
    }

    private static string Unpooled(string connectionString) => new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static async Task<TestDatabase> MakeDemoTemplateAsync(DatabaseProvider provider, DemoOptions demo)
    {
        var template = await CreateAsync(provider);
        await DatabaseStartup.RunAsync(template.Options, createDemo: true, demo);
        // Kept until the run ends. PostgreSQL copies a template only while nothing is connected to it: test databases
        // there are unpooled (CreateAsync), so none is. SQLite copies through the backup API, open connections or not.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template;
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
