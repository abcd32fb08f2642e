using System.Globalization;
using System.Text.Json;

namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>How OCEL 2.0 files are read into activity records.</summary>
public sealed record OcelReadOptions
{
    /// <summary>Object types that are people (case ignored). Default: person, people, client, patient, child, citizen, resident.</summary>
    public IReadOnlyList<string> PersonTypes { get; init; } = ["person", "people", "client", "patient", "child", "citizen", "resident"];

    /// <summary>Object types that are households. Default: household, family.</summary>
    public IReadOnlyList<string> HouseholdTypes { get; init; } = ["household", "family"];

    /// <summary>
    /// Object types that are an agency's case about a person (their "agency" attribute names the agency; their
    /// relationship to a person says whose case). Default: case, agency case, referral.
    /// </summary>
    public IReadOnlyList<string> CaseTypes { get; init; } = ["case", "agency case", "agency_case", "referral"];

    /// <summary>
    /// For logs that are not about people: the object type to follow as the case (each object becomes a "person" of
    /// the log, as flattening does in other tools). Null means people; when a file has no people, the object type
    /// most events relate to is used and noted.
    /// </summary>
    public string? CaseObjectType { get; init; }

    /// <summary>The agency when neither the event nor a related case object names one. Default "(unknown)".</summary>
    public string DefaultAgency { get; init; } = "(unknown)";

    /// <summary>Event type → kind name (case ignored); types not listed are tried as kind names, else Other and listed.</summary>
    public IReadOnlyDictionary<string, string> Kinds { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most bytes a gzipped file may decompress to (default 4 GB).</summary>
    public long MaxDecompressedBytes { get; init; } = 4L << 30;

    /// <summary>Keep the good events of a file with errors (default: reject the whole file).</summary>
    public bool AllowPartial { get; init; }

    /// <summary>The most bytes one field may hold (<see cref="ReadLimits.FieldBytes"/>, 64 KB by default); one object or event may hold <see cref="ReadLimits.RecordFactor"/> times that. A longer one refuses the file.</summary>
    public int MaxFieldBytes { get; init; } = ReadLimits.FieldBytes;
}

/// <summary>
/// Reads OCEL 2.0 JSON object-centric event logs (objectTypes, eventTypes, objects, events with relationships) into an
/// <see cref="ActivityLogBuilder"/>, streamed with <see cref="Utf8JsonReader"/>: only one object or event is held as a
/// document at a time. People, households and agency cases are objects; an event related to several people becomes one
/// record for each of them. Event attributes named agency, team, worker (or org:resource), subtype, cost, helped,
/// referredToAgency, referredToTeam and text fill the record's fields; the event type is its activity (and kind).
/// </summary>
public static class OcelReader
{
    private sealed record PendingEvent(long Ordinal, string Id, string Type, DateTimeOffset Time, Dictionary<string, string> Attributes, List<string> Related);

    /// <summary>Reads the OCEL 2.0 JSON file at <paramref name="path"/> (gzip detected by its first bytes).</summary>
    public static FlowImportReport Read(string path, ActivityLogBuilder builder, OcelReadOptions? options = null, CancellationToken ct = default)
    {
        options ??= new OcelReadOptions();
        using var stream = LimitedStream.OpenMaybeGzip(path, options.MaxDecompressedBytes);
        return Read(stream, builder, options, Path.GetFileName(path), ct);
    }

