using System.CommandLine;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Trust;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow restore --from FILE [--force]`: put a backup back, then check its audit chain (docs/security.md).</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The backup file made by `localflow backup`.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a database that already holds data. Stop the web app first." };
        var command = new Command("restore", "Restore a backup into an empty database (or replace one with --force), then check the restored audit chain (exit code 2 if broken).")
        {
            from, force, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = DatabaseArguments.Resolve(parse);
            RestoreResult result;
            try
            {
                result = await Backup.RestoreAsync(options, parse.GetValue(from)!, parse.GetValue(force), new SystemActor("cli restore", Environment.UserName), ct);
            }
            catch (BackupException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
            Console.WriteLine($"Restored the {options.Describe()} at schema version {result.SchemaVersion}.");
            if (!result.Audit.Whole)
            {
                Console.Error.WriteLine($"The restored audit chain is broken at entry {result.Audit.BrokenAt}. {result.Audit.Problem}");
                return 2;
            }
            Console.WriteLine($"The restored audit chain is whole: {LocalFlow.Analytics.Plural.Of(result.Audit.Checked, "entry", "entries")} checked.");
            return 0;
        });
        return command;
    }
}
