using System.Globalization;
using System.Xml;

namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>How XES files are read into activity records.</summary>
public sealed record XesReadOptions
{
    /// <summary>The most bytes a gzipped file may decompress to (default 4 GB); beyond it the file is refused as a possible bomb.</summary>
    public long MaxDecompressedBytes { get; init; } = 4L << 30;

    /// <summary>Pair each lifecycle "start" with the next "complete" of the same activity in the trace into one record with an end (default true).</summary>
    public bool PairLifecycle { get; init; } = true;

    /// <summary>The agency for events with no <c>lf:agency</c> attribute (on the event or its trace); default "(unknown)".</summary>
    public string DefaultAgency { get; init; } = "(unknown)";

    /// <summary>Activity name (<c>concept:name</c>) → kind name; events with an <c>lf:kind</c> attribute use it instead.</summary>
    public IReadOnlyDictionary<string, string> Kinds { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keep the good events of a file with errors (default: reject the whole file).</summary>
    public bool AllowPartial { get; init; }

    /// <summary>The most bytes one attribute or text may hold (<see cref="ReadLimits.FieldBytes"/>, 64 KB by default); a longer one refuses the file, naming its line and element.</summary>
    public int MaxFieldBytes { get; init; } = ReadLimits.FieldBytes;
}

/// <summary>
/// Reads IEEE 1849 XES event logs (<c>.xes</c> and gzipped <c>.xes.gz</c>) into an <see cref="ActivityLogBuilder"/>,
/// streamed with <see cref="XmlReader"/> one trace at a time. Each trace is a person (<c>concept:name</c>); each event
/// a record: <c>concept:name</c> the activity, <c>time:timestamp</c> the start, <c>org:resource</c> the worker,
/// <c>org:group</c> the team, <c>cost:total</c> the cost, <c>lifecycle:transition</c> start/complete paired into one
/// record with an end; LocalFlow's own <c>lf:</c> attributes (agency, kind, subtype, household, referredToAgency,
/// referredToTeam, helped, helpedReason, text, sourceSystem, sourceRecordId) carry the rest, on the event or the trace.
/// Typed attributes (string, date, int, float, boolean, id) are read by key; nested attributes, lists and containers
/// are skipped and counted. Classifiers are reported. DTDs and external entities are refused.
/// </summary>
public static class XesReader
{
    /// <summary>Settings that refuse DTDs (and so external entities and entity expansion) and never resolve URLs.</summary>
    public static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1024,
        CloseInput = false,
    };

    /// <summary>Reads the file at <paramref name="path"/> (gzip detected by its first bytes).</summary>
    public static FlowImportReport Read(string path, ActivityLogBuilder builder, XesReadOptions? options = null, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        options ??= new XesReadOptions();
        using var stream = LimitedStream.OpenMaybeGzip(path, options.MaxDecompressedBytes);
        return Read(stream, builder, options, Path.GetFileName(path), progress, ct);
    }

