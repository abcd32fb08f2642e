using System.CommandLine;
using LocalFlow.Data;
using LocalFlow.Data.Schema;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow schema`: show the schema version, upgrade, or print the SQL the model needs (for writing a new version).</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Database schema versions: status, upgrade, and the model's CREATE script for developers writing a new version.");

        var status = new Command("status", "Show the database's schema version and the latest this LocalFlow knows.") { DatabaseArguments.Database, DatabaseArguments.DataDirectory };
        status.SetAction(async (parse, ct) =>
        {
            var options = DatabaseArguments.Resolve(parse);
            await using var db = options.CreateContext();
            try
            {
                var current = await SchemaUpgrader.CurrentVersionAsync(db, options.Provider, ct);
                Console.WriteLine($"{options.Describe()}: schema version {current}; this LocalFlow knows up to {SchemaUpgrader.LatestVersion(options.Provider)}.");
                return 0;
            }
            catch (DatabaseStartupException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });

        var upgrade = new Command("upgrade", "Upgrade the database to the latest schema version (the web app also does this at start-up).") { DatabaseArguments.Database, DatabaseArguments.DataDirectory };
        upgrade.SetAction(async (parse, ct) =>
        {
            var options = DatabaseArguments.Resolve(parse);
            await using var db = options.CreateContext();
            try
            {
                var applied = await SchemaUpgrader.UpgradeAsync(db, options.Provider, ct: ct);
                Console.WriteLine(applied.Count == 0 ? "Already at the latest version." : $"Applied: {string.Join(", ", applied.Select(v => $"{v.Version} {v.Name}"))}.");
                return 0;
            }
            catch (DatabaseStartupException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });

        var provider = new Option<DatabaseProvider>("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => DatabaseProvider.Sqlite };
        var script = new Command("script", "Print the CREATE script EF would write for the current model (copy the new tables into a new Schema/<provider>/NNNN_name.sql).") { provider };
        script.SetAction(parse =>
        {
            var p = parse.GetValue(provider);
            var options = p == DatabaseProvider.Sqlite
                ? new DatabaseOptions(p, "Data Source=:memory:")
                : new DatabaseOptions(p, "Host=localhost;Database=localflow");
            using var db = options.CreateContext();
            Console.WriteLine(SchemaUpgrader.ModelCreateScript(db));
            return 0;
        });

        command.Subcommands.Add(status);
        command.Subcommands.Add(upgrade);
        command.Subcommands.Add(script);
        return command;
    }
}
