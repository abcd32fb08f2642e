using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow flow`: flow-study figures from activity files (CSV extracts with a mapping, XES, OCEL 2.0), without a database.</summary>
internal static class FlowCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("flow", "Flow study: follow each person's records across agencies. These commands read files (CSV with a mapping, XES, XES.gz, OCEL 2.0 JSON, or a folder of CSV extracts with their .mapping.json) and print figures without a database; `import --store`, `imports` and `undo` work on the database.");
        command.Subcommands.Add(Summary());
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Imports());
        command.Subcommands.Add(Undo());
        command.Subcommands.Add(Signals());
        command.Subcommands.Add(Paths());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Argument<string[]> Files() => new("FILE") { Description = "Activity files or folders (.csv, .xes, .xes.gz, .jsonocel/.ocel.json).", Arity = ArgumentArity.OneOrMore };

    private static Option<string?> Mapping() => new("--mapping") { Description = "Column mapping (JSON) for CSV files; otherwise each CSV's <name>.mapping.json beside it, or LocalFlow's own export header." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of text." };

    private static Option<string?> OptionsFile() => new("--options") { Description = "Flow windows and word lists as JSON (for example {\"rePresentationDays\": 14}); see docs/flow-study.md." };

    private static Command Summary()
    {
        var files = Files();
        var mapping = Mapping();
        var json = JsonOption();
        var person = new Option<string?>("--person") { Description = "Show one person's figures, sentence and signals." };
        var cohortFilter = new Option<string?>("--cohort") { Description = "Sum the figures over a cohort only: agency:NAME (anyone with a record from it), signal:KIND (anyone with that signal), records>=N, hospital (anyone admitted)." };
        var options = OptionsFile();
        var command = new Command("summary", "Print a log's figures (cases, events, activities, variants, directly-follows pairs, cases with rework, median case duration) and the flow figures, for everyone or one person.")
        {
            files, mapping, json, person, options, cohortFilter,
        };
        command.SetAction(parse => Run(parse, files, mapping, json, (log, asJson) =>
        {
            var analyzer = new FlowAnalyzer(log, LoadOptions(parse.GetValue(options)));
            if (parse.GetValue(person) is { } id)
            {
                var p = log.FindPerson(id);
                if (p < 0)
                {
                    Console.Error.WriteLine($"No records for person \"{id}\".");
                    return 3;
                }
                var f = analyzer.Person(p);
                var signals = analyzer.Signals(p);
                if (asJson)
                {
                    Console.WriteLine(JsonSerializer.Serialize(new { person = f, sentence = f.Describe(), signals = signals.Select(s => new { kind = s.Kind.ToString(), records = s.Events, text = s.Describe(log) }) }, Json));
                    return 0;
                }
                Console.WriteLine(f.Describe());
                Console.WriteLine();
                PrintPerson(f);
                Console.WriteLine();
                Console.WriteLine($"Signals ({signals.Count}):");
                foreach (var s in signals)
                {
                    Console.WriteLine($"  {s.Kind}: {s.Describe(log)}");
                }
                return 0;
            }
            var stats = LogStatistics.Of(log);
            var everyone = analyzer.AllPeople();
            var chosen = parse.GetValue(cohortFilter) is { } filter ? Cohort(analyzer, everyone, filter) : everyone;
            var cohort = CohortFigures.Of(chosen, log);
            if (asJson)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { log = stats, cohort }, Json));
                return 0;
            }
            PrintStats(stats);
            Console.WriteLine();
            PrintCohort(cohort);
            return 0;
        }));
        return command;
    }

    private static IReadOnlyCollection<PersonFigures> Cohort(FlowAnalyzer analyzer, PersonFigures[] everyone, string filter)
    {
        var log = analyzer.Log;
        var (name, value) = filter.Split(':', 2) is [var n, var v] ? (n.Trim().ToLowerInvariant(), v.Trim()) : (filter.Trim().ToLowerInvariant(), "");
        if (name.StartsWith("records>=", StringComparison.Ordinal) && int.TryParse(name["records>=".Length..], CultureInfo.InvariantCulture, out var min))
        {
            return everyone.Where(p => p.Records >= min).ToList();
        }
        switch (name)
        {
            case "hospital":
                return everyone.Where(p => p.HospitalAdmissions > 0).ToList();
            case "agency":
                var id = log.Strings.Find(value);
                if (id <= 0)
                {
                    throw new FlowFormatException($"No records come from an agency called \"{value}\".");
                }
                return everyone.Where(p =>
                {
                    var (from, to) = log.EventsOf(p.Person);
                    return log.Agencies[from..to].Contains(id);
                }).ToList();
            case "signal":
                if (!Enum.TryParse<FlowSignalKind>(value, true, out var kind))
                {
                    throw new FlowFormatException($"\"{value}\" is not a signal; signals are: {string.Join(", ", Enum.GetNames<FlowSignalKind>())}.");
                }
                var people = analyzer.AllSignals().Where(s => s.Kind == kind).Select(s => s.Person).ToHashSet();
                return everyone.Where(p => people.Contains(p.Person)).ToList();
            default:
                throw new FlowFormatException($"\"{filter}\" is not a cohort filter: use agency:NAME, signal:KIND, records>=N or hospital.");
        }
    }

    private static Command Import()
    {
        var files = Files();
        var mapping = Mapping();
        var json = JsonOption();
        var partial = new Option<bool>("--allow-partial") { Description = "Keep the good rows of a file with errors (default: a file with any error is rejected whole)." };
        var store = new Option<bool>("--store") { Description = "Store the records in the database as one undoable import per file (checked against the locality's agencies, people and linked identities); without it nothing touches a database." };
        var agency = new Option<string?>("--agency") { Description = "With --store: the agency whose extract it is (name or short name); it makes rows that name no agency." };
        var system = new Option<string?>("--source-system") { Description = "With --store: the source system for every row (default: the file's, else the agency's name); people given by their key in it are found through linked identities." };
        var locality = LocalityOption();
        var command = new Command("import", "Check files row by row (errors with their row numbers, unknown kinds) and print the log's figures; with --store, write them to the database as undoable imports.")
        {
            files, mapping, json, partial, store, agency, system, locality, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        command.SetAction(async (parse, ct) => parse.GetValue(store)
            ? await FlowStoreCommands.ImportAsync(parse, FlowFiles.Expand(parse.GetValue(files) ?? []), parse.GetValue(mapping), parse.GetValue(agency), parse.GetValue(system),
                parse.GetValue(locality), parse.GetValue(partial), ct)
            : ReadOnly(parse));
        return command;

        int ReadOnly(ParseResult parse) => Run(parse, files, mapping, json, (log, asJson) =>
        {
            var stats = LogStatistics.Of(log);
            if (asJson)
            {
                Console.WriteLine(JsonSerializer.Serialize(stats, Json));
            }
            else
            {
                PrintStats(stats);
            }
            return 0;
        }, parse.GetValue(partial));
    }

    internal static Option<string?> LocalityOption() => new("--locality") { Description = "The locality (name or id) when the database holds several." };

    private static Command Imports()
    {
        var locality = LocalityOption();
        var command = new Command("imports", "List the locality's stored imports: id, file, agency, who, when, records, skipped, status.")
        {
            locality, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        command.SetAction(async (parse, ct) => await FlowStoreCommands.ListAsync(parse, parse.GetValue(locality), ct));
        return command;
    }

    private static Command Undo()
    {
        var id = new Argument<Guid>("IMPORT_ID") { Description = "The import's id (printed by `flow import --store`, listed by `flow imports`)." };
        var locality = LocalityOption();
        var command = new Command("undo", "Undo a stored import: delete exactly its records, in one transaction, recorded in the audit trail.")
        {
            id, locality, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        command.SetAction(async (parse, ct) => await FlowStoreCommands.UndoAsync(parse, parse.GetValue(id), parse.GetValue(locality), ct));
        return command;
    }

    private static Command Signals()
    {
        var files = Files();
        var mapping = Mapping();
        var json = JsonOption();
        var options = OptionsFile();
        var top = new Option<int>("--top") { Description = "How many signals to list (default 20).", DefaultValueFactory = _ => 20 };
        var kind = new Option<FlowSignalKind?>("--kind") { Description = "Only this signal: RePresentation, RepeatedAssessment, AssessRefer, ReferralPingPong, ScreenedOutReturnedWorse, ProgressChasing, LongWorkerChain." };
        var command = new Command("signals", "Find failure-demand signals in the records (re-presentation, repeated assessment, assess-refer, referral ping-pong, screened out then back worse, progress chasing, long chains of workers).")
        {
            files, mapping, json, options, top, kind,
        };
        command.SetAction(parse => Run(parse, files, mapping, json, (log, asJson) =>
        {
            var analyzer = new FlowAnalyzer(log, LoadOptions(parse.GetValue(options)));
            var all = analyzer.AllSignals();
            var only = parse.GetValue(kind);
            var chosen = only is null ? all : all.Where(s => s.Kind == only).ToList();
            var counts = Enum.GetValues<FlowSignalKind>().Select(k => (Kind: k, Count: chosen.Count(s => s.Kind == k), People: chosen.Where(s => s.Kind == k).Select(s => s.Person).Distinct().Count())).ToList();
            var listed = chosen.Take(parse.GetValue(top)).ToList();
            if (asJson)
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    counts = counts.Select(c => new { kind = c.Kind.ToString(), signals = c.Count, people = c.People }),
                    signals = listed.Select(s => new { kind = s.Kind.ToString(), person = log.PersonId(s.Person), records = s.Events.Select(i => log.FileOrder[i]).ToArray(), text = s.Describe(log) }),
                }, Json));
                return 0;
            }
            Console.WriteLine($"{chosen.Count:N0} signals for {chosen.Select(s => s.Person).Distinct().Count():N0} of {log.PersonCount:N0} people");
            foreach (var c in counts)
            {
                Console.WriteLine($"  {c.Kind,-26} {c.Count,10:N0} signals {c.People,10:N0} people");
            }
            Console.WriteLine();
            foreach (var s in listed)
            {
                Console.WriteLine($"{log.PersonId(s.Person)}: {s.Kind}: {s.Describe(log)} (records {string.Join(", ", s.Events.Select(i => log.FileOrder[i] + 1))} in reading order)");
            }
            return 0;
        }));
        return command;
    }

    private static Command Paths()
    {
        var files = Files();
        var mapping = Mapping();
        var json = JsonOption();
        var top = new Option<int>("--top") { Description = "How many paths and hand-offs to list (default 10).", DefaultValueFactory = _ => 10 };
        var level = new Option<FlowLevel>("--level") { Description = "Agency, Team or Activity (default Agency).", DefaultValueFactory = _ => FlowLevel.Agency };
        var command = new Command("paths", "Print the hand-offs between agencies (or teams, or activities) with counts and median waits, and the most common paths through the system.")
        {
            files, mapping, json, top, level,
        };
        command.SetAction(parse => Run(parse, files, mapping, json, (log, asJson) =>
        {
            var n = parse.GetValue(top);
            var graph = HandOffs.Graph(log, parse.GetValue(level));
            var paths = HandOffs.MostCommonPaths(log, parse.GetValue(level), n);
            if (asJson)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { handOffs = graph.Edges.Take(n), stays = graph.Stays, paths }, Json));
                return 0;
            }
            Console.WriteLine($"Hand-offs between {graph.Nodes.Count:N0} {parse.GetValue(level).ToString().ToLowerInvariant()} nodes ({graph.Edges.Sum(e => (long)e.Count):N0} hand-offs, {graph.Stays:N0} steps within a node):");
            foreach (var e in graph.Edges.Take(n))
            {
                Console.WriteLine($"  {e.From} -> {e.To}: {e.Count:N0} times, {e.People:N0} people, median wait {e.MedianWaitDays.ToString("0.#", CultureInfo.InvariantCulture)} days");
            }
            Console.WriteLine();
            Console.WriteLine("Most common paths:");
            foreach (var p in paths)
            {
                Console.WriteLine($"  {p.People:N0} people ({p.Share:P1}): {string.Join(" -> ", p.Steps)}");
            }
            return 0;
        }));
        return command;
    }

    private static Command Export()
    {
        var files = Files();
        var mapping = Mapping();
        var output = new Option<string>("--out") { Description = "Where to write: .csv, .xes or .xes.gz.", Required = true };
        var command = new Command("export", "Write the records as CSV or XES (for checking figures in other process-mining tools).") { files, mapping, output };
        command.SetAction(parse => Run(parse, files, mapping, null, (log, _) =>
        {
            var path = parse.GetValue(output)!;
            using var stream = File.Create(path);
            if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                using var writer = new StreamWriter(stream);
                CsvActivityWriter.Write(log, writer);
            }
            else
            {
                XesWriter.Write(log, stream, gzip: path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));
            }
            Console.WriteLine($"Wrote {log.Count:N0} records for {log.PersonCount:N0} people to {path}.");
            return 0;
        }));
        return command;
    }

    private static int Run(ParseResult parse, Argument<string[]> files, Option<string?> mapping, Option<bool>? json, Func<ActivityLog, bool, int> work, bool allowPartial = false)
    {
        var asJson = json is not null && parse.GetValue(json);
        try
        {
            var paths = FlowFiles.Expand(parse.GetValue(files) ?? []);
            if (paths.Count == 0)
            {
                Console.Error.WriteLine("No activity files found.");
                return 2;
            }
            var (log, reports) = FlowFiles.Load(paths, parse.GetValue(mapping), showProgress: !asJson && !Console.IsOutputRedirected, allowPartial);
            foreach (var r in reports)
            {
                PrintReport(r, asJson);
            }
            if (log is null)
            {
                Console.Error.WriteLine("Nothing was read: a file was rejected (see the errors above). Fix the rows, or use --allow-partial with import.");
                return 1;
            }
            return work(log, asJson);
        }
        catch (FlowFormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static FlowOptions LoadOptions(string? path)
    {
        if (path is null)
        {
            return FlowOptions.Default;
        }
        try
        {
            return JsonSerializer.Deserialize<FlowOptions>(File.ReadAllText(path), Json) ?? FlowOptions.Default;
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            throw new FlowFormatException($"The options file {path} cannot be read: {ex.Message}", ex);
        }
    }

    private static void PrintReport(FlowImportReport r, bool asJson)
    {
        var w = asJson ? Console.Error : Console.Out;
        var state = r.Rejected ? "REJECTED, nothing added" : $"{r.Added:N0} records added";
        w.WriteLine($"{r.Source}: {r.Rows:N0} rows, {state}{(r.ErrorCount > 0 ? $", {r.ErrorCount:N0} errors" : "")}");
        foreach (var e in r.Errors.Take(50))
        {
            w.WriteLine($"  {e}");
        }
        if (r.ErrorCount > 50)
        {
            w.WriteLine($"  ... and {r.ErrorCount - 50:N0} more");
        }
        if (r.UnknownKinds.Count > 0)
        {
            w.WriteLine($"  unknown kinds (read as Other): {string.Join(", ", r.UnknownKinds.Take(20).Select(k => $"{k.Key} ({k.Value:N0})"))}{(r.UnknownKinds.Count > 20 ? ", ..." : "")}");
        }
        foreach (var note in r.Notes)
        {
            w.WriteLine($"  note: {note}");
        }
    }

    private static void PrintStats(LogStatistics s)
    {
        Console.WriteLine($"Cases:                   {s.Cases:N0}");
        Console.WriteLine($"Events:                  {s.Events:N0}");
        Console.WriteLine($"Exact duplicates:        {s.Duplicates:N0} (the same person, time, agency, kind, type and worker under another record id: kept, counted once)");
        Console.WriteLine($"Activities:              {s.Activities:N0}");
        Console.WriteLine($"Variants:                {s.Variants:N0}");
        Console.WriteLine($"Directly-follows pairs:  {s.DirectlyFollowsPairs:N0}");
        Console.WriteLine($"Cases with rework:       {s.CasesWithRework:N0}");
        Console.WriteLine($"Median case duration:    {s.MedianCaseDays.ToString("0.##", CultureInfo.InvariantCulture)} days");
        if (s.From is { } from && s.To is { } to)
        {
            Console.WriteLine($"From {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        }
    }

    private static void PrintCohort(CohortFigures c)
    {
        Console.WriteLine($"People: {c.People:N0}; records {c.Records:N0} (median {c.RecordsPerPerson.Median:N0} a person, most {c.RecordsPerPerson.Max:N0}); interactions {c.Interactions:N0}");
        Console.WriteLine($"Assessments {c.Assessments:N0} ({c.RepeatedAssessments:N0} repeated); referrals {c.Referrals:N0}; assess-do-refer cycles {c.AssessDoReferCycles:N0}");
        Console.WriteLine($"Exits {c.Exits:N0}; re-entries {c.ReEntries:N0}; documents {c.Documents:N0}");
        Console.WriteLine($"Hospital admissions {c.HospitalAdmissions:N0} totalling {c.HospitalDays:N0} days ({c.DaysAfterMedicallyFit:N0} after medically fit)");
        Console.WriteLine($"Helped: {(c.HelpedShare is { } h ? h.ToString("P0", CultureInfo.InvariantCulture) : "not judged")} of {c.JudgedRecords:N0} judged records");
        Console.WriteLine($"Cost recorded: £{c.Cost.ToString("N0", CultureInfo.InvariantCulture)} (median £{c.CostPerPerson.Median.ToString("N0", CultureInfo.InvariantCulture)} a person)");
    }

    private static void PrintPerson(PersonFigures f)
    {
        Console.WriteLine($"Person {f.PersonId}: {f.First:yyyy-MM-dd} to {f.Last:yyyy-MM-dd}");
        Console.WriteLine($"  records {f.Records}, interactions {f.Interactions}, agencies {f.Agencies}, teams {f.Teams}, staff {f.Workers}");
        Console.WriteLine($"  assessments {f.Assessments} ({f.RepeatedAssessments} repeated), referrals {f.Referrals}, assess-do-refer cycles {f.AssessDoReferCycles}");
        Console.WriteLine($"  exits {f.Exits}, re-entries {f.ReEntries}, documents {f.Documents}");
        Console.WriteLine($"  hospital admissions {f.HospitalAdmissions}, days {f.HospitalDays}, after medically fit {f.DaysAfterMedicallyFit}");
        Console.WriteLine($"  helped {f.HelpedRecords} of {f.JudgedRecords} judged; first contact to need met: {(f.DaysToNeedMet is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) + " days" : "not met")}");
        Console.WriteLine($"  cost £{f.Cost.ToString("N2", CultureInfo.InvariantCulture)} ({f.UncostedRecords} records without a cost)");
    }
}
