using System.Globalization;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;

namespace LocalFlow.Data.Demo;

/// <summary>
/// Turns a case history written line by line into activity records. One line is one record (or a few,
/// see the options), with fields separated by semicolons:
/// <code>date [time] ; Agency/Team ; Kind[:type] ; worker ; what happened [; option]...</code>
/// Times are UK local time (stored as UTC with the offset kept). The worker is a key: the same key is the
/// same person throughout a story, a new key is a different person from that team ("sw" keys prefer social
/// workers); "-" means the record names nobody and "*" means a different person every time.
/// Options: <c>to=Agency/Team</c> (referral target), <c>stay=N fit=M</c> (an admission lasting N days,
/// medically fit after M: adds the medically-fit and discharge records), <c>end=yyyy-MM-dd</c>,
/// <c>xN every=D</c> (N records D days apart), <c>spread=N from..to</c> (N records at seeded times in a date
/// range), <c>item=Catalogue description</c> and <c>units=N</c> (cost from that catalogue entry × N),
/// <c>cost=N</c> (the record's own cost), <c>+</c> (helped) and <c>!Targets</c>, <c>!Compliance</c>,
/// <c>!Approvals</c>, <c>!Reporting</c> (did not help: served that instead). Anything else after the text is
/// more of the text (it had a semicolon in it).
/// </summary>
internal sealed class FlowStoryScript(FlowDemoReference reference, string storyKey, Person person, Random random)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly HashSet<string> OptionKeys = ["to", "stay", "fit", "end", "every", "spread", "item", "units", "cost"];

    private readonly Dictionary<string, int?> _workers = new(StringComparer.Ordinal);
    private int _sequence;

    public List<ActivityRecord> Records { get; } = [];

    public void Add(IEnumerable<string> lines)
    {
        var n = 0;
        foreach (var raw in lines)
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            try
            {
                AddLine(line);
            }
            catch (Exception ex) when (ex is FormatException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidOperationException($"Story {storyKey}, line {n} (\"{line}\"): {ex.Message}", ex);
            }
        }
    }

    private void AddLine(string line)
    {
        var f = line.Split(';').Select(x => x.Trim()).ToArray();
        if (f.Length < 5)
        {
            throw new FormatException("a line needs date; agency/team; kind; worker; text");
        }
        var start = ParseLocal(f[0]);
        var (agency, team) = reference.Team(f[1]);
        var kindParts = f[2].Split(':', 2);
        var kind = Enum.Parse<ActivityKind>(kindParts[0]);
        var subtype = kindParts.Length > 1 ? kindParts[1] : null;
        var workerKey = f[3];
        var text = f[4];
        int? toAgency = null, toTeam = null, stay = null, fit = null, repeat = null, every = null;
        DateTime? end = null;
        (int Count, DateOnly From, DateOnly To)? spread = null;
        string? item = null;
        decimal units = 1;
        decimal? cost = null;
        bool? helped = null;
        ActivityServed? served = null;
        foreach (var opt in f.Skip(5))
        {
            var kv = opt.Split('=', 2);
            if (kv.Length == 2 && !OptionKeys.Contains(kv[0]))
            {
                kv = [opt];
            }
            switch (kv[0])
            {
                case "+": helped = true; break;
                case var s when s.StartsWith('!') && Enum.TryParse<ActivityServed>(s[1..], out _):
                    helped = false;
                    served = Enum.Parse<ActivityServed>(s[1..]);
                    break;
                case "to":
                    var target = reference.Team(kv[1]);
                    (toAgency, toTeam) = (target.AgencyId, target.TeamId);
                    break;
                case "stay": stay = int.Parse(kv[1], CultureInfo.InvariantCulture); break;
                case "fit": fit = int.Parse(kv[1], CultureInfo.InvariantCulture); break;
                case "end": end = ParseLocal(kv[1]); break;
                case var s when s.Length > 1 && s[0] == 'x' && s[1..].All(char.IsAsciiDigit): repeat = int.Parse(s[1..], CultureInfo.InvariantCulture); break;
                case "every": every = int.Parse(kv[1], CultureInfo.InvariantCulture); break;
                case "spread":
                    var sp = kv[1].Split(' ', 2);
                    var range = sp[1].Split("..");
                    spread = (int.Parse(sp[0], CultureInfo.InvariantCulture), DateOnly.Parse(range[0], CultureInfo.InvariantCulture), DateOnly.Parse(range[1], CultureInfo.InvariantCulture));
                    break;
                case "item": item = kv[1]; break;
                case "units": units = decimal.Parse(kv[1], CultureInfo.InvariantCulture); break;
                case "cost": cost = decimal.Parse(kv[1], CultureInfo.InvariantCulture); break;
                default:
                    // Not an option: the record's text had a semicolon in it.
                    text += "; " + opt;
                    break;
            }
        }

        var starts = new List<DateTime>();
        if (spread is { } sp2)
        {
            // Seeded times in the range, mostly in the evening and at night (telecare calls).
            var days = sp2.To.DayNumber - sp2.From.DayNumber + 1;
            for (var i = 0; i < sp2.Count; i++)
            {
                var day = sp2.From.AddDays(random.Next(days));
                var hour = random.Next(10) < 7 ? 18 + random.Next(8) : 6 + random.Next(12);
                starts.Add(ToUtc(day.ToDateTime(new TimeOnly(hour % 24, random.Next(60)))));
            }
            starts.Sort();
        }
        else
        {
            for (var i = 0; i < (repeat ?? 1); i++)
            {
                starts.Add(start.AddDays(i * (every ?? 1)));
            }
        }

        foreach (var s in starts)
        {
            var record = New(s, agency, team, kind, subtype, Worker(workerKey, agency, team), text);
            record.ReferredToAgencyId = toAgency;
            record.ReferredToTeamId = toTeam;
            record.Helped = helped;
            record.HelpedReason = served;
            if (cost is decimal own)
            {
                record.Cost = own;
            }
            else if (reference.CostEntry(agency, kind, item) is { } entry)
            {
                record.Cost = entry.Amount * units;
                record.CostFromCatalogue = true;
                record.PriceYear = entry.PriceYear;
            }
            if (kind == ActivityKind.Admission && stay is int days)
            {
                var discharge = s.AddDays(days);
                record.EndUtc = discharge;
                // A stay costs the admission plus each day spent in the bed after being medically fit.
                var delay = fit is int f2 ? Math.Max(0, days - f2) : 0;
                if (reference.Cost(agency, ActivityKind.BedDay, null) is decimal bed && record.CostFromCatalogue)
                {
                    record.Cost += bed * delay;
                }
                Records.Add(record);
                if (fit is int fitDay)
                {
                    Records.Add(New(s.AddDays(fitDay), agency, team, ActivityKind.MedicallyFit, null, Worker("*", agency, team), "Medically fit for discharge"));
                }
                Records.Add(New(discharge, agency, reference.Team("NHS Trust/Discharge team").TeamId, ActivityKind.Discharge, null, Worker("-", agency, team), "Discharged home"));
                continue;
            }
            record.EndUtc = end;
            Records.Add(record);
        }
    }

    private ActivityRecord New(DateTime startUtc, int agency, int? team, ActivityKind kind, string? subtype, int? worker, string text) => new()
    {
        Id = DemoContext.NextId(random),
        LocalityId = person.LocalityId,
        PersonId = person.Id,
        HouseholdId = person.HouseholdId,
        AgencyId = agency,
        TeamId = team,
        WorkerId = worker,
        Kind = kind,
        Subtype = subtype,
        StartUtc = startUtc,
        SourceOffsetMinutes = (int)London.GetUtcOffset(startUtc).TotalMinutes,
        SourceSystem = reference.SourceSystem(agency),
        SourceRecordId = $"demo-{storyKey}-{++_sequence:0000}",
        Text = text,
    };

    private int? Worker(string key, int agency, int? team)
    {
        if (key == "-")
        {
            return null;
        }
        if (key != "*" && _workers.TryGetValue(key, out var known))
        {
            return known;
        }
        var used = _workers.Values.Where(v => v is not null).Select(v => v!.Value).ToHashSet();
        var title = key.StartsWith("sw", StringComparison.Ordinal) ? "Social worker" : key.StartsWith("su", StringComparison.Ordinal) ? "Support worker" : null;
        var chosen = reference.PickWorker(agency, team, used, title);
        _workers[key == "*" ? "*" + _workers.Count : key] = chosen;
        return chosen;
    }

    private static DateTime ParseLocal(string text)
    {
        var local = DateTime.ParseExact(text, ["yyyy-MM-dd", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        if (local.TimeOfDay == TimeSpan.Zero)
        {
            local = local.AddHours(10); // a date without a time: the record was made in the working day
        }
        return ToUtc(local);
    }

    private static DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A time in the hour the clocks skip in March does not exist: the clock on the wall read an hour later.
        if (London.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, London);
    }
}

