using System.CommandLine;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Trust;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow backup --to FILE`: an online copy of the whole database (docs/security.md).</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to") { Description = "The backup file to write (it must not exist yet; it is made readable by you only).", Required = true };
        var command = new Command("backup", "Back up the whole database while people keep working: SQLite's online backup, or pg_dump for PostgreSQL.")
        {
            to, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = DatabaseArguments.Resolve(parse);
            var file = parse.GetValue(to)!;
            // An out-of-date database is refused with its reason, as every other verb does.
            await using (var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli backup", ct))
            {
                if (db is null)
                {
                    return 1;
                }
            }
            try
            {
                await Backup.MakeAsync(options, file, new SystemActor("cli backup", Environment.UserName), ct);
            }
            catch (BackupException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
            Console.WriteLine($"Backed up the {options.Describe()} to {Path.GetFullPath(file)}.");
            return 0;
        });
        return command;
    }
}
