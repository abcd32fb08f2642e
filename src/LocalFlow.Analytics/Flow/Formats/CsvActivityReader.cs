using System.Globalization;

namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>The first rows of a CSV file, to choose a mapping before importing.</summary>
/// <param name="Header">The header's column names.</param>
/// <param name="Rows">The first data rows, as text.</param>
public sealed record CsvPreview(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Reads an agency's CSV extract into an <see cref="ActivityLogBuilder"/> through a <see cref="CsvMapping"/>, streamed
/// (files larger than memory are fine: only the records are kept). Every bad row is reported with its line number
/// and column; unless partial imports are allowed, a file with any error is rejected and adds nothing.
/// </summary>
public static class CsvActivityReader
{
    private enum Transition
    {
        None,
        Start,
        Complete,
    }

    /// <summary>Why a value holding a NUL character is refused (CSV, OCEL).</summary>
    internal const string NulMessage = "holds a NUL character (character 0), which is not text: check the file was exported as text";

    /// <summary>Reads the header and the first <paramref name="rows"/> rows.</summary>
    public static CsvPreview Preview(Stream stream, char delimiter = ',', int rows = 10, int? maxFieldBytes = null)
    {
        using var t = new CsvTokenizer(stream, checked((byte)delimiter), maxFieldBytes ?? ReadLimits.FieldBytes);
        if (!t.ReadRecord())
        {
            return new CsvPreview([], []);
        }
        var header = Enumerable.Range(0, t.FieldCount).Select(t.FieldString).ToList();
        var list = new List<IReadOnlyList<string>>();
        while (list.Count < rows && t.ReadRecord())
        {
            if (!t.IsBlank)
            {
                list.Add(Enumerable.Range(0, t.FieldCount).Select(t.FieldString).ToList());
            }
        }
        return new CsvPreview(header, list);
    }

    /// <summary>
    /// Reads every row. Checks: the mapped columns exist; each row has a person, a valid timestamp (see
    /// <see cref="FlowTimestamps"/>), an agency, a number for cost, yes/no for helped; a source record id is not
    /// repeated within the file. Unknown kinds become <see cref="ActivityKind.Other"/> and are listed.
    /// </summary>
    /// <param name="stream">The CSV file (UTF-8).</param>
    /// <param name="mapping">Which column is which.</param>
    /// <param name="builder">Where the records go.</param>
    /// <param name="source">The file's name for the report.</param>
    /// <param name="allowPartial">Keep the good rows of a file with errors (default: reject the whole file).</param>
    /// <param name="progress">Receives bytes read now and then.</param>
    /// <param name="ct">Stops the read (the rows read so far are removed).</param>
    /// <param name="recordLines">
    /// Receives the line each record added starts on (line 1 is the header), in the order the records were added: the
    /// numbering of the errors, so that a caller can name the line of any record without reading the file again. A
    /// lifecycle pair's record has the line of its "start" row.
    /// </param>
    /// <param name="maxFieldBytes">The most bytes one field may hold (default <see cref="ReadLimits.FieldBytes"/>): a longer field, or a row of more than <see cref="ReadLimits.RecordFactor"/> times that, refuses the file naming its line.</param>
    public static FlowImportReport Read(Stream stream, CsvMapping mapping, ActivityLogBuilder builder, string? source = null,
        bool allowPartial = false, IProgress<long>? progress = null, CancellationToken ct = default, List<long>? recordLines = null, int? maxFieldBytes = null)
    {
        var mark = builder.Count;
        var linesMark = recordLines?.Count ?? 0;
        try
        {
            return ReadRows(stream, mapping, builder, source, allowPartial, progress, ct, recordLines, maxFieldBytes);
        }
        catch
        {
            // a file refused part-way (a field over the limit, a cancelled read) leaves nothing of itself behind
            builder.Truncate(mark);
            recordLines?.RemoveRange(linesMark, recordLines.Count - linesMark);
            throw;
        }
    }

    private static FlowImportReport ReadRows(Stream stream, CsvMapping mapping, ActivityLogBuilder builder, string? source,
        bool allowPartial, IProgress<long>? progress, CancellationToken ct, List<long>? recordLines, int? maxFieldBytes)
    {
        var linesMark = recordLines?.Count ?? 0;
        mapping.Validate();
        var report = new FlowImportReport { Source = source };
        var mark = builder.Count;
        var zone = mapping.TimeZone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(mapping.TimeZone);
        using var t = new CsvTokenizer(stream, checked((byte)mapping.Delimiter), maxFieldBytes ?? ReadLimits.FieldBytes);
        if (!t.ReadRecord())
        {
            report.AddError(1, null, "the file is empty: expected a header row");
            report.Rejected = true;
            return report;
        }
        var header = Enumerable.Range(0, t.FieldCount).Select(i => t.FieldString(i).Trim()).ToList();
        var col = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, name) in mapping.Columns)
        {
            var at = header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                report.AddError(1, name, $"the header has no column \"{name}\" (mapped to {field}); it has: {string.Join(", ", header)}");
            }
            col[field] = at;
        }
        if (report.ErrorCount > 0)
        {
            report.Rejected = true;
            return report;
        }
        int C(string field) => col.GetValueOrDefault(field, -1);
        int cPerson = C("person"), cHousehold = C("household"), cAgency = C("agency"), cTeam = C("team"), cWorker = C("worker");
        int cKind = C("kind"), cSubtype = C("subtype"), cRefAgency = C("referredToAgency"), cRefTeam = C("referredToTeam");
        int cStart = C("start"), cEnd = C("end"), cSystem = C("sourceSystem"), cRecord = C("sourceRecordId"), cCost = C("cost");
        int cHelped = C("helped"), cReason = C("helpedReason"), cText = C("text"), cActivity = C("activity"), cLifecycle = C("lifecycle");
        // Lifecycle "start" rows still waiting for their "complete", by person and activity (or kind when there is no activity).
        var open = cLifecycle >= 0 ? new Dictionary<(int Person, int Activity), Queue<(int Row, long StartTicks)>>() : null;
        var paired = 0;
        var strings = builder.Strings;
        var fixedAgency = strings.Intern(mapping.Agency?.Trim());
        var fixedSystem = strings.Intern(mapping.SourceSystem?.Trim());
        var fixedKind = mapping.Kind is null ? ActivityKind.Other : Enum.Parse<ActivityKind>(mapping.Kind, true);
        var kindCache = new Dictionary<string, (ActivityKind Kind, bool Known)>(StringComparer.Ordinal);
        var kindLookup = kindCache.GetAlternateLookup<ReadOnlySpan<char>>();
        var recordIds = cRecord >= 0 ? new Dictionary<string, long>(StringComparer.Ordinal) : null;
        var width = header.Count;
        long nextProgress = 1 << 24;
        var rowHadError = false;

        void Error(string? column, string message)
        {
            report.AddError(t.Line, column, message);
            rowHadError = true;
        }

        while (t.ReadRecord())
        {
            if (t.IsBlank)
            {
                continue;
            }
            ct.ThrowIfCancellationRequested();
            report.Rows++;
            rowHadError = false;
            if (t.Problem is not null)
            {
                Error(null, t.Problem);
                continue;
            }
            if (t.FieldCount != width)
            {
                Error(null, $"has {t.FieldCount} fields but the header has {width}");
                continue;
            }
            var nul = Enumerable.Range(0, width).FirstOrDefault(i => t.Field(i).Contains('\0'), -1);
            if (nul >= 0)
            {
                // never text, and PostgreSQL refuses it even as a query's parameter
                Error(header[nul], NulMessage);
                continue;
            }
            var person = t.Field(cPerson).Trim();
            if (person.IsEmpty)
            {
                Error(header[cPerson], "no person id");
                continue;
            }
            // the person id span is only valid until the next Field call: encode it now (people left with no
            // records because their rows were rejected are dropped when the log is built)
            var personRef = builder.InternPerson(person);
            if (!FlowTimestamps.TryParse(t.Field(cStart), mapping.TimeFormat, zone, out var start, out var startError))
            {
                Error(header[cStart], startError!);
            }
            long endTicks = ActivityLogBuilder.NoTicks;
            short endOffset = 0;
            if (cEnd >= 0 && !t.Field(cEnd).Trim().IsEmpty)
            {
                if (FlowTimestamps.TryParse(t.Field(cEnd), mapping.TimeFormat, zone, out var end, out var endError))
                {
                    if (!rowHadError && end < start)
                    {
                        Error(header[cEnd], "ends before it starts");
                    }
                    endTicks = end.UtcTicks;
                    endOffset = (short)end.Offset.TotalMinutes;
                }
                else
                {
                    Error(header[cEnd], endError!);
                }
            }
            var agency = cAgency >= 0 ? Intern(strings, t.Field(cAgency)) : 0;
            if (agency == 0)
            {
                agency = fixedAgency;
            }
            if (agency == 0)
            {
                Error(cAgency >= 0 ? header[cAgency] : null, "no agency");
            }
            var kind = fixedKind;
            var activity = 0;
            if (cKind >= 0)
            {
                var raw = t.Field(cKind).Trim();
                if (!kindLookup.TryGetValue(raw, out var resolved))
                {
                    var text = raw.ToString();
                    var k = ResolveKind(mapping, text);
                    resolved = (k, k != ActivityKind.Other || text.Equals(nameof(ActivityKind.Other), StringComparison.OrdinalIgnoreCase)
                        || (mapping.Kinds.TryGetValue(text, out var m) && m.Equals(nameof(ActivityKind.Other), StringComparison.OrdinalIgnoreCase)));
                    kindCache[text] = resolved;
                }
                kind = resolved.Kind;
                if (!resolved.Known)
                {
                    report.AddUnknownKind(raw.IsEmpty ? "(empty)" : raw.ToString());
                }
            }
            if (cActivity >= 0)
            {
                activity = Intern(strings, t.Field(cActivity));
            }
            decimal? cost = null;
            if (cCost >= 0)
            {
                var raw = t.Field(cCost).Trim();
                if (raw.StartsWith("£"))
                {
                    raw = raw[1..];
                }
                if (!raw.IsEmpty)
                {
                    if ((TryParsePlainAmount(raw, out var c) || decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out c)) && c >= 0 && c < 1_000_000_000m)
                    {
                        cost = c;
                    }
                    else
                    {
                        Error(header[cCost], $"\"{raw}\" is not an amount in pounds like 123.45");
                    }
                }
            }
            bool? helped = null;
            if (cHelped >= 0)
            {
                var raw = t.Field(cHelped).Trim();
                if (!raw.IsEmpty)
                {
                    helped = ParseHelped(raw);
                    if (helped is null)
                    {
                        Error(header[cHelped], $"\"{raw}\" is not yes or no");
                    }
                }
            }
            string? recordId = null;
            if (recordIds is not null)
            {
                recordId = t.Field(cRecord).Trim().ToString();
                if (recordId.Length > 0)
                {
                    if (recordIds.TryGetValue(recordId, out var firstRow))
                    {
                        Error(header[cRecord], $"duplicate record id \"{recordId}\" (first on row {firstRow})");
                    }
                    else
                    {
                        recordIds[recordId] = t.Line;
                    }
                }
            }
            var transition = Transition.None;
            if (open is not null)
            {
                var raw = t.Field(cLifecycle).Trim();
                transition = raw.Equals("start", StringComparison.OrdinalIgnoreCase) ? Transition.Start
                    : raw.Equals("complete", StringComparison.OrdinalIgnoreCase) ? Transition.Complete : Transition.None;
                if (!rowHadError && transition == Transition.Complete
                    && open.TryGetValue((personRef, activity != 0 ? activity : -1 - (int)kind), out var starts) && starts.Count > 0)
                {
                    // As in XES: a "complete" ends the earliest open "start" of the same activity for the same case.
                    var (row, startTicks) = starts.Peek();
                    if (start.UtcTicks < startTicks)
                    {
                        Error(header[cStart], "completes before it started");
                        continue;
                    }
                    starts.Dequeue();
                    builder.SetEnd(row, start);
                    paired++;
                    continue;
                }
            }
            if (rowHadError)
            {
                continue;
            }
            var system = cSystem >= 0 ? Intern(strings, t.Field(cSystem)) : 0;
            builder.Add(personRef, agency, kind, start.UtcTicks, (short)start.Offset.TotalMinutes,
                household: cHousehold >= 0 ? Intern(strings, t.Field(cHousehold)) : 0,
                team: cTeam >= 0 ? Intern(strings, t.Field(cTeam)) : 0,
                worker: cWorker >= 0 ? Intern(strings, t.Field(cWorker)) : 0,
                subtype: cSubtype >= 0 ? Intern(strings, t.Field(cSubtype)) : 0,
                referredToAgency: cRefAgency >= 0 ? Intern(strings, t.Field(cRefAgency)) : 0,
                referredToTeam: cRefTeam >= 0 ? Intern(strings, t.Field(cRefTeam)) : 0,
                endUtcTicks: endTicks, endOffsetMinutes: endOffset,
                sourceSystem: system == 0 ? fixedSystem : system,
                cost: cost, helped: helped,
                helpedReason: cReason >= 0 ? Intern(strings, t.Field(cReason)) : 0,
                activity: activity,
                sourceRecordId: recordId,
                text: cText >= 0 ? t.Field(cText) : default);
            recordLines?.Add(t.Line);
            if (transition == Transition.Start)
            {
                var key = (personRef, activity != 0 ? activity : -1 - (int)kind);
                if (!open!.TryGetValue(key, out var starts))
                {
                    open[key] = starts = new Queue<(int, long)>();
                }
                starts.Enqueue((builder.Count - 1, start.UtcTicks));
            }
            if (progress is not null && t.BytesRead >= nextProgress)
            {
                progress.Report(t.BytesRead);
                nextProgress = t.BytesRead + (1 << 24);
            }
        }
        progress?.Report(t.BytesRead);
        if (paired > 0)
        {
            report.Notes.Add($"{paired:N0} lifecycle start/complete pairs became one record each");
        }
        if (report.ErrorCount > 0 && !allowPartial)
        {
            builder.Truncate(mark);
            recordLines?.RemoveRange(linesMark, recordLines.Count - linesMark);
            report.Rejected = true;
            report.Added = 0;
            return report;
        }
        report.Added = builder.Count - mark;
        return report;
    }

    /// <summary>
    /// Reads several extracts, up to <paramref name="parallelism"/> at a time, each into its own builder, then appends
    /// them to <paramref name="builder"/> in the order given (so the log is the same however the threads ran). Each
    /// file is accepted or rejected on its own, as <see cref="Read"/> does.
    /// </summary>
    public static IReadOnlyList<FlowImportReport> ReadFiles(IReadOnlyList<(string Path, CsvMapping Mapping)> files, ActivityLogBuilder builder,
        bool allowPartial = false, int parallelism = 0, CancellationToken ct = default)
    {
        var reports = new FlowImportReport[files.Count];
        var parts = new ActivityLogBuilder?[files.Count];
        var next = 0;
        var appendAt = 0;
        var gate = new object();
        void Worker()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next) - 1;
                if (i >= files.Count)
                {
                    return;
                }
                var (path, mapping) = files[i];
                var part = new ActivityLogBuilder((int)Math.Clamp(new FileInfo(path).Length / 60, 1024, 100_000_000));
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                {
                    reports[i] = Read(stream, mapping, part, System.IO.Path.GetFileName(path), allowPartial, null, ct);
                }
                lock (gate)
                {
                    parts[i] = part;
                    // append finished files in order as soon as the ones before them are done, to free their memory early
                    while (appendAt < files.Count && parts[appendAt] is { } ready)
                    {
                        builder.Append(ready);
                        parts[appendAt] = null;
                        appendAt++;
                    }
                }
            }
        }
        var threads = Math.Max(1, Math.Min(parallelism <= 0 ? Environment.ProcessorCount : parallelism, files.Count));
        var tasks = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(Worker, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Task.WaitAll(tasks, ct);
        return reports;
    }

    // "1234.56": digits with at most one dot, read without the general number parser
    private static bool TryParsePlainAmount(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 18)
        {
            return false;
        }
        long digits = 0;
        var scale = -1;
        foreach (var ch in s)
        {
            if (ch == '.' && scale < 0)
            {
                scale = 0;
                continue;
            }
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
            digits = (digits * 10) + (ch - '0');
            if (scale >= 0)
            {
                scale++;
            }
        }
        if (scale == 0)
        {
            return false;
        }
        value = new decimal(digits) / (scale <= 0 ? 1m : Pow10[scale]);
        return true;
    }

    private static readonly decimal[] Pow10 = [.. Enumerable.Range(0, 19).Select(i => (decimal)Math.Pow(10, i))];

    private static int Intern(StringPool pool, ReadOnlySpan<char> value) => pool.Intern(value.Trim());

    /// <summary>Yes/no in the forms extracts use: yes, no, y, n, true, false, 1, 0 (case ignored); null when not one of them.</summary>
    public static bool? ParseHelped(ReadOnlySpan<char> raw) => raw switch
    {
        _ when raw.Equals("yes", StringComparison.OrdinalIgnoreCase) || raw.Equals("y", StringComparison.OrdinalIgnoreCase)
            || raw.Equals("true", StringComparison.OrdinalIgnoreCase) || raw.SequenceEqual("1") => true,
        _ when raw.Equals("no", StringComparison.OrdinalIgnoreCase) || raw.Equals("n", StringComparison.OrdinalIgnoreCase)
            || raw.Equals("false", StringComparison.OrdinalIgnoreCase) || raw.SequenceEqual("0") => false,
        _ => null,
    };

    /// <summary>The kind for a source value: the mapping's kind map, else a kind's own name (case ignored), else Other.</summary>
    public static ActivityKind ResolveKind(CsvMapping mapping, string value)
    {
        if (mapping.Kinds.TryGetValue(value, out var mapped) && Enum.TryParse<ActivityKind>(mapped, true, out var k))
        {
            return k;
        }
        if (!value.Any(char.IsAsciiDigit) && Enum.TryParse(value.Replace(" ", "", StringComparison.Ordinal), true, out k) && Enum.IsDefined(k))
        {
            return k;
        }
        return ActivityKind.Other;
    }
}
