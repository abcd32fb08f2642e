using System.Globalization;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Demands;

/// <summary>One row of a CSV file read for import: its line number, what it would capture, and what is wrong with it.</summary>
public sealed record ImportRow(int Line, DemandInput Input, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>What a CSV file would import: every row, valid or not, and the type names it would add.</summary>
public sealed record ImportPreview(IReadOnlyList<string> Columns, IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> NewTypeNames, IReadOnlyList<string> FileErrors)
{
    public int Valid => Rows.Count(r => r.IsValid);
    public int Invalid => Rows.Count - Valid;
}

/// <summary>
/// Demands in and out of CSV (RFC 4180, UTF-8, header row; see <see cref="CsvText"/>). Import maps the file's columns to LocalFlow's fields,
/// checks every row against the same rules as capture, and reports each problem with its line number; the
/// import itself is one transaction. Export writes every field, verbatims exactly as captured.
/// </summary>
public static class DemandCsv
{
    /// <summary>The fields a CSV column can be mapped to, with what each means.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, bool Required)> Fields =
    [
        ("verbatim", "The demand in the person's words", true),
        ("language", "The language it was made in (Cymraeg, Polish, pl; empty for English)", false),
        ("received_at", "When it arrived (2026-11-23 09:41, London time, or with an offset)", false),
        ("front_door", "Front door (its name)", false),
        ("channel", "Channel", false),
        ("what_they_wanted", "What they wanted", false),
        ("value_or_failure", "Value or failure (value, failure)", true),
        ("failure_kind", "Kind of failure", false),
        ("failure_other", "Failure in words (for other)", false),
        ("type", "Type of demand (its name)", false),
        ("what_happened", "What happened at the point of transaction", true),
        ("referred_to", "Referred on to whom", false),
        ("life_context", "Their life, as they told it", false),
    ];

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A time before this year is a mistake (year 0001 is what a blank date becomes in some systems), refused naming the row: the flow import's year.</summary>
    public const int EarliestYear = Analytics.Flow.Formats.FlowTimestamps.EarliestYear;

    /// <summary>
    /// Guesses a mapping from column names ("Verbatim", "What happened", "type"...): each field to the column whose
    /// name, lower-cased without spaces, underscores or dashes, matches the field's name or label.
    /// </summary>
    public static Dictionary<string, string> GuessMapping(IEnumerable<string> columns)
    {
        static string Norm(string s) => new(s.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = columns.ToList();
        foreach (var (field, label, _) in Fields)
        {
            var match = list.FirstOrDefault(c => Norm(c) == Norm(field)) ?? list.FirstOrDefault(c => Norm(label).StartsWith(Norm(c), StringComparison.Ordinal) && Norm(c).Length > 3);
            if (match is not null)
            {
                map[field] = match;
            }
        }
        return map;
    }

    /// <summary>Parses a mapping written "verbatim=Column,type=Category" (as the CLI takes it).</summary>
    public static Dictionary<string, string> ParseMapping(string? text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == part.Length - 1)
            {
                throw new DemandInputException("map", $"\"{part}\" is not field=Column (for example verbatim=What they said)");
            }
            var field = part[..eq].Trim().ToLowerInvariant();
            if (!Fields.Any(f => f.Field == field))
            {
                throw new DemandInputException("map", $"\"{field}\" is not a field LocalFlow knows. Fields: {string.Join(", ", Fields.Select(f => f.Field))}");
            }
            map[field] = part[(eq + 1)..].Trim();
        }
        return map;
    }

    /// <summary>Reads a file and checks every row; changes nothing.</summary>
    public static async Task<ImportPreview> PreviewAsync(LocalFlowDb db, DemandStudy study, string csvText, IReadOnlyDictionary<string, string> mapping, CancellationToken ct = default)
    {
        var fileErrors = new List<string>();
        var rows = new List<ImportRow>();
        var records = CsvText.Read(csvText);
        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrWhiteSpace))
        {
            return new ImportPreview([], [], [], ["The file is empty: it needs a header row naming the columns, then one row per demand."]);
        }
        var columns = records[0].Fields.ToList();
        // Two columns with the same name: which one a mapping means is a guess, so the file is refused.
        foreach (var repeated in columns.Select((name, at) => (Name: name.Trim(), At: at + 1)).Where(c => c.Name.Length > 0)
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            fileErrors.Add($"The header names the column \"{repeated.Key}\" more than once (columns {string.Join(" and ", repeated.Select(c => c.At.ToString(CultureInfo.InvariantCulture)))}): give each column its own name.");
        }
        foreach (var (field, column) in mapping)
        {
            if (!columns.Contains(column, StringComparer.Ordinal))
            {
                fileErrors.Add($"The file has no column called \"{column}\" (mapped to {field}). Its columns are: {string.Join(", ", columns)}.");
            }
        }
        if (!mapping.ContainsKey("verbatim"))
        {
            fileErrors.Add("Choose the column that holds the demand in the person's words (verbatim).");
        }
        if (fileErrors.Count > 0)
        {
            return new ImportPreview(columns, [], [], fileErrors);
        }
        var doors = await db.DemandStudyFrontDoors.Where(f => f.StudyId == study.Id).Include(f => f.FrontDoor).Select(f => f.FrontDoor!).ToListAsync(ct);
        var types = await db.DemandTypes.Where(t => t.StudyId == study.Id && t.MergedIntoId == null).ToListAsync(ct);
        var service = new DemandStudies(db);
        var newTypes = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = columns.Count - 1; c >= 0; c--)
        {
            index[columns[c]] = c;
        }
        foreach (var record in records.Skip(1))
        {
            var line = record.Line;
            if (record.Fields.All(string.IsNullOrEmpty))
            {
                continue;
            }
            // A cell LocalFlow's export neutralised against spreadsheet formulas comes back as it was.
            string? Get(string field) => mapping.TryGetValue(field, out var col) && index[col] < record.Fields.Length ? Analytics.CsvFormula.Restore(record.Fields[index[col]]) : null;
            var errors = CsvText.NotText(record.Fields).ToList();
            var input = new DemandInput
            {
                Verbatim = Get("verbatim"),
                Language = Blank(Get("language")),
                WhatTheyWanted = Get("what_they_wanted"),
                FailureOther = Blank(Get("failure_other")),
                ReferredTo = Blank(Get("referred_to")),
                LifeContext = Blank(Get("life_context")),
            };
            var door = Blank(Get("front_door"));
            if (door is null)
            {
                if (doors.Count == 1)
                {
                    input.FrontDoorId = doors[0].Id;
                }
            }
            else
            {
                var match = doors.FirstOrDefault(d => string.Equals(d.Name, door.Trim(), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    errors.Add($"front door \"{door}\" is not one of this study's: {string.Join(", ", doors.Select(d => d.Name))}");
                }
                input.FrontDoorId = match?.Id;
            }
            Parse(Get("channel"), "channel", ParseChannel, v => input.Channel = v, errors);
            Parse(Get("value_or_failure"), "value or failure", ParseNature, v => input.Nature = v, errors);
            Parse(Get("failure_kind"), "kind of failure", ParseFailureKind, v => input.FailureKind = v, errors);
            Parse(Get("what_happened"), "what happened", ParseOutcome, v => input.Outcome = v, errors);
            var when = Blank(Get("received_at"));
            if (when is not null)
            {
                if (DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(when))
                {
                    if (withOffset.Year < EarliestYear)
                    {
                        errors.Add($"\"{when}\" is before {EarliestYear}: check the year");
                    }
                    else
                    {
                        input.ReceivedAt = withOffset.UtcDateTime;
                    }
                }
                else if (DateTime.TryParse(when, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var local))
                {
                    local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
                    if (local.Year < EarliestYear)
                    {
                        errors.Add($"\"{when}\" is before {EarliestYear}: check the year");
                    }
                    else if (London.IsInvalidTime(local))
                    {
                        // the spring clock change: London's clocks jump from 01:00 to 02:00, so this time never happened
                        errors.Add($"\"{when}\" did not happen in London: the clocks went forward an hour that night. Give the time the person was heard with its offset (for example +00:00), or check the hour");
                    }
                    else
                    {
                        input.ReceivedAt = TimeZoneInfo.ConvertTimeToUtc(local, London);
                    }
                }
                else
                {
                    errors.Add($"\"{when}\" is not a date and time like 2026-11-23 09:41");
                }
            }
            var typeName = Blank(Get("type"))?.Trim();
            if (typeName is not null)
            {
                var type = types.FirstOrDefault(t => string.Equals(t.Name, typeName, StringComparison.OrdinalIgnoreCase));
                if (type is null)
                {
                    input.NewTypeName = typeName;
                    newTypes.Add(typeName);
                }
                else
                {
                    input.TypeId = type.Id;
                }
            }
            foreach (var (field, message) in await service.CheckAsync(study, input, ct))
            {
                // A value the file did give but could not be read is already reported; don't repeat it as missing.
                if (!(field == nameof(DemandInput.Nature) && errors.Any(e => e.StartsWith("value or failure", StringComparison.Ordinal)))
                    && !(field == nameof(DemandInput.Outcome) && errors.Any(e => e.StartsWith("what happened", StringComparison.Ordinal)))
                    && !(field == nameof(DemandInput.FrontDoorId) && door is not null))
                {
                    errors.Add(message);
                }
            }
            rows.Add(new ImportRow(line, input, errors));
        }
        if (rows.Count == 0)
        {
            fileErrors.Add("The file has a header row but no demands.");
        }
        return new ImportPreview(columns, rows, newTypes.ToList(), fileErrors);
    }

    private static bool HasOffset(string s) => s.EndsWith('Z') || s.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(s, @"[+-]\d{2}:?\d{2}$");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static void Parse<T>(string? text, string what, Func<string, T?> parse, Action<T?> set, List<string> errors) where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        var v = parse(text.Trim());
        if (v is null)
        {
            errors.Add($"{what}: \"{text}\" is not one of the values LocalFlow knows");
        }
        set(v);
    }

    private static string Key(string s) => new(s.ToLowerInvariant().Where(char.IsLetter).ToArray());

    private static T? ByName<T>(string text, Func<T, string> describe) where T : struct, Enum
    {
        var k = Key(text);
        foreach (var v in Enum.GetValues<T>())
        {
            if (Key(v.ToString()) == k || Key(describe(v)) == k)
            {
                return v;
            }
        }
        return null;
    }

    public static Channel? ParseChannel(string text) => ByName<Channel>(text, DemandAnalysis.ChannelName);

    public static DemandNature? ParseNature(string text) => Key(text) switch
    {
        "v" or "value" or "valuedemand" => DemandNature.Value,
        "f" or "failure" or "failuredemand" => DemandNature.Failure,
        _ => null,
    };

    public static FailureKind? ParseFailureKind(string text) => ByName<FailureKind>(text, DemandAnalysis.FailureKindName) ?? Key(text) switch
    {
        "representing" or "samethingagain" => FailureKind.RePresenting,
        "progresschasing" or "chasing" => FailureKind.ProgressChasing,
        "notunderstood" or "rework" => FailureKind.NotUnderstoodRework,
        "notdoneright" => FailureKind.NotDoneRight,
        _ => null,
    };

    public static TransactionOutcome? ParseOutcome(string text) => ByName<TransactionOutcome>(text, DemandAnalysis.OutcomeName) ?? Key(text) switch
    {
        "resolved" or "resolvedatfirstcontact" => TransactionOutcome.ResolvedThere,
        "advice" or "information" => TransactionOutcome.AdviceOnly,
        "referred" or "referral" => TransactionOutcome.ReferredOn,
        "screenedout" or "nfa" or "nofurtheraction" => TransactionOutcome.ScreenedOut,
        "booked" => TransactionOutcome.Booked,
        _ => null,
    };

    /// <summary>The export's columns, in order (an export can be imported again with the guessed mapping).</summary>
    public static readonly string[] ExportColumns =
        ["id", "received_at", "front_door", "channel", "verbatim", "language", "what_they_wanted", "value_or_failure", "failure_kind", "failure_other", "type", "what_happened", "referred_to", "life_context", "captured_by", "captured_at", "version"];

    /// <summary>Writes every demand of a study as CSV, oldest first.</summary>
    public static async Task<int> ExportAsync(LocalFlowDb db, DemandStudy study, TextWriter writer, CancellationToken ct = default)
    {
        var types = await db.DemandTypes.Where(t => t.StudyId == study.Id).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var doors = await db.FrontDoors.Where(f => f.LocalityId == study.LocalityId).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        CsvText.WriteRecord(writer, ExportColumns);
        var count = 0;
        await foreach (var d in db.Demands.AsNoTracking().Where(d => d.LocalityId == study.LocalityId && d.StudyId == study.Id).OrderBy(d => d.ReceivedAt).ThenBy(d => d.CapturedAt).AsAsyncEnumerable().WithCancellation(ct))
        {
            CsvText.WriteRecord(writer,
            [
                d.Id.ToString(),
                d.ReceivedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                doors.GetValueOrDefault(d.FrontDoorId, ""),
                d.Channel.ToString(),
                d.Verbatim,
                d.Language,
                d.WhatTheyWanted,
                d.Nature == DemandNature.Failure ? "failure" : "value",
                d.FailureKind?.ToString(),
                d.FailureOther,
                d.TypeId is int t ? types.GetValueOrDefault(t, "") : "",
                d.Outcome.ToString(),
                d.ReferredTo,
                d.LifeContext,
                d.CapturedBy,
                d.CapturedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                d.Version.ToString(CultureInfo.InvariantCulture),
            ]);
            count++;
        }
        await writer.FlushAsync(ct);
        return count;
    }
}
