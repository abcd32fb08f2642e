using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using LocalFlow.Analytics.Flow.Formats;

namespace LocalFlow.Analytics.Flow.Synthetic;

/// <summary>What <see cref="SyntheticFlowGenerator"/> wrote.</summary>
/// <param name="People">People generated.</param>
/// <param name="Records">Records written.</param>
/// <param name="Files">The files written.</param>
public sealed record SyntheticFlowResult(int People, long Records, IReadOnlyList<string> Files);

/// <summary>
/// Makes fictional multi-agency activity records for benchmarks and demonstrations, the same for the same seed:
/// people whose demands pass through twelve agencies in episodes (contact, often an assessment, then a service, a
/// referral on, or a closure; now and then a hospital stay), written as one CSV extract per agency with a saved column
/// mapping beside each. Nothing in it is a real person.
/// </summary>
public static class SyntheticFlowGenerator
{
    /// <summary>The twelve agencies, with their teams and the assessment types they use.</summary>
    public static readonly IReadOnlyList<(string Name, string File, string[] Teams, string[] Assessments)> Agencies =
    [
        ("Police", "police", ["Response", "Neighbourhood", "Public protection", "Control room"], ["risk", "DASH risk"]),
        ("Ambulance service", "ambulance", ["999 crews", "Falls response"], ["falls"]),
        ("Acute hospital", "hospital", ["A&E", "Ward 4", "Ward 7", "Discharge team", "Therapies"], ["falls", "frailty", "discharge needs"]),
        ("GP practice", "gp", ["Riverside surgery", "Hill surgery"], ["frail and elderly annual", "mental health"]),
        ("Community health", "community-health", ["District nurses", "Community matron", "Physiotherapy"], ["falls", "continence", "nursing needs"]),
        ("Mental health trust", "mental-health", ["Crisis team", "CAMHS", "Community mental health"], ["mental health", "risk"]),
        ("Adult social care", "adult-social-care", ["Front door", "Reablement", "Brokerage", "Occupational therapy", "Review team"], ["care needs", "carer", "OT", "risk"]),
        ("Children's services", "childrens-services", ["Front door", "Duty", "Local support team", "Out of hours"], ["initial", "core", "early help"]),
        ("Housing", "housing", ["Tenancy", "Homelessness", "Repairs", "Adaptations"], ["housing need", "adaptations"]),
        ("Schools", "schools", ["Attendance", "Pastoral", "SENCO"], ["special educational needs"]),
        ("Job centre", "job-centre", ["Work coaches", "Benefits"], ["work capability", "benefits"]),
        ("Voluntary sector", "voluntary", ["Advice centre", "Befriending", "Food bank"], ["needs"]),
    ];

    private static readonly string[] Header = ["person", "occurred", "ended", "kind", "subtype", "team", "worker", "referred_to", "cost", "helped"];

