using System.CommandLine;
using System.Globalization;
using System.Text;
using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Privacy;
using LocalFlow.Analytics.Linking.Synthetic;
using LocalFlow.Data;
using Spectre.Console;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow link`: link records across agencies' CSV extracts (no database needed), and `link generate` for synthetic extracts.</summary>
internal static class LinkCommand
{
    public static Command Create()
    {
        var sources = new Option<string[]>("--source") { Description = "A source as NAME=FILE.csv (repeat for each agency's extract).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Where to write each record's person id (CSV). Pairs go to <out>.pairs.csv, row problems to <out>.issues.csv.", Required = true };
        var model = new Option<string?>("--model") { Description = "Use this saved model (JSON) instead of estimating one." };
        var saveModel = new Option<string?>("--save-model") { Description = "Save the model's parameters to this JSON file." };
        var threshold = new Option<double?>("--threshold") { Description = $"Link threshold: match weight in bits (default {LinkageOptions.DefaultLinkThreshold})." };
        var review = new Option<double?>("--review-threshold") { Description = $"Lower edge of the review band in bits (default {LinkageOptions.DefaultReviewThreshold})." };
        var isPrivate = new Option<bool>("--private") { Description = "Privacy-preserving mode: encode every source as keyed Bloom filters first and link on the encodings alone." };
        var secretFile = new Option<string?>("--secret-file") { Description = "File holding the secret shared between agencies (needed with --private; at least 16 bytes)." };
        var truthColumn = new Option<string?>("--truth-column") { Description = "A column holding the true person key (test data): precision and recall are reported." };
        var encodedSources = new Option<string[]>("--encoded") { Description = "An agency's encoded extract as NAME=FILE.csv (made by `link encode`); links on Bloom filters alone, no secret needed.", Arity = ArgumentArity.ZeroOrMore };
        var truthFile = new Option<string?>("--truth-file") { Description = "A truth file as written by `link generate` (agency, record_id, person_id): precision and recall are reported." };
        var map = new Option<string[]>("--map") { Description = "Column mapping [SOURCE:]COLUMN=FIELD, e.g. --map \"forename=given-names\" (fields: record-id, full-name, title, given-names, middle-names, surname, previous-surnames, date-of-birth, sex, address-line, house-number, postcode, previous-postcodes, nhs-number, other-id, phone, email, record-date, none).", Arity = ArgumentArity.ZeroOrMore };
        var previous = new Option<string?>("--previous") { Description = "An earlier run's --out file: person ids are carried over by majority of members." };
        var pairBudget = new Option<long>("--pair-budget") { Description = "At most this many candidate pairs (about 22 bytes each): beyond it blocking compares big blocks in a smaller window. Default 80,000,000.", DefaultValueFactory = _ => 80_000_000 };
        var maxBlock = new Option<int>("--max-block-size") { Description = "Blocks with more records than this (a tower block's postcode, a common birthday) are compared within a sorted window instead of in full. Default 2,000.", DefaultValueFactory = _ => 2000 };
        var decisions = new Option<string?>("--decisions") { Description = "Reviewers' decisions (CSV: source_a, record_id_a, source_b, record_id_b, decision = match | non-match), applied before clustering." };
        var command = new Command("link", "Link records of the same person across agencies' CSV extracts (Fellegi–Sunter, explainable, optionally on Bloom-filter encodings). Works without a database.")
        {
            sources, encodedSources, output, model, saveModel, threshold, review, isPrivate, secretFile, truthColumn, truthFile, map, previous, decisions, pairBudget, maxBlock,
        };
        command.Subcommands.Add(CreateGenerate());
        command.Subcommands.Add(CreateEncode());
        command.Subcommands.Add(LinkDemandsCommand.Create());
        command.Subcommands.Add(LinkImportCommand.Create());
        command.SetAction((parse, ct) =>
        {
            try
            {
                return Task.FromResult(Run(new LinkRequest(
                    parse.GetValue(sources) ?? [], parse.GetValue(encodedSources) ?? [], parse.GetValue(output)!, parse.GetValue(model), parse.GetValue(saveModel), parse.GetValue(threshold), parse.GetValue(review),
                    parse.GetValue(isPrivate), parse.GetValue(secretFile), parse.GetValue(truthColumn), parse.GetValue(truthFile), parse.GetValue(map) ?? [], parse.GetValue(previous), parse.GetValue(decisions), parse.GetValue(pairBudget), parse.GetValue(maxBlock))));
            }
            catch (LinkageInputException ex)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                return Task.FromResult(2);
            }
        });
        return command;
    }

    private sealed record LinkRequest(string[] Sources, string[] Encoded, string Out, string? Model, string? SaveModel, double? Threshold, double? Review, bool Private, string? SecretFile, string? Truth, string? TruthFile, string[] Map, string? Previous, string? Decisions, long PairBudget, int MaxBlockSize);

    private static int Run(LinkRequest request)
    {
        if (request.Sources.Length == 0 && request.Encoded.Length == 0)
        {
            throw new LinkageInputException("Give at least one --source NAME=FILE (or --encoded NAME=FILE).");
        }
        if (request.Sources.Length > 0 && request.Encoded.Length > 0)
        {
            throw new LinkageInputException("Give either clear-text --source files or --encoded files, not both: encoded extracts can only be linked with other encoded extracts.");
        }
        var encoded = new List<EncodedRecord>();
        foreach (var spec in request.Encoded)
        {
            var (name, file) = SplitSpec(spec, "--encoded");
            using var reader = new StreamReader(file);
            var rows = EncodedCsv.Read(reader);
            encoded.AddRange(rows.Select(r => r with { Source = name }));
            AnsiConsole.MarkupLine($"Read [bold]{rows.Count:N0}[/] encoded records from {Markup.Escape(name)}.");
        }
        byte[]? secret = null;
        if (request.Private)
        {
            if (request.SecretFile is null || !File.Exists(request.SecretFile))
            {
                throw new LinkageInputException("--private needs --secret-file pointing to the secret the agencies agreed.");
            }
            secret = Encoding.UTF8.GetBytes(File.ReadAllText(request.SecretFile).Trim());
            if (secret.Length < 16)
            {
                throw new LinkageInputException("The shared secret must be at least 16 bytes long.");
            }
        }
        var overrides = ParseMap(request.Map);
        var records = new List<LinkRecord>();
        var truth = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in request.Sources)
        {
            var (name, file) = SplitSpec(spec, "--source");
            if (!names.Add(name))
            {
                throw new LinkageInputException($"Source \"{name}\" is given twice.");
            }
            var sourceMap = overrides.Where(o => o.Source is null || o.Source == name).ToDictionary(o => o.Column, o => o.Field, StringComparer.Ordinal);
            using var reader = new StreamReader(file);
            var source = LinkCsv.Read(name, reader, sourceMap.Count == 0 ? null : sourceMap, request.Truth is null ? null : [request.Truth], requireRecordId: true);
            records.AddRange(source.Records);
            if (request.Truth is not null)
            {
                truth.AddRange(source.Extra[request.Truth].Select(LinkageEvaluation.FebrlTruthKey));
            }
            AnsiConsole.MarkupLine($"Read [bold]{source.Records.Count:N0}[/] records from {Markup.Escape(name)} ({Markup.Escape(string.Join(", ", source.Mapping.Select(m => $"{m.Key}→{m.Value}")))}).");
            if (source.Unmapped.Count > 0)
            {
                AnsiConsole.MarkupLine($"  Not used from {Markup.Escape(name)}: {Markup.Escape(string.Join(", ", source.Unmapped))} (map one with --map \"{Markup.Escape(name)}:COLUMN=FIELD\").");
            }
        }
        var options = new LinkageOptions { LinkThreshold = request.Threshold, ReviewThreshold = request.Review, PairBudget = request.PairBudget, MaxBlockSize = request.MaxBlockSize };
        if (request.Model is not null)
        {
            if (!File.Exists(request.Model))
            {
                throw new LinkageInputException($"Model file \"{request.Model}\" not found.");
            }
            options.Model = FellegiSunterModel.FromJson(File.ReadAllText(request.Model));
        }
        if (request.Previous is not null)
        {
            options.PreviousPersonIds = ReadPrevious(request.Previous);
        }
        if (request.Decisions is not null)
        {
            options.Decisions = ReadDecisions(request.Decisions);
        }
        LinkageResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                ProgressTask Task(string stage)
                {
                    if (!tasks.TryGetValue(stage, out var t))
                    {
                        tasks[stage] = t = ctx.AddTask(stage, maxValue: 1);
                    }
                    return t;
                }
                LinkageSchema schema;
                if (encoded.Count > 0)
                {
                    schema = new BloomSchema(encoded);
                }
                else if (secret is not null)
                {
                    var encode = Task("encoding (Bloom filters)");
                    var encoded = new BloomEncoder(secret).Encode(records);
                    encode.Value = 1;
                    schema = new BloomSchema(encoded);
                }
                else
                {
                    var prepare = Task("preparing");
                    schema = new ClearTextSchema(records);
                    prepare.Value = 1;
                }
                // The comparing stage reports from worker threads: one lock around the task table and the update.
                var gate = new object();
                options.Progress = new InlineProgress<LinkageProgress>(p =>
                {
                    lock (gate)
                    {
                        var t = Task(p.Stage);
                        t.Value = Math.Max(t.Value, p.Fraction);
                    }
                });
                result = Linker.Run(schema, options);
            });
        Write(request, result!);
        if (request.SaveModel is not null)
        {
            File.WriteAllText(request.SaveModel, result!.Model.ToJson());
            AnsiConsole.MarkupLine($"Model saved to {Markup.Escape(request.SaveModel)}.");
        }
        if (request.TruthFile is not null)
        {
            truth = ReadTruthFile(request.TruthFile, result!.Schema);
        }
        PrintReport(result!, request.Truth is null && request.TruthFile is null ? null : truth);
        return 0;
    }

    private static (string Name, string File) SplitSpec(string spec, string option)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == spec.Length - 1)
        {
            throw new LinkageInputException($"{option} \"{spec}\" must be NAME=FILE.");
        }
        var name = spec[..eq].Trim();
        var file = spec[(eq + 1)..].Trim();
        if (!File.Exists(file))
        {
            throw new LinkageInputException($"Source \"{name}\": file \"{file}\" not found.");
        }
        return (name, file);
    }

    private static Command CreateEncode()
    {
        var source = new Option<string>("--source") { Description = "This agency's extract as NAME=FILE.csv.", Required = true };
        var secretFile = new Option<string>("--secret-file") { Description = "File holding the secret agreed between agencies (at least 16 bytes).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the encoded extract (no clear-text identifiers).", Required = true };
        var map = new Option<string[]>("--map") { Description = "Column mapping COLUMN=FIELD, as for `link`.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("encode", "Encode one agency's extract as keyed Bloom filters (privacy-preserving mode), to send instead of names.") { source, secretFile, output, map };
        command.SetAction(parse =>
        {
            try
            {
                var (name, file) = SplitSpec(parse.GetValue(source)!, "--source");
                var secretPath = parse.GetValue(secretFile)!;
                if (!File.Exists(secretPath))
                {
                    throw new LinkageInputException($"Secret file \"{secretPath}\" not found.");
                }
                var secret = Encoding.UTF8.GetBytes(File.ReadAllText(secretPath).Trim());
                var overrides = ParseMap(parse.GetValue(map) ?? []).ToDictionary(o => o.Column, o => o.Field, StringComparer.Ordinal);
                using var reader = new StreamReader(file);
                var records = LinkCsv.Read(name, reader, overrides.Count == 0 ? null : overrides, requireRecordId: true).Records;
                var encoded = new BloomEncoder(secret).Encode(records);
                var outPath = parse.GetValue(output)!;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
                using (var w = new StreamWriter(outPath, false, new UTF8Encoding(false)))
                {
                    EncodedCsv.Write(w, encoded);
                }
                AnsiConsole.MarkupLine($"Encoded {encoded.Count:N0} records of {Markup.Escape(name)} to {Markup.Escape(outPath)}.");
                return 0;
            }
            catch (LinkageInputException ex)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                return 2;
            }
        });
        return command;
    }

    private static List<(string? Source, string Column, LinkField Field)> ParseMap(string[] map)
    {
        var list = new List<(string?, string, LinkField)>();
        foreach (var m in map)
        {
            var eq = m.LastIndexOf('=');
            if (eq <= 0)
            {
                throw new LinkageInputException($"--map \"{m}\" must be [SOURCE:]COLUMN=FIELD.");
            }
            var left = m[..eq];
            var colon = left.IndexOf(':', StringComparison.Ordinal);
            var source = colon > 0 ? left[..colon] : null;
            var column = colon > 0 ? left[(colon + 1)..] : left;
            if (!LinkCsv.TryParseField(m[(eq + 1)..], out var field) && !m[(eq + 1)..].Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                throw new LinkageInputException($"--map \"{m}\": \"{m[(eq + 1)..]}\" is not a field.");
            }
            list.Add((source, column, field));
        }
        return list;
    }

    private static Dictionary<(string, string), string> ReadPrevious(string file)
    {
        if (!File.Exists(file))
        {
            throw new LinkageInputException($"Previous run \"{file}\" not found.");
        }
        using var reader = new StreamReader(file);
        var map = new Dictionary<(string, string), string>();
        foreach (var row in LinkCsv.ReadRows(reader).Skip(1))
        {
            if (row.Length >= 3)
            {
                map[(row[0], row[1])] = row[2];
            }
        }
        return map;
    }

    private static List<string> ReadTruthFile(string file, LinkageSchema schema)
    {
        if (!File.Exists(file))
        {
            throw new LinkageInputException($"Truth file \"{file}\" not found.");
        }
        using var reader = new StreamReader(file);
        var map = new Dictionary<(string, string), string>();
        foreach (var row in LinkCsv.ReadRows(reader).Skip(1))
        {
            if (row.Length >= 3)
            {
                map[(row[0], row[1])] = row[2];
            }
        }
        var truth = new List<string>(schema.Count);
        for (var i = 0; i < schema.Count; i++)
        {
            var source = schema.Sources[schema.SourceIndex(i)];
            var recordId = schema.RecordId(i);
            // A record missing from the truth is its own person.
            truth.Add(map.TryGetValue((source, recordId), out var id) ? id : $"unknown:{source}:{recordId}");
        }
        return truth;
    }

    private static List<PairDecisionRecord> ReadDecisions(string file)
    {
        if (!File.Exists(file))
        {
            throw new LinkageInputException($"Decisions file \"{file}\" not found.");
        }
        using var reader = new StreamReader(file);
        var list = new List<PairDecisionRecord>();
        var line = 1;
        foreach (var row in LinkCsv.ReadRows(reader).Skip(1))
        {
            line++;
            if (row.Length < 5 || row[4].Trim().ToLowerInvariant() is not ("match" or "non-match"))
            {
                throw new LinkageInputException($"Decisions file, line {line}: expected source_a, record_id_a, source_b, record_id_b, match|non-match.");
            }
            list.Add(new PairDecisionRecord(row[0], row[1], row[2], row[3], row[4].Trim().Equals("match", StringComparison.OrdinalIgnoreCase)));
        }
        return list;
    }

    private static void Write(LinkRequest request, LinkageResult result)
    {
        var schema = result.Schema;
        var dir = Path.GetDirectoryName(Path.GetFullPath(request.Out))!;
        Directory.CreateDirectory(dir);
        using (var w = new StreamWriter(request.Out, false, new UTF8Encoding(false)))
        {
            LinkCsv.WriteRow(w, "source", "record_id", "person_id", "flagged", "flag_reason");
            for (var i = 0; i < schema.Count; i++)
            {
                var person = result.Clusters.People[result.Clusters.PersonOf[i]];
                LinkCsv.WriteRow(w, schema.Sources[schema.SourceIndex(i)], schema.RecordId(i), person.PersonId, person.Flagged ? "yes" : "no", person.FlagReason);
            }
        }
        var pairsFile = Path.ChangeExtension(request.Out, null) + ".pairs.csv";
        using (var w = new StreamWriter(pairsFile, false, new UTF8Encoding(false)))
        {
            LinkCsv.WriteRow(w, "source_a", "record_id_a", "source_b", "record_id_b", "weight", "probability", "decision");
            for (var i = 0; i < result.Pairs.Count; i++)
            {
                var d = result.Decisions[i];
                if (d == PairDecision.NonLink)
                {
                    continue;
                }
                var a = result.Record(result.Pairs.A(i));
                var b = result.Record(result.Pairs.B(i));
                LinkCsv.WriteRow(w, a.Source, a.RecordId, b.Source, b.RecordId, result.Weights[i].ToString("F2", CultureInfo.InvariantCulture), FellegiSunterModel.Probability(result.Weights[i]).ToString("F4", CultureInfo.InvariantCulture), d.ToString());
            }
        }
        if (schema.Issues.Count > 0)
        {
            var issuesFile = Path.ChangeExtension(request.Out, null) + ".issues.csv";
            using var w = new StreamWriter(issuesFile, false, new UTF8Encoding(false));
            LinkCsv.WriteRow(w, "source", "record_id", "row", "field", "value", "problem");
            foreach (var issue in schema.Issues)
            {
                LinkCsv.WriteRow(w, issue.Source, issue.RecordId, issue.Row.ToString(CultureInfo.InvariantCulture), issue.Field, issue.Value, issue.Problem);
            }
            AnsiConsole.MarkupLine($"[yellow]{schema.Issues.Count:N0} row problems[/] (malformed dates, NHS numbers failing their check digit...) written to {Markup.Escape(issuesFile)}.");
        }
        AnsiConsole.MarkupLine($"People written to {Markup.Escape(request.Out)}; links and pairs to review to {Markup.Escape(pairsFile)}.");
    }

    private static void PrintReport(LinkageResult result, List<string>? truth)
    {
        var r = result.Report();
        foreach (var note in result.Pairs.Notes)
        {
            AnsiConsole.MarkupLine($"[yellow]Blocking:[/] {Markup.Escape(note)}");
        }
        var table = new Table().AddColumns("Weight band (bits)", "Pairs", "Expected matches");
        foreach (var band in r.Bands)
        {
            table.AddRow($"{Edge(band.From)} to {Edge(band.To)}", band.Pairs.ToString("N0", CultureInfo.InvariantCulture), band.ExpectedMatches.ToString("N1", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{r.Records:N0} records from {r.Sources} sources; {r.CandidatePairs:N0} candidate pairs; [green]{r.Links + r.DecidedLinks:N0} linked[/], [yellow]{r.Reviews:N0} to review[/], {r.NonLinks + r.DecidedNonLinks:N0} not linked.");
        AnsiConsole.MarkupLine(r.EstimateKnown
            ? $"Link threshold {r.LinkThreshold:F1} bits, review from {r.ReviewThreshold:F1}. Model's estimate at the threshold: precision {r.EstimatedPrecision:F4}, recall {r.EstimatedRecall:F4}, counting about {r.MissedMatches:N0} matches blocking never paired (EM: {r.EmIterations} iterations, converged)."
            : $"Link threshold {r.LinkThreshold:F1} bits, review from {r.ReviewThreshold:F1}. [yellow]The model cannot estimate its own precision and recall here[/]: {Markup.Escape(r.EstimateCaveat)}. Check a sample of links by hand.");
        AnsiConsole.MarkupLine($"{r.People:N0} people ({r.PeopleInSeveralRecords:N0} with several records); {r.FlaggedClusters:N0} clusters flagged for review (from {r.FlaggedComponents:N0} chains that did not hang together). Time {result.Timings.Total.TotalSeconds:F1} s.");
        if (truth is not null)
        {
            var pairwise = LinkageEvaluation.Pairwise(result, truth);
            var clusters = LinkageEvaluation.Clusters(result, truth);
            AnsiConsole.MarkupLine($"Against the truth column: pairwise precision {pairwise.Precision:F4}, recall {pairwise.Recall:F4}; people (clusters) precision {clusters.Precision:F4}, recall {clusters.Recall:F4}.");
        }
    }

    private static string Edge(double v) => double.IsInfinity(v) ? (v < 0 ? "−∞" : "+∞") : v.ToString("F0", CultureInfo.InvariantCulture);

    private static Command CreateGenerate()
    {
        var people = new Option<int>("--people") { Description = "How many synthetic people.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and size make the same files.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Folder for the five agencies' CSV files and truth.csv.", Required = true };
        var errors = new Option<double>("--errors") { Description = "Scale of the error rates (1 = documented rates, 0 = clean).", DefaultValueFactory = _ => 1.0 };
        var hard = new Option<bool>("--hard") { Description = "Real-world shape: households sharing phones and e-mails, namesakes, twins, tower blocks, placeholders, and council, police, hospital, GP and housing extracts with their own headers and formats." };
        var command = new Command("generate", "Write synthetic extracts of the same people from five agencies (police, housing, health, social care, education; with --hard council, police, hospital, GP, housing) with realistic errors, and the truth.") { people, seed, output, errors, hard };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(people);
            if (n < 1 || n > 5_000_000)
            {
                AnsiConsole.MarkupLine("[red]--people must be between 1 and 5,000,000.[/]");
                return 2;
            }
            var e = parse.GetValue(errors);
            if (e is < 0 or > 10)
            {
                AnsiConsole.MarkupLine("[red]--errors must be between 0 and 10.[/]");
                return 2;
            }
            var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = n, Seed = parse.GetValue(seed), ErrorScale = e, Hard = parse.GetValue(hard) });
            var files = data.WriteCsv(parse.GetValue(output)!);
            AnsiConsole.MarkupLine($"Wrote {data.Records.Count:N0} records of {n:N0} people: {Markup.Escape(string.Join(", ", files.Select(Path.GetFileName)))}.");
            return 0;
        });
        return command;
    }
}
