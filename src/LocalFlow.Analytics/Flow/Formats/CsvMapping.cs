using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>
/// How one agency's CSV extract maps onto activity records, saved as JSON beside the extract:
/// <code>
/// { "agency": "Police", "sourceSystem": "Niche",
///   "columns": { "person": "Subject ID", "start": "Occurred", "kind": "Type", "subtype": "Outcome", "worker": "Officer" },
///   "kinds": { "INC": "Contact", "REF": "Referral", "ASSESS": "Assessment" },
///   "timeFormat": null, "timeZone": "Europe/London", "delimiter": "," }
/// </code>
/// Column fields: person (required), start (required; "time" also accepted), kind (required unless a fixed
/// <see cref="Kind"/> is given), agency (or a fixed <see cref="Agency"/>), household, team, worker, subtype,
/// referredToAgency, referredToTeam, end, sourceSystem, sourceRecordId, cost, helped, helpedReason, text, activity,
/// lifecycle. An event log in the common process-mining convention needs no mapping: see <see cref="EventLog"/>.
/// </summary>
public sealed record CsvMapping
{
    /// <summary>All the fields a column can be mapped to.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["person", "household", "agency", "team", "worker", "kind", "subtype", "referredToAgency", "referredToTeam", "start", "end",
         "sourceSystem", "sourceRecordId", "cost", "helped", "helpedReason", "text", "activity", "lifecycle"];

    /// <summary>The columns of an event log in the common process-mining convention (the XES standard's attribute names, as pm4py and other tools export them) and the fields they fill.</summary>
    public static readonly IReadOnlyList<(string Column, string Field)> EventLogColumns =
    [
        ("case:concept:name", "person"), ("concept:name", "activity"), ("time:timestamp", "start"), ("org:resource", "worker"),
        ("org:group", "team"), ("lifecycle:transition", "lifecycle"), ("cost:total", "cost"),
    ];

    /// <summary>Field name → the header of the column that holds it.</summary>
    public Dictionary<string, string> Columns { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Source kind value → <see cref="ActivityKind"/> name (case is ignored). Values not listed are tried as kind names, else become Other and are listed.</summary>
    public Dictionary<string, string> Kinds { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The agency for every row when the extract has no agency column.</summary>
    public string? Agency { get; init; }

    /// <summary>The kind for every row when the extract has no kind column.</summary>
    public string? Kind { get; init; }

    /// <summary>The source system for every row when there is no column.</summary>
    public string? SourceSystem { get; init; }

    /// <summary>A .NET custom date format for start and end (for example "dd/MM/yyyy HH:mm"); null means ISO 8601 only.</summary>
    public string? TimeFormat { get; init; }

    /// <summary>The time zone (IANA id, "Europe/London") for times without an offset; null refuses them.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The field separator (default comma).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The mapping that reads what <see cref="CsvActivityWriter"/> writes.</summary>
    public static CsvMapping Canonical { get; } = new()
    {
        Columns = CsvActivityWriter.Header.Zip(Fields).ToDictionary(x => x.Second, x => x.First, StringComparer.OrdinalIgnoreCase),
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// The mapping for a CSV event log in the common process-mining convention, or null when the header is not one:
    /// it must have <c>case:concept:name</c> (the case: a person) and <c>time:timestamp</c>. As the XES reader does,
    /// <c>concept:name</c> is the activity and, unless an <c>lf:kind</c> column says otherwise, names its kind (a kind
    /// LocalFlow knows, else Other, listed); <c>org:resource</c> is the worker, <c>org:group</c> the team,
    /// <c>cost:total</c> the cost, and <c>lifecycle:transition</c> pairs a "start" with the next "complete" of the
    /// same activity and case into one record with an end. LocalFlow's own fields may come as <c>lf:field</c>
    /// columns (event attributes) or <c>case:lf:field</c> (case attributes, as pm4py flattens them); without an
    /// agency column every row is <paramref name="agency"/>'s. Column names are matched ignoring case.
    /// </summary>
    /// <param name="header">The file's column names.</param>
    /// <param name="agency">The agency of rows with no <c>lf:agency</c> column (the import's agency, or the file's name).</param>
    public static CsvMapping? EventLog(IReadOnlyList<string> header, string agency)
    {
        string? Find(string name) => header.FirstOrDefault(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase))?.Trim();
        if (Find("case:concept:name") is null || Find("time:timestamp") is null)
        {
            return null;
        }
        var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, field) in EventLogColumns)
        {
            if (Find(column) is string found)
            {
                columns[field] = found;
            }
        }
        foreach (var field in Fields)
        {
            if ((Find("lf:" + field) ?? Find("case:lf:" + field)) is string found)
            {
                columns[field] = found;
            }
        }
        if (!columns.ContainsKey("kind") && columns.TryGetValue("activity", out var activity))
        {
            columns["kind"] = activity;
        }
        return new CsvMapping
        {
            Columns = columns,
            Agency = columns.ContainsKey("agency") ? null : agency,
            Kind = columns.ContainsKey("kind") ? null : nameof(ActivityKind.Other),
        };
    }

    /// <summary>Reads a mapping from its JSON; a mapping that cannot work throws <see cref="FlowFormatException"/> saying why.</summary>
    public static CsvMapping FromJson(string json)
    {
        CsvMapping? m;
        try
        {
            m = JsonSerializer.Deserialize<CsvMapping>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new FlowFormatException($"The mapping is not valid JSON: {ex.Message}", ex);
        }
        if (m is null)
        {
            throw new FlowFormatException("The mapping is empty.");
        }
        m = m with
        {
            Columns = new Dictionary<string, string>(m.Columns, StringComparer.OrdinalIgnoreCase),
            Kinds = new Dictionary<string, string>(m.Kinds, StringComparer.OrdinalIgnoreCase),
        };
        if (m.Columns.Remove("time", out var time))
        {
            m.Columns.TryAdd("start", time);
        }
        m.Validate();
        return m;
    }

    /// <summary>The mapping as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Checks the mapping can work; throws <see cref="FlowFormatException"/> saying what is missing.</summary>
    public void Validate()
    {
        foreach (var field in Columns.Keys)
        {
            if (!Fields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                throw new FlowFormatException($"The mapping names an unknown field \"{field}\"; fields are: {string.Join(", ", Fields)}.");
            }
        }
        if (!Columns.ContainsKey("person"))
        {
            throw new FlowFormatException("The mapping must say which column holds the person's id (columns.person).");
        }
        if (!Columns.ContainsKey("start"))
        {
            throw new FlowFormatException("The mapping must say which column holds the time (columns.start).");
        }
        if (!Columns.ContainsKey("kind") && Kind is null)
        {
            throw new FlowFormatException("The mapping must give a kind column (columns.kind) or a fixed kind.");
        }
        if (!Columns.ContainsKey("agency") && string.IsNullOrWhiteSpace(Agency))
        {
            throw new FlowFormatException("The mapping must give an agency column (columns.agency) or a fixed agency.");
        }
        foreach (var (value, kind) in Kinds)
        {
            if (!Enum.TryParse<ActivityKind>(kind, true, out var k) || !Enum.IsDefined(k))
            {
                throw new FlowFormatException($"The kind map sends \"{value}\" to \"{kind}\", which is not a kind; kinds are: {string.Join(", ", Enum.GetNames<ActivityKind>())}.");
            }
        }
        if (Kind is not null && (!Enum.TryParse<ActivityKind>(Kind, true, out var fixedKind) || !Enum.IsDefined(fixedKind)))
        {
            throw new FlowFormatException($"\"{Kind}\" is not a kind.");
        }
        if (TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            throw new FlowFormatException($"\"{TimeZone}\" is not a time zone this machine knows (try Europe/London).");
        }
    }
}
