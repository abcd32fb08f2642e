using System.CommandLine;
using LocalFlow.Data;

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