    /// <summary>The mapping that reads one agency's generated extract.</summary>
    public static CsvMapping MappingFor(string agency) => new()
    {
        Agency = agency,
        SourceSystem = "synthetic",
        Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["person"] = "person",
            ["start"] = "occurred",
            ["end"] = "ended",
            ["kind"] = "kind",
            ["subtype"] = "subtype",
            ["team"] = "team",
            ["worker"] = "worker",
            ["referredToAgency"] = "referred_to",
            ["cost"] = "cost",
            ["helped"] = "helped",
        },
    };

    /// <summary>
    /// Writes <c>&lt;agency&gt;.csv</c> and <c>&lt;agency&gt;.mapping.json</c> for each agency into <paramref name="directory"/>.
    /// </summary>
    /// <param name="directory">Where to write (created if missing).</param>
    /// <param name="people">How many people.</param>
    /// <param name="years">Over how many years, ending on 31 December 2025.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="recordsPerPerson">The average number of records per person (default 20).</param>
    /// <param name="progress">Receives the share done (0–1) now and then.</param>
    public static SyntheticFlowResult WriteCsv(string directory, int people, int years, int seed, int recordsPerPerson = 20, IProgress<double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        var writers = new StreamWriter[Agencies.Count];
        for (var a = 0; a < Agencies.Count; a++)
        {
            var path = Path.Combine(directory, Agencies[a].File + ".csv");
            files.Add(path);
            writers[a] = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
            writers[a].Write(string.Join(',', Header));
            writers[a].Write('\n');
            var mappingPath = Path.Combine(directory, Agencies[a].File + ".mapping.json");
            File.WriteAllText(mappingPath, MappingFor(Agencies[a].Name).ToJson());
            files.Add(mappingPath);
        }
        long records = 0;
        var line = new char[512];
        foreach (var (person, e) in Generate(people, years, seed, recordsPerPerson))
        {
            var n = Format(person, e, line);
            writers[e.Agency].Write(line, 0, n);
            records++;
            if (progress is not null && (records & 0xFFFFF) == 0)
            {
                progress.Report(Math.Min(1, (double)records / ((long)people * recordsPerPerson)));
            }
        }
        foreach (var w in writers)
        {
            w.Dispose();
        }
        progress?.Report(1);
        return new SyntheticFlowResult(people, records, files);
    }

    /// <summary>Adds the same records straight to a builder (no files), for benchmarks of the engine alone.</summary>
    public static void AddTo(ActivityLogBuilder builder, int people, int years, int seed, int recordsPerPerson = 20)
    {
        var s = builder.Strings;
        var agencyIds = Agencies.Select(a => s.Intern(a.Name)).ToArray();
        Span<char> id = stackalloc char[16];
        foreach (var (person, e) in Generate(people, years, seed, recordsPerPerson))
        {
            var a = Agencies[e.Agency];
            var len = PersonId(person, id);
            builder.Add(builder.InternPerson(id[..len]), agencyIds[e.Agency], e.Kind, e.Start.Ticks, 0,
                team: s.Intern(a.Teams[e.Team]), worker: s.Intern(WorkerName(e)), subtype: s.Intern(e.Subtype),
                referredToAgency: e.ReferredTo >= 0 ? agencyIds[e.ReferredTo] : 0,
                endUtcTicks: e.End is { } end ? end.Ticks : long.MinValue, cost: e.Cost, helped: e.Helped);
        }
    }

    internal readonly record struct Record(int Agency, ActivityKind Kind, string? Subtype, int Team, int Worker, int ReferredTo, DateTime Start, DateTime? End, decimal? Cost, bool? Helped);

    private static string WorkerName(in Record e) => string.Create(CultureInfo.InvariantCulture, $"{Agencies[e.Agency].File}-{e.Team}-{e.Worker}");

    private static int PersonId(int person, Span<char> into)
    {
        into[0] = 'P';
        person.TryFormat(into[1..], out var n, "D7", CultureInfo.InvariantCulture);
        return n + 1;
    }

    private static int Format(int person, in Record e, char[] buffer)
    {
        var span = buffer.AsSpan();
        var p = PersonId(person, span);
        span[p++] = ',';
        e.Start.TryFormat(span[p..], out var n, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        p += n;
        span[p++] = ',';
        if (e.End is { } end)
        {
            end.TryFormat(span[p..], out n, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            p += n;
        }
        span[p++] = ',';
        p += Copy(e.Kind switch
        {
            ActivityKind.ServiceProvided => "ServiceProvided",
            ActivityKind.MedicallyFit => "MedicallyFit",
            ActivityKind.HomeVisit => "HomeVisit",
            ActivityKind.EmergencyResponse => "EmergencyResponse",
            _ => e.Kind.ToString(),
        }, span[p..]);
        span[p++] = ',';
        p += Copy(e.Subtype, span[p..]);
        span[p++] = ',';
        var a = Agencies[e.Agency];
        p += Copy(a.Teams[e.Team], span[p..]);
        span[p++] = ',';
        p += Copy(WorkerName(e), span[p..]);
        span[p++] = ',';
        if (e.ReferredTo >= 0)
        {
            p += Copy(Agencies[e.ReferredTo].Name, span[p..]);
        }
        span[p++] = ',';
        if (e.Cost is { } c)
        {
            c.TryFormat(span[p..], out n, "0.00", CultureInfo.InvariantCulture);
            p += n;
        }
        span[p++] = ',';
        if (e.Helped is { } h)
        {
            span[p++] = h ? 'y' : 'n';
        }
        span[p++] = '\n';
        return p;
    }

    private static int Copy(string? s, Span<char> to)
    {
        if (s is null)
        {
            return 0;
        }
        s.AsSpan().CopyTo(to);
        return s.Length;
    }

    private static readonly decimal[] KindCost = BuildKindCosts();

    private static decimal[] BuildKindCosts()
    {
        var c = new decimal[100];
        c[(int)ActivityKind.Contact] = 25m;
        c[(int)ActivityKind.Assessment] = 220m;
        c[(int)ActivityKind.Referral] = 40m;
        c[(int)ActivityKind.ServiceProvided] = 180m;
        c[(int)ActivityKind.Review] = 120m;
        c[(int)ActivityKind.Meeting] = 300m;
        c[(int)ActivityKind.Admission] = 1800m;
        c[(int)ActivityKind.Closure] = 15m;
        c[(int)ActivityKind.Document] = 30m;
        c[(int)ActivityKind.HomeVisit] = 90m;
        c[(int)ActivityKind.EmergencyResponse] = 250m;
        return c;
    }

    /// <summary>The records, person by person; each person's records are in time order.</summary>
    internal static IEnumerable<(int Person, Record Event)> Generate(int people, int years, int seed, int recordsPerPerson)
    {
        var rng = new Rng((ulong)seed);
        var end = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var start = end.AddYears(-years);
        var spanMinutes = (end - start).TotalMinutes;
        var list = new List<Record>(recordsPerPerson * 3);
        string[] closures = ["NFA", "advice", "screened out", "case closed", "case closed"];
        for (var person = 0; person < people; person++)
        {
            list.Clear();
            var target = 1 + rng.Next((2 * recordsPerPerson) - 1);
            var t = start.AddMinutes(rng.NextDouble() * spanMinutes * 0.8);
            var home = rng.Next(Agencies.Count);
            while (list.Count < target && t < end)
            {
                // one episode: a contact, often an assessment, then a service, a referral on, or a closure
                var a = rng.Next(4) == 0 ? rng.Next(Agencies.Count) : home;
                var steps = 1 + rng.Next(6);
                for (var s = 0; s < steps && list.Count < target; s++)
                {
                    var team = rng.Next(Agencies[a].Teams.Length);
                    list.Add(Make(ref rng, a, ActivityKind.Contact, null, team, -1, t));
                    t = t.AddHours(1 + rng.Next(72));
                    if (rng.Next(2) == 0)
                    {
                        var types = Agencies[a].Assessments;
                        list.Add(Make(ref rng, a, ActivityKind.Assessment, types[rng.Next(types.Length)], team, -1, t));
                        t = t.AddHours(1 + rng.Next(240));
                    }
                    var roll = rng.Next(100);
                    if (roll < 35)
                    {
                        list.Add(Make(ref rng, a, rng.Next(3) == 0 ? ActivityKind.HomeVisit : ActivityKind.ServiceProvided, null, team, -1, t));
                    }
                    else if (roll < 70)
                    {
                        var to = rng.Next(Agencies.Count);
                        if (to == a)
                        {
                            to = (to + 1) % Agencies.Count;
                        }
                        list.Add(Make(ref rng, a, ActivityKind.Referral, null, team, to, t));
                        a = to;
                    }
                    else if (roll < 95)
                    {
                        list.Add(Make(ref rng, a, ActivityKind.Closure, closures[rng.Next(closures.Length)], team, -1, t));
                    }
                    else
                    {
                        // a hospital stay: admission, medically fit, discharge
                        const int Hospital = 2;
                        var stay = 1 + rng.Next(30);
                        var fit = rng.Next(stay);
                        list.Add(Make(ref rng, Hospital, ActivityKind.Admission, null, 1, -1, t));
                        list.Add(Make(ref rng, Hospital, ActivityKind.MedicallyFit, null, 1, -1, t.AddDays(fit)));
                        t = t.AddDays(stay);
                        list.Add(Make(ref rng, Hospital, ActivityKind.Discharge, null, 3, -1, t));
                    }
                    if (rng.Next(5) == 0)
                    {
                        list.Add(Make(ref rng, a, ActivityKind.Document, "letter", team % Agencies[a].Teams.Length, -1, t.AddHours(2)));
                    }
                    t = t.AddHours(1 + rng.Next(24 * 14));
                }
                t = t.AddDays(7 + rng.Next(300));
            }
            foreach (var r in list)
            {
                yield return (person, r);
            }
        }
    }

    private static Record Make(ref Rng rng, int agency, ActivityKind kind, string? subtype, int team, int referredTo, DateTime at)
    {
        var workers = 3 + (team * 5);
        decimal? cost = rng.Next(2) == 0 ? KindCost[(int)kind] : null;
        bool? helped = kind is ActivityKind.ServiceProvided or ActivityKind.HomeVisit ? rng.Next(3) != 0
            : kind is ActivityKind.Assessment or ActivityKind.Referral or ActivityKind.Document ? (rng.Next(10) == 0 ? true : rng.Next(2) == 0 ? false : null) : null;
        return new Record(agency, kind, subtype, team, rng.Next(workers), referredTo, at, null, cost, helped);
    }

    /// <summary>
    /// Writes an XES file shaped like the municipal building-permit log often used to compare process-mining tools
    /// (1,199 cases, 52,217 events, about 62 MB, many string attributes on every event and trace), gzipped when the
    /// name ends in .gz. The content is made up; only the shape matters.
    /// </summary>
    public static void WriteBuildingPermitShapedXes(string path, int cases = 1199, int events = 52217, int seed = 1849)
    {
        var rng = new Rng((ulong)seed);
        using var file = File.Create(path);
        using var gz = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest) : null;
        using var w = XmlWriter.Create((Stream?)gz ?? file, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        string[] activities = [.. Enumerable.Range(0, 340).Select(i => $"01_HOOFD_{i:000}")];
        string[] resources = [.. Enumerable.Range(0, 60).Select(i => (560000 + (i * 37)).ToString(CultureInfo.InvariantCulture))];
        w.WriteStartDocument();
        w.WriteStartElement("log", "http://www.xes-standard.org/");
        w.WriteAttributeString("xes.version", "1849-2016");
        foreach (var (name, prefix) in new[] { ("Concept", "concept"), ("Time", "time"), ("Lifecycle", "lifecycle"), ("Organizational", "org") })
        {
            w.WriteStartElement("extension");
            w.WriteAttributeString("name", name);
            w.WriteAttributeString("prefix", prefix);
            w.WriteAttributeString("uri", $"http://www.xes-standard.org/{prefix}.xesext");
            w.WriteEndElement();
        }
        w.WriteStartElement("classifier");
        w.WriteAttributeString("name", "Activity");
        w.WriteAttributeString("keys", "concept:name");
        w.WriteEndElement();
        var start = new DateTime(2010, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        var remaining = events;
        for (var c = 0; c < cases; c++)
        {
            var count = c == cases - 1 ? remaining : Math.Max(1, Math.Min(remaining - (cases - c - 1), (events / cases / 2) + rng.Next(events / cases)));
            remaining -= count;
            w.WriteStartElement("trace");
            Attr(w, "string", "concept:name", (2_000_000 + c).ToString(CultureInfo.InvariantCulture));
            for (var k = 0; k < 20; k++)
            {
                Attr(w, "string", $"case_attribute_{k:00}", $"value {rng.Next(1000)} of a long municipal description field");
            }
            Attr(w, "date", "startDate", start.ToString("yyyy-MM-dd'T'HH:mm:ss.fff+01:00", CultureInfo.InvariantCulture));
            Attr(w, "float", "SUMleges", (rng.Next(1_000_000) / 100.0).ToString(CultureInfo.InvariantCulture));
            var t = start.AddHours(rng.Next(24 * 365 * 4));
            var flow = rng.Next(activities.Length - 60);
            for (var e = 0; e < count; e++)
            {
                w.WriteStartElement("event");
                var activity = activities[(flow + (e * 7 % 60) + (rng.Next(8) == 0 ? rng.Next(5) : 0)) % activities.Length];
                Attr(w, "string", "concept:name", activity);
                Attr(w, "string", "org:resource", resources[rng.Next(resources.Length)]);
                Attr(w, "string", "lifecycle:transition", "complete");
                Attr(w, "date", "time:timestamp", t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff+01:00", CultureInfo.InvariantCulture));
                Attr(w, "string", "action_code", activity[..8]);
                Attr(w, "string", "activityNameEN", "register submission date request " + activity);
                Attr(w, "string", "activityNameNL", "registratie datum binnenkomst aanvraag " + activity);
                Attr(w, "date", "dateFinished", t.AddDays(rng.Next(30)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff+01:00", CultureInfo.InvariantCulture));
                Attr(w, "boolean", "dateStop", rng.Next(2) == 0 ? "true" : "false");
                Attr(w, "string", "monitoringResource", resources[rng.Next(resources.Length)]);
                Attr(w, "string", "planned", t.AddDays(14).ToString("yyyy-MM-dd'T'HH:mm:ss.fff+01:00", CultureInfo.InvariantCulture));
                Attr(w, "string", "question", rng.Next(3) == 0 ? "True" : "EMPTY");
                Attr(w, "string", "dueDate", t.AddDays(56).ToString("yyyy-MM-dd'T'HH:mm:ss.fff+01:00", CultureInfo.InvariantCulture));
                Attr(w, "int", "caseProcedure", rng.Next(10).ToString(CultureInfo.InvariantCulture));
                Attr(w, "string", "caseStatus", rng.Next(2) == 0 ? "O" : "G");
                Attr(w, "string", "parts", "Bouw,Kap,Milieu (neutraal wijziging),Sloop,Uitrit");
                Attr(w, "string", "responsibleActor", resources[rng.Next(resources.Length)]);
                Attr(w, "string", "termName", "Tijdsperiode verlenging beslistermijn");
                Attr(w, "string", "last_phase", "Vergunning verleend");
                Attr(w, "string", "landRegisterID", rng.Next(1_000_000).ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
                t = t.AddHours(1 + rng.Next(24 * 5));
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Attr(XmlWriter w, string type, string key, string value)
    {
        w.WriteStartElement(type);
        w.WriteAttributeString("key", key);
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }

    /// <summary>A small, fast, seedable generator (xorshift64*) so that output is the same on every .NET version.</summary>
    private struct Rng(ulong seed)
    {
        private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed * 0x9E3779B97F4A7C15UL;

        public int Next(int max)
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return (int)(((_state * 0x2545F4914F6CDD1DUL) >> 33) % (ulong)max);
        }

        public double NextDouble() => Next(1 << 30) / (double)(1 << 30);
    }
}
