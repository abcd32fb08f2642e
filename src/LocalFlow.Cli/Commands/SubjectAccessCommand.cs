using System.CommandLine;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Data.Trust;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow subject-access --person ID`: everything held about one person, as JSON (docs/security.md).</summary>
internal static class SubjectAccessCommand
{
    public static Command Create()
    {
        var person = new Option<Guid>("--person") { Description = "The person's id (as in /Locality/Person/ID).", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the JSON to this file (made readable by you only) instead of standard output." };
        var command = new Command("subject-access", "Everything held about one person (person, household, every agency's records, what mattered, plans, actions, linking, audit entries), as JSON. Audited.")
        {
            person, output, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli subject-access", ct);
            if (db is null)
            {
                return 1;
            }
            // The command line is the operator's: every locality, restricted records included.
            var viewer = new Viewer(await db.Localities.Select(l => l.Id).ToListAsync(ct), MaySeeRestricted: true, WorkerId: null);
            var id = parse.GetValue(person);
            if (await SubjectAccess.MakeAsync(db, viewer, id, ct) is not { } report)
            {
                Console.Error.WriteLine($"No person with id {id} is held.");
                return 1;
            }
            var json = report.ToJson();
            if (parse.GetValue(output) is { } file)
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                try
                {
                    await using var stream = new FileStream(file, options);
                    await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(json), ct);
                }
                catch (IOException ex)
                {
                    Console.Error.WriteLine($"{file}: {ex.Message}");
                    return 1;
                }
                Console.WriteLine($"Wrote everything held about {report.Name} to {Path.GetFullPath(file)}.");
                return 0;
            }
            Console.WriteLine(json);
            return 0;
        });
        return command;
    }
}