/// <summary>The demo's reference data as the flow part needs it: teams by name, workers by team, unit costs, source systems.</summary>
internal sealed class FlowDemoReference
{
    private readonly Dictionary<string, Agency> _agencies;
    private readonly Dictionary<int, List<Worker>> _workersByTeam;
    private readonly Dictionary<int, List<Worker>> _workersByAgency;
    private readonly UnitCostCatalogue _costs;

    public FlowDemoReference(IEnumerable<Agency> agencies, IEnumerable<Worker> workers, IEnumerable<UnitCost> costs)
    {
        _agencies = agencies.ToDictionary(a => a.ShortName, StringComparer.Ordinal);
        var all = workers.OrderBy(w => w.Id).ToList();
        _workersByTeam = all.Where(w => w.TeamId is not null).GroupBy(w => w.TeamId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        _workersByAgency = all.GroupBy(w => w.AgencyId).ToDictionary(g => g.Key, g => g.ToList());
        _costs = new UnitCostCatalogue(costs);
    }

    public IEnumerable<Agency> Agencies => _agencies.Values;

    public Agency Agency(string shortName) => _agencies.TryGetValue(shortName, out var a) ? a : throw new KeyNotFoundException($"no agency called {shortName}");

    /// <summary>"Council/Early help" → the council's id and the team's id; "Council" alone → no team.</summary>
    public (int AgencyId, int? TeamId) Team(string path)
    {
        var parts = path.Split('/', 2);
        var agency = Agency(parts[0]);
        if (parts.Length == 1)
        {
            return (agency.Id, null);
        }
        var team = agency.Teams.FirstOrDefault(t => t.Name == parts[1]) ?? throw new KeyNotFoundException($"{agency.ShortName} has no team called {parts[1]}");
        return (agency.Id, team.Id);
    }

    /// <summary>A worker from the team not yet used in this story (preferring a job title), else from the agency, else anyone of the team.</summary>
    public int? PickWorker(int agency, int? team, HashSet<int> used, string? preferTitle)
    {
        var inTeam = team is int t && _workersByTeam.TryGetValue(t, out var tw) ? tw : [];
        var pick = inTeam.FirstOrDefault(w => !used.Contains(w.Id) && (preferTitle is null || w.JobTitle == preferTitle))
            ?? inTeam.FirstOrDefault(w => !used.Contains(w.Id) && (preferTitle != "Support worker" || w.JobTitle != "Social worker"))
            ?? (_workersByAgency.TryGetValue(agency, out var aw) ? aw.FirstOrDefault(w => !used.Contains(w.Id)) : null)
            ?? inTeam.FirstOrDefault();
        return pick?.Id;
    }

    /// <summary>A random worker of the team (for generated records).</summary>
    public int? AnyWorker(int? team, Random random)
        => team is int t && _workersByTeam.TryGetValue(t, out var list) && list.Count > 0 ? list[random.Next(list.Count)].Id : null;

    /// <summary>The unit cost of an activity: the named catalogue entry when given, else the agency's first entry for that kind.</summary>
    public decimal? Cost(int agency, ActivityKind kind, string? description) => CostEntry(agency, kind, description)?.Amount;

    /// <summary>The catalogue entry that prices an activity (<see cref="Cost"/>), with its price year.</summary>
    public UnitCost? CostEntry(int agency, ActivityKind kind, string? description)
    {
        if (description is not null)
        {
            return _costs.Named(agency, description)
                ?? throw new KeyNotFoundException($"the unit-cost catalogue has no \"{description}\" for agency {agency}");
        }
        return _costs.ForKind(agency, kind);
    }

    /// <summary>The system each demo agency keeps its records in.</summary>
    public string SourceSystem(int agencyId) => _agencies.Values.First(a => a.Id == agencyId).ShortName switch
    {
        "Council" => "Mosaic",
        "Police" => "Niche RMS",
        "NHS Trust" => "SystmOne",
        "GP" => "EMIS Web",
        "Housing" => "Orchard Housing",
        "Fire" => "CFRMIS",
        "Ambulance" => "Cleric CAD",
        "DWP" => "UC Service",
        "Telecare" => "PNC Telecare",
        _ => "Charitylog",
    };
}