    /// <summary>Reads an XES stream (already decompressed, or seekable and possibly gzipped).</summary>
    public static FlowImportReport Read(Stream stream, ActivityLogBuilder builder, XesReadOptions? options = null, string? source = null, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        options ??= new XesReadOptions();
        if (stream.CanSeek && stream is not LimitedStream)
        {
            stream = LimitedStream.WrapMaybeGzip(stream, options.MaxDecompressedBytes, source ?? "The file");
        }
        // An element (a tag with its attributes, and any text after it) longer than a field may hold is refused as
        // it streams past, before the XML reader holds it.
        stream = new MarkupLimitedStream(stream, options.MaxFieldBytes, source ?? "The file");
        var report = new FlowImportReport { Source = source };
        var mark = builder.Count;
        var state = new State(builder, options, report);
        try
        {
            using var reader = XmlReader.Create(stream, SafeSettings());
            var info = (IXmlLineInfo)reader;
            var sawLog = false;
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }
                if (!sawLog)
                {
                    if (reader.LocalName != "log")
                    {
                        throw new FlowFormatException($"This is not an XES file: it starts with <{reader.LocalName}> instead of <log>.");
                    }
                    sawLog = true;
                    reader.Read();
                    continue;
                }
                switch (reader.LocalName)
                {
                    case "trace":
                        ct.ThrowIfCancellationRequested();
                        state.ReadTrace(reader, info);
                        if (progress is not null && report.Cases % 1000 == 0)
                        {
                            progress.Report(report.Rows);
                        }
                        break;
                    case "classifier":
                        report.Notes.Add($"classifier \"{reader.GetAttribute("name")}\": {reader.GetAttribute("keys")}");
                        state.SkipElement(reader);
                        break;
                    default:
                        // extensions, globals and the log's own attributes
                        state.SkipElement(reader);
                        break;
                }
            }
            if (!sawLog)
            {
                throw new FlowFormatException("This is not an XES file: it has no <log> element.");
            }
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            builder.Truncate(mark);
            throw new FlowFormatException($"The file declares a DTD (line {ex.LineNumber}); DTDs and external entities are refused for safety.", ex);
        }
        catch (XmlException ex)
        {
            builder.Truncate(mark);
            throw new FlowFormatException($"The file is not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
        }
        catch
        {
            builder.Truncate(mark);
            throw;
        }
        if (state.NoOffset > 0)
        {
            report.Notes.Add($"{state.NoOffset:N0} timestamps had no offset and were read as UTC");
        }
        if (state.Nested > 0)
        {
            report.Notes.Add($"{state.Nested:N0} nested attributes, lists or containers were skipped");
        }
        if (state.Paired > 0)
        {
            report.Notes.Add($"{state.Paired:N0} lifecycle start/complete pairs became one record each");
        }
        if (report.ErrorCount > 0 && !options.AllowPartial)
        {
            builder.Truncate(mark);
            report.Rejected = true;
            return report;
        }
        report.Added = builder.Count - mark;
        return report;
    }

    private sealed class State(ActivityLogBuilder builder, XesReadOptions options, FlowImportReport report)
    {
        public long NoOffset;
        public long Nested;
        public long Paired;
        private readonly List<(ActivityEvent Event, string? Transition, long Line)> _events = [];
        private readonly Dictionary<string, ActivityKind> _kinds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Queue<int>> _open = new(StringComparer.Ordinal);

        public void ReadTrace(XmlReader r, IXmlLineInfo info)
        {
            report.Cases++;
            var traceLine = info.LineNumber;
            string? person = null, household = null, agency = null, system = null;
            _events.Clear();
            if (!r.IsEmptyElement)
            {
                var depth = r.Depth;
                r.Read();
                while (!(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
                {
                    if (r.NodeType != XmlNodeType.Element)
                    {
                        r.Read();
                        continue;
                    }
                    if (r.LocalName == "event")
                    {
                        ReadEvent(r, info);
                        continue;
                    }
                    switch (r.GetAttribute("key"))
                    {
                        case "concept:name":
                            person = r.GetAttribute("value");
                            break;
                        case "lf:household":
                            household = r.GetAttribute("value");
                            break;
                        case "lf:agency":
                            agency = r.GetAttribute("value");
                            break;
                        case "lf:sourceSystem":
                            system = r.GetAttribute("value");
                            break;
                    }
                    SkipAttribute(r);
                }
            }
            r.Read();
            if (string.IsNullOrWhiteSpace(person))
            {
                report.AddError(traceLine, "concept:name", "the trace has no concept:name (the person or case id)");
                return;
            }
            _open.Clear();
            for (var e = 0; e < _events.Count; e++)
            {
                var (ev, transition, line) = _events[e];
                var full = ev with
                {
                    PersonId = person,
                    HouseholdId = ev.HouseholdId ?? household,
                    Agency = ev.Agency.Length == 0 ? agency ?? options.DefaultAgency : ev.Agency,
                    SourceSystem = ev.SourceSystem ?? system,
                };
                var name = full.Activity ?? "";
                if (options.PairLifecycle && string.Equals(transition, "complete", StringComparison.OrdinalIgnoreCase)
                    && _open.TryGetValue(name, out var starts) && starts.Count > 0)
                {
                    var row = starts.Dequeue();
                    if (full.Start < StartOf(row))
                    {
                        report.AddError(line, "time:timestamp", "completes before it started");
                        continue;
                    }
                    builder.SetEnd(row, full.Start);
                    Paired++;
                    continue;
                }
                builder.Add(full);
                if (options.PairLifecycle && string.Equals(transition, "start", StringComparison.OrdinalIgnoreCase))
                {
                    if (!_open.TryGetValue(name, out starts))
                    {
                        _open[name] = starts = new Queue<int>();
                    }
                    starts.Enqueue(builder.Count - 1);
                    _startTimes[builder.Count - 1] = full.Start;
                }
            }
            _startTimes.Clear();
        }

        private readonly Dictionary<int, DateTimeOffset> _startTimes = [];

        private DateTimeOffset StartOf(int row) => _startTimes[row];

        private void ReadEvent(XmlReader r, IXmlLineInfo info)
        {
            report.Rows++;
            var line = info.LineNumber;
            string? activity = null, transition = null, worker = null, team = null, agency = null, kindName = null, subtype = null;
            string? household = null, refAgency = null, refTeam = null, reason = null, text = null, system = null, recordId = null;
            DateTimeOffset? time = null;
            decimal? cost = null;
            bool? helped = null;
            var ok = true;
            if (!r.IsEmptyElement)
            {
                var depth = r.Depth;
                r.Read();
                while (!(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
                {
                    if (r.NodeType != XmlNodeType.Element)
                    {
                        r.Read();
                        continue;
                    }
                    var type = r.LocalName;
                    var key = r.GetAttribute("key");
                    var value = r.GetAttribute("value");
                    switch (key)
                    {
                        case "concept:name": activity = value; break;
                        case "lifecycle:transition": transition = value; break;
                        case "org:resource": worker = value; break;
                        case "org:group": team = value; break;
                        case "lf:agency": agency = value; break;
                        case "lf:kind": kindName = value; break;
                        case "lf:subtype": subtype = value; break;
                        case "lf:household": household = value; break;
                        case "lf:referredToAgency": refAgency = value; break;
                        case "lf:referredToTeam": refTeam = value; break;
                        case "lf:helpedReason": reason = value; break;
                        case "lf:text": text = value; break;
                        case "lf:sourceSystem": system = value; break;
                        case "lf:sourceRecordId": recordId = value; break;
                        case "time:timestamp":
                            if (type != "date" || value is null || !FlowTimestamps.TryIso(value, out var local, out var offset))
                            {
                                report.AddError(line, "time:timestamp", $"\"{value}\" is not an XES date (xs:dateTime)");
                                ok = false;
                            }
                            else if (FlowTimestamps.At(local, offset ?? TimeSpan.Zero) is not { } at)
                            {
                                report.AddError(line, "time:timestamp", FlowTimestamps.OutOfRange(value));
                                ok = false;
                            }
                            else
                            {
                                if (offset is null)
                                {
                                    NoOffset++;
                                }
                                time = at;
                            }
                            break;
                        case "cost:total":
                            if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var c))
                            {
                                cost = c;
                            }
                            else
                            {
                                report.AddError(line, "cost:total", $"\"{value}\" is not a number");
                                ok = false;
                            }
                            break;
                        case "lf:helped":
                            helped = value is null ? null : CsvActivityReader.ParseHelped(value);
                            if (helped is null)
                            {
                                report.AddError(line, "lf:helped", $"\"{value}\" is not true or false");
                                ok = false;
                            }
                            break;
                    }
                    SkipAttribute(r);
                }
            }
            r.Read();
            if (time is null)
            {
                if (ok)
                {
                    report.AddError(line, "time:timestamp", "the event has no time:timestamp");
                }
                return;
            }
            if (!ok)
            {
                return;
            }
            var kind = Kind(kindName ?? activity);
            if (kindName is not null && activity == (subtype is null ? kindName : $"{kindName}: {subtype}"))
            {
                // the name XesWriter makes up for records without a source activity name
                activity = null;
            }
            _events.Add((new ActivityEvent("", household, agency ?? "", team, worker, kind, subtype, refAgency, refTeam, time.Value,
                null, system, recordId, cost, helped, reason, text, activity), transition, line));
        }

        private ActivityKind Kind(string? name)
        {
            if (name is null)
            {
                return ActivityKind.Other;
            }
            if (!_kinds.TryGetValue(name, out var kind))
            {
                kind = options.Kinds.TryGetValue(name, out var mapped) && Enum.TryParse(mapped, true, out ActivityKind k) ? k
                    : !name.Any(char.IsAsciiDigit) && Enum.TryParse(name.Replace(" ", "", StringComparison.Ordinal), true, out k) && Enum.IsDefined(k) ? k
                    : ActivityKind.Other;
                _kinds[name] = kind;
            }
            if (kind == ActivityKind.Other && !name.Equals("Other", StringComparison.OrdinalIgnoreCase))
            {
                report.AddUnknownKind(name);
            }
            return kind;
        }

        public void SkipElement(XmlReader r)
        {
            if (r.IsEmptyElement)
            {
                r.Read();
            }
            else
            {
                r.Skip();
            }
        }

        private void SkipAttribute(XmlReader r)
        {
            if (r.IsEmptyElement)
            {
                r.Read();
                return;
            }
            // an attribute with children: nested (meta) attributes, a list's values or a container
            Nested++;
            r.Skip();
        }
    }
}
