using LocalFlow.Analytics.Economics;
using LocalFlow.Analytics.Flow;

namespace LocalFlow.Analytics.Locality;

/// <summary>
/// A rule that raises a flag on a household when one of its activity records matches: every part that is given must
/// match, and a rule must give at least one. Matching ignores case; <paramref name="Agency"/> matches an agency's
/// name, short name or kind by containment, <paramref name="Team"/> the team's name by containment,
/// <paramref name="Kind"/> the record's kind exactly, and <paramref name="Type"/> the record's type (subtype) or its
/// text by containment.
/// </summary>
/// <param name="Name">What the flag says, in plain words ("Rent arrears").</param>
/// <param name="Agency">Part of an agency's name, short name or kind ("Police", "Housing"), or null for any.</param>
/// <param name="Team">Part of a team's name ("Income and rent"), or null for any.</param>
/// <param name="Kind">The kind of record, or null for any.</param>
/// <param name="Type">Part of the record's type or text ("arrears"), or null for any.</param>
public sealed record FlagRule(string Name, string? Agency, string? Team, ActivityKind? Kind, string? Type)
{
    /// <summary>Whether <paramref name="record"/> raises this flag.</summary>
    public bool Matches(in FlagRecord record)
        => (Agency is null || Has(record.Agency, Agency) || Has(record.AgencyShortName, Agency) || Has(record.AgencyKind, Agency))
            && (Team is null || Has(record.Team, Team))
            && (Kind is null || record.Kind == Kind)
            && (Type is null || Has(record.Type, Type) || Has(record.Text, Type));