    /// <summary>Reads an OCEL 2.0 JSON stream.</summary>
    public static FlowImportReport Read(Stream stream, ActivityLogBuilder builder, OcelReadOptions? options = null, string? source = null, CancellationToken ct = default)
    {
        options ??= new OcelReadOptions();
        var report = new FlowImportReport { Source = source };
        var objectTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        var objectAttributes = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var objectLinks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var events = new List<PendingEvent>();
        long eventOrdinal = 0;
        try
        {
            foreach (var (section, element) in Elements(stream, ReadLimits.RecordBytes(options.MaxFieldBytes), source, ct))
            {
                using (element)
                {
                    var root = element.RootElement;
                    if (section == "objects")
                    {
                        var id = Str(root, "id");
                        var type = Str(root, "type");
                        if (id is null || type is null)
                        {
                            report.AddError(objectTypes.Count + 1, "objects", "an object has no id or type");
                            continue;
                        }
                        if (HasNul(root))
                        {
                            report.AddError(objectTypes.Count + 1, "objects", $"object {id} {CsvActivityReader.NulMessage}");
                            continue;
                        }
                        objectTypes[id] = type;
                        var attrs = Attributes(root);
                        if (attrs.Count > 0)
                        {
                            objectAttributes[id] = attrs;
                        }
                        var links = Related(root);
                        if (links.Count > 0)
                        {
                            objectLinks[id] = links;
                        }
                    }
                    else
                    {
                        eventOrdinal++;
                        report.Rows++;
                        if (HasNul(root))
                        {
                            report.AddError(eventOrdinal, null, $"event {eventOrdinal} {CsvActivityReader.NulMessage}");
                            continue;
                        }
                        var id = Str(root, "id") ?? $"#{eventOrdinal}";
                        var type = Str(root, "type");
                        var timeText = Str(root, "time");
                        if (type is null)
                        {
                            report.AddError(eventOrdinal, "type", $"event {id} has no type");
                            continue;
                        }
                        if (timeText is null || !FlowTimestamps.TryIso(timeText, out var local, out var offset))
                        {
                            report.AddError(eventOrdinal, "time", $"event {id}: \"{timeText}\" is not an ISO 8601 time");
                            continue;
                        }
                        if (offset is null)
                        {
                            report.AddError(eventOrdinal, "time", $"event {id}: \"{timeText}\" has no time zone offset");
                            continue;
                        }
                        if (FlowTimestamps.At(local, offset.Value) is not { } at)
                        {
                            report.AddError(eventOrdinal, "time", $"event {id}: {FlowTimestamps.OutOfRange(timeText)}");
                            continue;
                        }
                        events.Add(new PendingEvent(eventOrdinal, id, type, at, Attributes(root), Related(root)));
                    }
                }
            }
        }
        catch (JsonException ex)
        {
            throw new FlowFormatException($"The file is not valid OCEL 2.0 JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException)
        {
            // System.Text.Json checks UTF-8 only when it turns a name or value into text
            throw new FlowFormatException($"{source ?? "The file"}, event {eventOrdinal + 1} or the object before it: a name or value has bytes that are not UTF-8 text; save the file as UTF-8 and import it again.", ex);
        }
        return Resolve(builder, options, report, objectTypes, objectAttributes, objectLinks, events);
    }

    private static FlowImportReport Resolve(ActivityLogBuilder builder, OcelReadOptions options, FlowImportReport report,
        Dictionary<string, string> objectTypes, Dictionary<string, Dictionary<string, string>> objectAttributes,
        Dictionary<string, List<string>> objectLinks, List<PendingEvent> events)
    {
        bool IsType(string id, IReadOnlyList<string> types) => objectTypes.TryGetValue(id, out var t) && types.Contains(t, StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<string> personTypes = options.PersonTypes;
        if (options.CaseObjectType is { } chosen)
        {
            personTypes = [chosen];
        }
        else if (!objectTypes.Values.Any(t => options.PersonTypes.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            var busiest = events.SelectMany(e => e.Related).Where(objectTypes.ContainsKey).GroupBy(o => objectTypes[o])
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
            if (busiest is not null)
            {
                personTypes = [busiest];
                report.Notes.Add($"no person objects: each \"{busiest}\" object is followed as a case");
            }
        }
        var mark = builder.Count;
        var people = new HashSet<string>(StringComparer.Ordinal);
        long shared = 0;
        var kinds = new Dictionary<string, ActivityKind>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var persons = new List<string>();
            string? household = null, caseAgency = null;
            foreach (var o in e.Related)
            {
                if (!objectTypes.ContainsKey(o))
                {
                    report.AddError(e.Ordinal, "relationships", $"event {e.Id} relates to object \"{o}\", which the file does not define");
                    continue;
                }
                if (IsType(o, personTypes))
                {
                    persons.Add(o);
                }
                else if (IsType(o, options.HouseholdTypes))
                {
                    household ??= o;
                }
                else if (IsType(o, options.CaseTypes))
                {
                    caseAgency ??= objectAttributes.GetValueOrDefault(o)?.GetValueOrDefault("agency");
                    foreach (var linked in objectLinks.GetValueOrDefault(o) ?? [])
                    {
                        if (IsType(linked, personTypes) && !persons.Contains(linked))
                        {
                            persons.Add(linked);
                        }
                    }
                }
            }
            if (persons.Count == 0)
            {
                report.AddError(e.Ordinal, "relationships", $"event {e.Id} is not related to any {string.Join(" or ", personTypes)}");
                continue;
            }
            if (persons.Count > 1)
            {
                shared++;
            }
            if (!kinds.TryGetValue(e.Type, out var kind))
            {
                kind = options.Kinds.TryGetValue(e.Type, out var mapped) && Enum.TryParse(mapped, true, out ActivityKind k) ? k
                    : !e.Type.Any(char.IsAsciiDigit) && Enum.TryParse(e.Type.Replace(" ", "", StringComparison.Ordinal), true, out k) && Enum.IsDefined(k) ? k
                    : ActivityKind.Other;
                kinds[e.Type] = kind;
            }
            if (kind == ActivityKind.Other && !e.Type.Equals("Other", StringComparison.OrdinalIgnoreCase))
            {
                report.AddUnknownKind(e.Type);
            }
            var a = e.Attributes;
            decimal? cost = null;
            if (a.TryGetValue("cost", out var costText))
            {
                if (decimal.TryParse(costText, NumberStyles.Float, CultureInfo.InvariantCulture, out var c))
                {
                    cost = c;
                }
                else
                {
                    report.AddError(e.Ordinal, "cost", $"event {e.Id}: \"{costText}\" is not a number");
                    continue;
                }
            }
            var helped = a.TryGetValue("helped", out var h) ? CsvActivityReader.ParseHelped(h) : null;
            foreach (var person in persons)
            {
                people.Add(person);
                var personHousehold = household ?? objectLinks.GetValueOrDefault(person)?.FirstOrDefault(l => IsType(l, options.HouseholdTypes));
                builder.Add(new ActivityEvent(person, personHousehold,
                    a.GetValueOrDefault("agency") ?? caseAgency ?? options.DefaultAgency,
                    a.GetValueOrDefault("team") ?? a.GetValueOrDefault("org:group"),
                    a.GetValueOrDefault("worker") ?? a.GetValueOrDefault("org:resource"),
                    kind, a.GetValueOrDefault("subtype"), a.GetValueOrDefault("referredToAgency"), a.GetValueOrDefault("referredToTeam"),
                    e.Time, null, "OCEL", e.Id, cost, helped, a.GetValueOrDefault("helpedReason"), a.GetValueOrDefault("text"), e.Type));
            }
        }
        if (shared > 0)
        {
            report.Notes.Add($"{shared:N0} events related to several people became one record for each");
        }
        report.Cases = people.Count;
        if (report.ErrorCount > 0 && !options.AllowPartial)
        {
            builder.Truncate(mark);
            report.Rejected = true;
            return report;
        }
        report.Added = builder.Count - mark;
        return report;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        } : null;

    /// <summary>True when a name or string anywhere in <paramref name="e"/> holds a NUL character (written \u0000 in JSON).</summary>
    private static bool HasNul(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!.Contains('\0', StringComparison.Ordinal),
        JsonValueKind.Array => e.EnumerateArray().Any(HasNul),
        JsonValueKind.Object => e.EnumerateObject().Any(p => p.Name.Contains('\0', StringComparison.Ordinal) || HasNul(p.Value)),
        _ => false,
    };

    private static Dictionary<string, string> Attributes(JsonElement e)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("attributes", out var attrs) && attrs.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in attrs.EnumerateArray())
            {
                // object attributes may change over time: the latest value (file order) wins
                if (Str(a, "name") is { } name && Str(a, "value") is { } value)
                {
                    result[name] = value;
                }
            }
        }
        return result;
    }

