using System.CommandLine;
using System.Text;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow demand`: list studies, import demands from CSV (the same importer as the web page) and export them.</summary>
internal static class DemandCommand
{
    public static Command Create()
    {
        var command = new Command("demand", "Demand studies: list them, import demands from CSV, export them as CSV.");

        var list = new Command("studies", "List the demand studies with their ids.") { DatabaseArguments.Database, DatabaseArguments.DataDirectory };
        list.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli demand", ct);
            if (db is null)
            {
                return 1;
            }
            foreach (var s in await db.DemandStudies.OrderBy(s => s.Id).ToListAsync(ct))
            {
                var n = await db.Demands.CountAsync(d => d.StudyId == s.Id, ct);
                Console.WriteLine($"{s.Id}\t{s.Service}\t{s.StartsOn:yyyy-MM-dd}\t{n} demands");
            }
            return 0;
        });

        var file = new Argument<FileInfo>("FILE") { Description = "The CSV file (UTF-8, header row)." };
        var study = new Option<int>("--study") { Description = "The study's id (see `localflow demand studies`).", Required = true };
        var map = new Option<string?>("--map") { Description = "Which column is which: field=Column,... Fields: " + string.Join(", ", DemandCsv.Fields.Select(f => f.Field)) + ". Columns named like the fields are found without it." };
        var onlyValid = new Option<bool>("--only-valid") { Description = "Import the valid rows and leave out those with problems (by default a file with any problem changes nothing)." };
        var import = new Command("import", "Import demands from a CSV file into a study, checking every row first; all in one transaction.")
        {
            file, study, map, onlyValid, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"There is no file {path.FullName}.");
                return 2;
            }
            await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli demand", ct);
            if (db is null)
            {
                return 1;
            }
            var s = await new DemandStudies(db).FindStudyAsync(parse.GetValue(study), await db.Localities.Select(l => l.Id).ToListAsync(ct), ct);
            if (s is null)
            {
                Console.Error.WriteLine($"There is no study {parse.GetValue(study)}. `localflow demand studies` lists them.");
                return 2;
            }
            var text = await File.ReadAllTextAsync(path.FullName, Encoding.UTF8, ct);
            Dictionary<string, string> mapping;
            try
            {
                mapping = DemandCsv.GuessMapping(CsvText.Read(text).FirstOrDefault().Fields ?? []);
                foreach (var (field, column) in DemandCsv.ParseMapping(parse.GetValue(map)))
                {
                    mapping[field] = column;
                }
            }
            catch (DemandInputException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
            var preview = await DemandCsv.PreviewAsync(db, s, text, mapping, ct);
            foreach (var e in preview.FileErrors)
            {
                Console.Error.WriteLine(e);
            }
            if (preview.FileErrors.Count > 0)
            {
                Console.Error.WriteLine("Nothing was imported.");
                return 1;
            }
            foreach (var r in preview.Rows.Where(r => !r.IsValid))
            {
                Console.Error.WriteLine($"Line {r.Line}: {string.Join("; ", r.Errors)}");
            }
            if (preview.Invalid > 0 && !parse.GetValue(onlyValid))
            {
                Console.Error.WriteLine($"{preview.Invalid} of {preview.Rows.Count} rows have problems, so nothing was imported. Correct them, or use --only-valid to import the {preview.Valid} valid rows.");
                return 1;
            }
            if (preview.Valid == 0)
            {
                Console.Error.WriteLine("No row is valid, so nothing was imported.");
                return 1;
            }
            var n = await new DemandStudies(db).ImportAsync(s, preview.Rows.Where(r => r.IsValid).Select(r => r.Input).ToList(), $"{path.Name} (cli)", ct);
            Console.WriteLine($"Imported {n} demands into study {s.Id} ({s.Service}).{(preview.Invalid > 0 ? $" Left out {preview.Invalid} rows with problems." : "")}{(preview.NewTypeNames.Count > 0 ? $" New ready-made types: {string.Join(", ", preview.NewTypeNames)}." : "")}");
            return 0;
        });

        var exportStudy = new Option<int>("--study") { Description = "The study's id.", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file (default: standard output)." };
        var export = new Command("export", "Export every demand of a study as CSV (the person's words exactly as captured).")
        {
            exportStudy, output, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        export.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli demand", ct);
            if (db is null)
            {
                return 1;
            }
            var s = await new DemandStudies(db).FindStudyAsync(parse.GetValue(exportStudy), await db.Localities.Select(l => l.Id).ToListAsync(ct), ct);
            if (s is null)
            {
                Console.Error.WriteLine($"There is no study {parse.GetValue(exportStudy)}. `localflow demand studies` lists them.");
                return 2;
            }
            var path = parse.GetValue(output);
            int n;
            if (path is null)
            {
                var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
                n = await DemandCsv.ExportAsync(db, s, stdout, ct);
                await stdout.FlushAsync(ct);
            }
            else
            {
                await using var w = new StreamWriter(path.FullName, false, new UTF8Encoding(true));
                n = await DemandCsv.ExportAsync(db, s, w, ct);
                Console.Error.WriteLine($"Exported {n} demands to {path.FullName}.");
            }
            AuditTrail.Add(db, AuditEventType.DemandExported, AuditOperation.Read, nameof(DemandStudy), s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.LocalityId, $"{n} demands exported as CSV (cli)");
            await db.SaveChangesAsync(ct);
            return 0;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(import);
        command.Subcommands.Add(export);
        return command;
    }
}