    private static bool Has(string? value, string part) => value is not null && value.Contains(part, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One activity record as the picture reads it.</summary>
/// <param name="Household">The household's position (0 to households − 1).</param>
/// <param name="Agency">The agency's name.</param>
/// <param name="AgencyShortName">The agency's short name.</param>
/// <param name="AgencyKind">The agency's kind ("Police", "School"...).</param>
/// <param name="Team">The team's name, if any.</param>
/// <param name="Kind">What the record is.</param>
/// <param name="Type">Its type (subtype), if any.</param>
/// <param name="Text">Its text, if any.</param>
/// <param name="On">The day it happened.</param>
public readonly record struct FlagRecord(int Household, string Agency, string AgencyShortName, string AgencyKind, string? Team, ActivityKind Kind, string? Type, string? Text, DateOnly On);

/// <summary>One household's flags and demand.</summary>
/// <param name="Household">Its position.</param>
/// <param name="Flags">The positions of the rules it matched, in rule order (each flag once).</param>
/// <param name="FlagRecords">How many of its records matched any rule.</param>
/// <param name="Records">How many records it has (its demand on services).</param>
/// <param name="Agencies">How many different agencies hold records of it.</param>
public sealed record HouseholdFlags(int Household, IReadOnlyList<int> Flags, int FlagRecords, int Records, int Agencies);

/// <summary>One street's or postcode's figures.</summary>
/// <param name="Area">The street or postcode.</param>
/// <param name="Households">Households in it.</param>
/// <param name="Flagged">Households with at least one flag.</param>
/// <param name="Flags">Flags summed over its households.</param>
/// <param name="Records">Records summed over its households.</param>
/// <param name="SeveralServices">Households placing demands on several services (<see cref="Picture.SeveralServices"/> agencies or more).</param>
/// <param name="FlagCounts">For each rule, how many of its households carry the flag.</param>
public sealed record AreaPicture(string Area, int Households, int Flagged, int Flags, int Records, int SeveralServices, IReadOnlyList<int> FlagCounts);

/// <summary>How often something occurs: households it touches and times it occurs.</summary>
public sealed record Frequency(string What, int Households, int Times);

/// <summary>
/// The locality picture (capability 5; the Stoke pilot's street table): each household's flags from configurable
/// rules over activity records, street and postcode views, the highest-frequency underlying issues, the households
/// placing demands on several services, and how concentrated demand is. It describes households as a picture; it is
/// never a ranking of named people.
/// </summary>
public static class Picture
{
    /// <summary>Households with records from this many different agencies or more "place demands on several services".</summary>
    public const int SeveralServices = 3;

    /// <summary>
    /// The rules a locality starts with, after the seeds' street table: referral to children's services (records of a
    /// children's front door team), rent arrears (an income and rent team), mental health (a mental health team),
    /// anti-social behaviour (an anti-social behaviour team), violence or abuse (a record whose type or text says
    /// "abuse"), crime (a police attendance) and hospital admission (an admission of any agency).
    /// </summary>
    public static IReadOnlyList<FlagRule> DefaultRules { get; } =
    [
        new("Referral to children's services", null, "Children's front door", null, null),
        new("Rent arrears", null, "Income and rent", null, null),
        new("Mental health", null, "Mental health", null, null),
        new("Anti-social behaviour", null, "Anti-social behaviour", null, null),
        new("Violence or abuse", null, null, null, "abuse"),
        new("Crime", "Police", null, ActivityKind.EmergencyResponse, null),
        new("Hospital admission", null, null, ActivityKind.Admission, null),
    ];

    /// <summary>
    /// The flags of each of <paramref name="households"/> households from the records on or after
    /// <paramref name="since"/> (all when null) and before <paramref name="until"/> (all when null). A household
    /// with no records has no flags and no demand.
    /// </summary>
    public static IReadOnlyList<HouseholdFlags> Flag(IEnumerable<FlagRecord> records, IReadOnlyList<FlagRule> rules, int households, DateOnly? since = null, DateOnly? until = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return MatchedRecords.Of(records as IReadOnlyList<FlagRecord> ?? records.ToList(), rules).Flag(households, since, until);
    }

    /// <summary>
    /// The figures of each area (street or postcode): <paramref name="areaOf"/> gives each household's area (null
    /// when it has none: left out). Areas are ordered by flags, then households placing demands on several services,
    /// then name, so the streets with most going on come first.
    /// </summary>
    public static IReadOnlyList<AreaPicture> ByArea(IReadOnlyList<HouseholdFlags> households, IReadOnlyList<string?> areaOf, int rules)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(areaOf);
        return households.Where(h => areaOf[h.Household] is not null)
            .GroupBy(h => areaOf[h.Household]!, StringComparer.Ordinal)
            .Select(g =>
            {
                var counts = new int[rules];
                foreach (var h in g)
                {
                    foreach (var f in h.Flags)
                    {
                        counts[f]++;
                    }
                }
                return new AreaPicture(g.Key, g.Count(), g.Count(h => h.Flags.Count > 0), g.Sum(h => h.Flags.Count), g.Sum(h => h.Records),
                    g.Count(h => h.Agencies >= SeveralServices), counts);
            })
            .OrderByDescending(a => a.Flags).ThenByDescending(a => a.SeveralServices).ThenBy(a => a.Area, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>How many households carry each flag, most first (then in rule order); flags no household carries are left out.</summary>
    public static IReadOnlyList<Frequency> FlagFrequencies(IReadOnlyList<HouseholdFlags> households, IReadOnlyList<FlagRule> rules)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(rules);
        var counts = new int[rules.Count];
        foreach (var h in households)
        {
            foreach (var f in h.Flags)
            {
                counts[f]++;
            }
        }
        return Enumerable.Range(0, rules.Count).Where(i => counts[i] > 0)
            .OrderByDescending(i => counts[i]).ThenBy(i => i)
            .Select(i => new Frequency(rules[i].Name, counts[i], counts[i]))
            .ToList();
    }

    /// <summary>
    /// The most frequent of any labelled things (demand types, what-matters statements): each (household, label)
    /// pair, labels compared ignoring case and surrounding spaces; most households first, then most times, then the
    /// label; at most <paramref name="top"/>.
    /// </summary>
    public static IReadOnlyList<Frequency> MostFrequent(IEnumerable<(int Household, string Label)> items, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Where(i => !string.IsNullOrWhiteSpace(i.Label))
            .GroupBy(i => i.Label.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new Frequency(g.First().Label.Trim(), g.Select(i => i.Household).Distinct().Count(), g.Count()))
            .OrderByDescending(f => f.Households).ThenByDescending(f => f.Times).ThenBy(f => f.What, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    /// <summary>How many households place demands on several services (<see cref="SeveralServices"/> agencies or more).</summary>
    public static int OnSeveralServices(IReadOnlyList<HouseholdFlags> households)
    {
        ArgumentNullException.ThrowIfNull(households);
        return households.Count(h => h.Agencies >= SeveralServices);
    }

    /// <summary>How concentrated demand is: the Lorenz curve of records per household (<see cref="Concentration.Of"/>), households with none included.</summary>
    public static Concentration DemandConcentration(IReadOnlyList<HouseholdFlags> households)
    {
        ArgumentNullException.ThrowIfNull(households);
        return Concentration.Of(households.Select(h => (decimal)h.Records).ToList());
    }
}

/// <summary>
/// Records with the rules each one matches worked out once, so that they can be flagged over several windows of time
/// (the picture's last 12 months and the tiers over time) without matching them again. What a flag is stays
/// <see cref="Picture.Flag"/>'s definition.
/// </summary>
public sealed class MatchedRecords
{
    private readonly int[][] _matched;
    private readonly int[] _agency;
    private readonly int _agencies;

    private MatchedRecords(IReadOnlyList<FlagRecord> records, IReadOnlyList<FlagRule> rules, int[][] matched, int[] agency, int agencies)
    {
        Records = records;
        Rules = rules;
        _matched = matched;
        _agency = agency;
        _agencies = agencies;
    }

    /// <summary>The records, as given.</summary>
    public IReadOnlyList<FlagRecord> Records { get; }

    /// <summary>The rules they were matched against.</summary>
    public IReadOnlyList<FlagRule> Rules { get; }

    /// <summary>
    /// Matches each of <paramref name="records"/> against <paramref name="rules"/>. A record's rules are worked out once
    /// per distinct agency, team, kind, type and text: most records repeat them.
    /// </summary>
    public static MatchedRecords Of(IReadOnlyList<FlagRecord> records, IReadOnlyList<FlagRule> rules)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(rules);
        var cache = new Dictionary<(string, string?, ActivityKind, string?, string?), int[]>();
        var agencyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var matched = new int[records.Count][];
        var agency = new int[records.Count];
        for (var n = 0; n < records.Count; n++)
        {
            var r = records[n];
            var key = (r.Agency, r.Team, r.Kind, r.Type, r.Text);
            if (!cache.TryGetValue(key, out var rulesMatched))
            {
                var list = new List<int>();
                for (var i = 0; i < rules.Count; i++)
                {
                    if (rules[i].Matches(r))
                    {
                        list.Add(i);
                    }
                }
                rulesMatched = [.. list];
                cache[key] = rulesMatched;
            }
            matched[n] = rulesMatched;
            if (!agencyIds.TryGetValue(r.Agency, out var a))
            {
                a = agencyIds.Count;
                agencyIds[r.Agency] = a;
            }
            agency[n] = a;
        }
        return new MatchedRecords(records, rules, matched, agency, agencyIds.Count);
    }

    /// <summary>
    /// The flags of each of <paramref name="households"/> households from the records on or after
    /// <paramref name="since"/> (all when null) and before <paramref name="until"/> (all when null). A household
    /// with no records has no flags and no demand.
    /// </summary>
    public IReadOnlyList<HouseholdFlags> Flag(int households, DateOnly? since = null, DateOnly? until = null)
    {
        var rules = Rules.Count;
        var flags = new bool[households, rules];
        var flagRecords = new int[households];
        var count = new int[households];
        // the agencies of each household: a bit each while there are no more than 64, else a set
        var few = _agencies <= 64;
        var agencyBits = few ? new ulong[households] : null;
        var agencySets = few ? null : new HashSet<int>[households];
        for (var n = 0; n < Records.Count; n++)
        {
            var r = Records[n];
            if ((since is { } s && r.On < s) || (until is { } u && r.On >= u))
            {
                continue;
            }
            count[r.Household]++;
            if (few)
            {
                agencyBits![r.Household] |= 1UL << _agency[n];
            }
            else
            {
                (agencySets![r.Household] ??= []).Add(_agency[n]);
            }
            var matched = _matched[n];
            if (matched.Length > 0)
            {
                flagRecords[r.Household]++;
            }
            foreach (var i in matched)
            {
                flags[r.Household, i] = true;
            }
        }
        var result = new HouseholdFlags[households];
        for (var h = 0; h < households; h++)
        {
            var own = new List<int>();
            for (var i = 0; i < rules; i++)
            {
                if (flags[h, i])
                {
                    own.Add(i);
                }
            }
            var agencies = few ? System.Numerics.BitOperations.PopCount(agencyBits![h]) : agencySets![h]?.Count ?? 0;
            result[h] = new HouseholdFlags(h, own, flagRecords[h], count[h], agencies);
        }
        return result;
    }
}
