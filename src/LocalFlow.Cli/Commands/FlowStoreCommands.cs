using System.CommandLine;
using System.Globalization;
using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow flow import --store`, `flow imports` and `flow undo`: imports in the database, through the same importer as the web page.</summary>
internal static class FlowStoreCommands
{
    public static async Task<int> ImportAsync(ParseResult parse, IReadOnlyList<string> files, string? mappingPath, string? agency, string? sourceSystem,
        string? locality, bool allowPartial, CancellationToken ct)
    {
        if (files.Count == 0)
        {
            Console.Error.WriteLine("No activity files found.");
            return 2;
        }
        var requests = new List<FlowImportRequest>();
        await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli flow", ct);
        if (db is null)
        {
            return 1;
        }
        var localityId = await LocalityAsync(db, locality, ct);
        if (localityId is null)
        {
            return 2;
        }
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"There is no file {file}.");
                return 2;
            }
            CsvMapping? mapping = null;
            if (FlowImporter.FormatOf(file) == FlowFileFormat.Csv)
            {
                try
                {
                    mapping = FlowFiles.ResolveMapping(file, mappingPath, agency);
                }
                catch (FlowFormatException ex)
                {
                    Console.Error.WriteLine(ex.Message);
                    return 2;
                }
            }
            requests.Add(new FlowImportRequest
            {
                LocalityId = localityId.Value,
                Path = file,
                FileName = Path.GetFileName(file),
                Mapping = mapping,
                Agency = agency,
                SourceSystem = sourceSystem,
                AllowPartial = allowPartial,
            });
        }
        var outcomes = new List<FlowImportOutcome>();
        if (Console.IsOutputRedirected)
        {
            foreach (var r in requests)
            {
                outcomes.Add(await FlowImporter.ImportAsync(db, r, null, ct));
            }
        }
        else
        {
            await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    foreach (var r in requests)
                    {
                        var task = ctx.AddTask(Markup.Escape($"Storing {r.DisplayName}"), maxValue: 1);
                        outcomes.Add(await FlowImporter.ImportAsync(db, r, new Progress(f => task.Value = f), ct));
                        task.Value = 1;
                    }
                });
        }
        var refused = 0;
        foreach (var o in outcomes)
        {
            Print(o);
            refused += o.Import is null ? 1 : 0;
        }
        if (refused > 0)
        {
            Console.Error.WriteLine($"{refused} of {outcomes.Count} files were not stored and changed nothing. Fix the rows, or use --allow-partial to store only the valid rows.");
            return 1;
        }
        return 0;
    }

    private static void Print(FlowImportOutcome o)
    {
        var p = o.Preview;
        var w = o.Import is null ? Console.Error : Console.Out;
        w.WriteLine(o.Import is { } i
            ? $"{p.FileName}: stored {i.RecordCount:N0} records for {p.People:N0} people from {p.SourceSystem} as import {i.Id}{(i.SkippedCount > 0 ? $"; {i.SkippedCount:N0} rows with errors left out" : "")}"
            : $"{p.FileName}: NOT STORED, nothing changed: {p.Rows:N0} rows, {p.Valid:N0} valid, {p.Invalid:N0} with errors");
        foreach (var e in p.Errors.Take(50))
        {
            w.WriteLine($"  {e}");
        }
        if (p.ErrorCount > 50)
        {
            w.WriteLine($"  ... and {p.ErrorCount - 50:N0} more");
        }
        foreach (var warning in p.Warnings)
        {
            w.WriteLine($"  warning: {warning}");
        }
        if (p.ExactDuplicates > 0)
        {
            w.WriteLine($"  {p.ExactDuplicates:N0} exact duplicate records (the same person, time, agency, kind, type and worker under another record id): stored, counted once");
        }
        if (p.CostedFromCatalogue > 0)
        {
            w.WriteLine($"  {p.CostedFromCatalogue:N0} records priced from the unit-cost catalogue");
        }
    }

    public static async Task<int> ListAsync(ParseResult parse, string? locality, CancellationToken ct)
    {
        await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli flow", ct);
        if (db is null)
        {
            return 1;
        }
        var localityId = await LocalityAsync(db, locality, ct);
        if (localityId is null)
        {
            return 2;
        }
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        foreach (var i in await db.FlowImports.AsNoTracking().Where(i => i.LocalityId == localityId).OrderByDescending(i => i.ImportedUtc).ToListAsync(ct))
        {
            Console.WriteLine(string.Join('\t', i.Id, i.ImportedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), i.FileName,
                i.AgencyId is { } a ? agencies.GetValueOrDefault(a) : "-", i.ImportedBy, $"{i.RecordCount} records", $"{i.SkippedCount} skipped", i.Status));
        }
        return 0;
    }

    public static async Task<int> UndoAsync(ParseResult parse, Guid importId, string? locality, CancellationToken ct)
    {
        await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli flow", ct);
        if (db is null)
        {
            return 1;
        }
        var localityId = await LocalityAsync(db, locality, ct);
        if (localityId is null)
        {
            return 2;
        }
        try
        {
            var deleted = await FlowStore.UndoImportAsync(db, localityId.Value, importId, ct);
            Console.WriteLine($"Undid import {importId}: {deleted:N0} activity records deleted.");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    internal static async Task<int?> LocalityAsync(LocalFlowDb db, string? wanted, CancellationToken ct)
    {
        var all = await db.Localities.AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct);
        Locality? found;
        if (wanted is null)
        {
            found = all.Count == 1 ? all[0] : null;
            if (found is null)
            {
                Console.Error.WriteLine(all.Count == 0
                    ? "The database has no locality yet: run `localflow demo`, or create one in the web app."
                    : $"The database holds {all.Count} localities: choose one with --locality ({string.Join(", ", all.Select(l => l.Name))}).");
            }
            return found?.Id;
        }
        found = all.FirstOrDefault(l => string.Equals(l.Name, wanted, StringComparison.OrdinalIgnoreCase) || l.Id.ToString(CultureInfo.InvariantCulture) == wanted);
        if (found is null)
        {
            Console.Error.WriteLine($"There is no locality \"{wanted}\"; there are: {string.Join(", ", all.Select(l => l.Name))}.");
        }
        return found?.Id;
    }


    // Spectre's progress bar is updated from the importer's thread; no synchronisation context to post to.
    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