    private static List<string> Related(JsonElement e)
    {
        var result = new List<string>();
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("relationships", out var rel) && rel.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in rel.EnumerateArray())
            {
                if (Str(r, "objectId") is { } id)
                {
                    result.Add(id);
                }
            }
        }
        return result;
    }

    /// <summary>Streams the elements of the top-level "objects" and "events" arrays, one small document each; other sections are skipped.</summary>
    private static IEnumerable<(string Section, JsonDocument Element)> Elements(Stream stream, int maxRecordBytes, string? source, CancellationToken ct)
    {
        long read = 0;
        var buffer = new byte[1 << 16];
        var length = 0;
        var eof = false;
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var where = 0; // 0 root, 1 top-level object, 2 in objects, 3 in events
        var done = false;
        var found = new List<(string, JsonDocument)>();
        while (!done)
        {
            var n = stream.Read(buffer, length, buffer.Length - length);
            read += n;
            if (n == 0)
            {
                eof = true;
            }
            length += n;
            var consumed = Scan(buffer.AsSpan(0, length), eof, ref state, ref where, ref done, found);
            foreach (var item in found)
            {
                yield return item;
            }
            found.Clear();
            ct.ThrowIfCancellationRequested();
            if (done)
            {
                break;
            }
            if (eof)
            {
                throw new FlowFormatException("The file ends before its JSON does (truncated?).");
            }
            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
            if (length == buffer.Length)
            {
                if (buffer.Length >= maxRecordBytes)
                {
                    // one object or event would not fit: refuse it rather than hold it whole
                    throw new FlowFormatException($"{source ?? "The file"}, near byte {(read - length).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}: one object or event is longer than {ReadLimits.Words(maxRecordBytes)} (a field may hold at most {ReadLimits.Words(maxRecordBytes / ReadLimits.RecordFactor)}); the file is refused without reading the rest of it.");
                }
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxRecordBytes));
            }
        }
    }

    private static int Scan(ReadOnlySpan<byte> data, bool eof, ref JsonReaderState state, ref int where, ref bool done, List<(string, JsonDocument)> found)
    {
        var reader = new Utf8JsonReader(data, eof, state);
        while (true)
        {
            var checkpoint = reader;
            if (!reader.Read())
            {
                reader = checkpoint;
                break;
            }
            if (where == 0)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new FlowFormatException("This is not OCEL 2.0 JSON: it does not start with an object.");
                }
                where = 1;
                continue;
            }
            if (where == 1)
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    done = true;
                    break;
                }
                var name = reader.GetString();
                if (!reader.Read())
                {
                    reader = checkpoint;
                    break;
                }
                if ((name == "objects" || name == "events") && reader.TokenType == JsonTokenType.StartArray)
                {
                    where = name == "objects" ? 2 : 3;
                    continue;
                }
                if (!reader.TrySkip())
                {
                    reader = checkpoint;
                    break;
                }
                continue;
            }
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                where = 1;
                continue;
            }
            var start = (int)reader.TokenStartIndex;
            if (!reader.TrySkip())
            {
                reader = checkpoint;
                break;
            }
            var slice = data[start..(int)reader.BytesConsumed];
            found.Add((where == 2 ? "objects" : "events", JsonDocument.Parse(slice.ToArray())));
        }
        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }
}
