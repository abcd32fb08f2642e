using System.CommandLine;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Schema;

namespace LocalFlow.Cli.Commands;

/// <summary>The options every database verb shares: where the data lives.</summary>
internal static class DatabaseArguments
{
    public static readonly Option<string?> Database = new("--database")
    {
        Description = "Connection string: \"Host=...;Database=...\" for PostgreSQL or \"Data Source=FILE\" for SQLite. Default: $ConnectionStrings__LocalFlow, else the SQLite file in --data-dir.",
        Recursive = true,
    };

    public static readonly Option<string?> DataDirectory = new("--data-dir")
    {
        Description = "Folder of the embedded SQLite database (default: src/LocalFlow.Web/data from the repository root, else ./data).",
        Recursive = true,
    };

    public static DatabaseOptions Resolve(ParseResult parse)
    {
        var cs = parse.GetValue(Database) ?? Environment.GetEnvironmentVariable("ConnectionStrings__LocalFlow");
        if (!string.IsNullOrWhiteSpace(cs))
        {
            return DatabaseOptions.FromConnectionString(cs);
        }
        var dir = parse.GetValue(DataDirectory) ?? Environment.GetEnvironmentVariable("LocalFlow__DataDirectory") ?? DefaultDataDirectory();
        return DatabaseOptions.ForSqliteFile(Path.Combine(dir, DatabaseOptions.DefaultFileName));
    }

    /// <summary>
    /// Opens the database the arguments name, with <paramref name="source"/> recorded as the actor in the audit
    /// trail, if it is at the latest schema version; otherwise says why on standard error and returns null.
    /// </summary>
    public static async Task<LocalFlowDb?> OpenCurrentAsync(ParseResult parse, string source, CancellationToken ct)
    {
        var options = Resolve(parse);
        var db = options.CreateContext(new SystemActor(source, Environment.UserName));
        try
        {
            // Versions may land out of order, so the highest one recorded does not prove the lower ones are there.
            var pending = await SchemaUpgrader.PendingVersionsAsync(db, options.Provider, ct);
            if (pending.Count > 0)
            {
                var version = await SchemaUpgrader.CurrentVersionAsync(db, options.Provider, ct);
                Console.Error.WriteLine($"The {options.Describe()} is at schema version {version} and lacks {string.Join(", ", pending.Select(v => v.Version))}; run `localflow schema upgrade` first.");
                await db.DisposeAsync();
                return null;
            }
        }
        catch (DatabaseStartupException ex)
        {
            Console.Error.WriteLine(ex.Message);
            await db.DisposeAsync();
            return null;
        }
        return db;
    }

    // Share the web app's database when run from a clone, so `localflow demo` fills what the web shows.
    private static string DefaultDataDirectory()
    {
        var dir = new DirectoryInfo(Environment.CurrentDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LocalFlow.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "LocalFlow.Web", "data");
            }
            dir = dir.Parent;
        }
        return Path.Combine(Environment.CurrentDirectory, "data");
    }
}
