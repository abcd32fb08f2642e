using System.CommandLine;
using System.Text;
using LocalFlow.Analytics.Linking;
using LocalFlow.Data.Linking;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Commands;

/// <summary>
/// `localflow link import FILE --source NAME`: stores one agency's identity extract in a locality's source records for
/// linking, as the web's linking import does (<see cref="IdentityImport"/>): checked first, then all in one transaction.
/// </summary>
internal static class LinkImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The extract (CSV, UTF-8, header row with a record id column)." };
        var source = new Option<string>("--source") { Description = "The system the extract comes from (for example \"Mosaic\").", Required = true };
        var agency = new Option<string?>("--agency") { Description = "The agency that holds the system (its name or short name); optional." };
        var locality = new Option<int?>("--locality") { Description = "The locality's id; needed only when there is more than one." };
        var command = new Command("import", "Store an agency's identity extract for linking, checking every row first; all in one transaction, or nothing.")
        {
            file, source, agency, locality, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"There is no file {path.FullName}.");
                return 2;
            }
            await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli link import", ct);
            if (db is null)
            {
                return 1;
            }
            var localities = await db.Localities.Select(l => l.Id).ToListAsync(ct);
            var localityId = parse.GetValue(locality) ?? (localities.Count == 1 ? localities[0] : (int?)null);
            if (localityId is null || !localities.Contains(localityId.Value))
            {
                Console.Error.WriteLine($"Name the locality with --locality (one of: {string.Join(", ", localities)}).");
                return 2;
            }
            int? agencyId = null;
            if (parse.GetValue(agency) is { Length: > 0 } name)
            {
                agencyId = await db.Agencies.Where(a => a.Name == name || a.ShortName == name).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
                if (agencyId is null)
                {
                    Console.Error.WriteLine($"There is no agency called \"{name}\".");
                    return 2;
                }
            }
            var text = await File.ReadAllTextAsync(path.FullName, Encoding.UTF8, ct);
            try
            {
                var preview = await IdentityImport.PreviewAsync(db, localityId.Value, parse.GetValue(source)!, text, ct);
                foreach (var e in preview.Errors)
                {
                    Console.Error.WriteLine($"Line {e.Row}{(e.Field.Length > 0 ? $", {e.Field}" : "")}: {e.Problem}");
                }
                if (!preview.CanStore)
                {
                    Console.Error.WriteLine(preview.Records.Count == 0 ? "The extract has no records; nothing was stored." : $"The extract has {preview.Errors.Count} problems; nothing was stored.");
                    return 1;
                }
                var (added, updated) = await IdentityImport.StoreAsync(db, localityId.Value, agencyId, path.Name, preview, ct);
                Console.WriteLine($"Stored {added:N0} new and {updated:N0} updated records from {preview.Source} ({preview.Warnings.Count:N0} warnings). Link records to find who they are about.");
                return 0;
            }
            catch (LinkageInputException ex)
            {
                Console.Error.WriteLine($"{ex.Message} Nothing was stored.");
                return 2;
            }
        });
        return command;
    }
}
