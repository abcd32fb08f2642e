namespace LocalFlow.Analytics.Locality;

/// <summary>The three tiers of the seeds' slide 16, in the person's words.</summary>
public enum Tier
{
    /// <summary>"I am in balance but need a little help".</summary>
    InBalance = 1,
    /// <summary>"I could go either way".</summary>
    EitherWay = 2,
    /// <summary>"I need serious help".</summary>
    SeriousHelp = 3,
}

/// <summary>
/// The rule that places a household in a tier from its flags and its demand. A household is in
/// <see cref="Tier.SeriousHelp"/> when it has at least <paramref name="SeriousFlags"/> flags or records from at
/// least <paramref name="SeriousServices"/> agencies; else in <see cref="Tier.EitherWay"/> when it has at least
/// <paramref name="EitherWayFlags"/> flags or records from at least <paramref name="EitherWayServices"/> agencies;
/// else in <see cref="Tier.InBalance"/>. The defaults (3 flags or 4 agencies; 1 flag or 2 agencies) are a starting
/// point for a team to change, not a finding.
/// </summary>
public sealed record TierRule(int SeriousFlags = 3, int SeriousServices = 4, int EitherWayFlags = 1, int EitherWayServices = 2)
{
    /// <summary>What is wrong with these numbers, or null when they make a rule (each at least 1, serious above either way).</summary>
    public string? Problem()
    {
        if (SeriousFlags < 1 || SeriousServices < 1 || EitherWayFlags < 1 || EitherWayServices < 1)
        {
            return "Every number of flags and agencies must be 1 or more";
        }
        if (SeriousFlags <= EitherWayFlags)
        {
            return "The flags for \"I need serious help\" must be more than the flags for \"I could go either way\"";
        }
        if (SeriousServices <= EitherWayServices)
        {
            return "The agencies for \"I need serious help\" must be more than the agencies for \"I could go either way\"";
        }
        return null;
    }
}

/// <summary>A household's tier, the reasons in words, and whether the locality team set it by hand.</summary>
/// <param name="Household">Its position.</param>
/// <param name="Tier">The tier it is shown in.</param>
/// <param name="Reasons">Why, in plain words.</param>
/// <param name="Overridden">True when the locality team's override placed it (the rule's tier is then in the reasons).</param>
public sealed record TierPlacement(int Household, Tier Tier, IReadOnlyList<string> Reasons, bool Overridden);

/// <summary>How many households are in each tier.</summary>
/// <param name="Label">The area or the period.</param>
/// <param name="InBalance">Households "in balance but need a little help".</param>
/// <param name="EitherWay">Households that "could go either way".</param>
/// <param name="SeriousHelp">Households that "need serious help".</param>
public sealed record TierCounts(string Label, int InBalance, int EitherWay, int SeriousHelp)
{
    /// <summary>All the households counted.</summary>
    public int Households => InBalance + EitherWay + SeriousHelp;

    /// <summary>The households in <paramref name="tier"/>.</summary>
    public int Of(Tier tier) => tier switch
    {
        Tier.InBalance => InBalance,
        Tier.EitherWay => EitherWay,
        _ => SeriousHelp,
    };

    /// <summary>The share (0 to 1) of the households in <paramref name="tier"/>; 0 without households.</summary>
    public double Share(Tier tier) => Households == 0 ? 0 : Of(tier) / (double)Households;
}

/// <summary>
/// Tiers (capability 5; slide 16's 64% / 31% / 5%): each household placed by a <see cref="TierRule"/> with its reasons,
/// or by the locality team's override. A tier is a picture of the locality, never a threshold for help.
/// </summary>
public static class Tiers
{
    /// <summary>The tier's words, as the person would say them.</summary>
    public static string Words(Tier tier) => tier switch
    {
        Tier.InBalance => "I am in balance but need a little help",
        Tier.EitherWay => "I could go either way",
        Tier.SeriousHelp => "I need serious help",
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };

    /// <summary>
    /// Places every household by <paramref name="rule"/>, with reasons naming its flags and agencies; an override in
    /// <paramref name="overrides"/> (household position → tier and note) wins, and its reasons say what the rule
    /// would have said and the team's note.
    /// </summary>
    public static IReadOnlyList<TierPlacement> Place(IReadOnlyList<HouseholdFlags> households, IReadOnlyList<FlagRule> rules, TierRule rule,
        IReadOnlyDictionary<int, (Tier Tier, string Note)>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(rule);
        var result = new List<TierPlacement>(households.Count);
        foreach (var h in households)
        {
            var (tier, reasons) = ByRule(h, rules, rule);
            if (overrides is not null && overrides.TryGetValue(h.Household, out var o))
            {
                reasons = [$"Set by the locality team: {o.Note}", $"The rule would say \"{Words(tier)}\": {string.Join("; ", reasons)}"];
                result.Add(new TierPlacement(h.Household, o.Tier, reasons, true));
            }
            else
            {
                result.Add(new TierPlacement(h.Household, tier, reasons, false));
            }
        }
        return result;
    }

    private static (Tier, List<string>) ByRule(HouseholdFlags h, IReadOnlyList<FlagRule> rules, TierRule rule)
    {
        var flags = h.Flags.Count;
        var reasons = new List<string>
        {
            flags == 0 ? "No flags" : $"{Plural.Of(flags, "flag", "flags")}: {string.Join(", ", h.Flags.Select(f => rules[f].Name))}",
            $"Records from {Plural.Of(h.Agencies, "agency", "agencies")}",
        };
        return (ByRule(h, rule), reasons);
    }

    /// <summary>The tier <paramref name="rule"/> places household <paramref name="h"/> in, from its flags and agencies.</summary>
    private static Tier ByRule(HouseholdFlags h, TierRule rule)
        => h.Flags.Count >= rule.SeriousFlags || h.Agencies >= rule.SeriousServices ? Tier.SeriousHelp
            : h.Flags.Count >= rule.EitherWayFlags || h.Agencies >= rule.EitherWayServices ? Tier.EitherWay
            : Tier.InBalance;

    /// <summary>Counts placements by tier, grouped by <paramref name="labelOf"/> (null: left out), in label order; or all together when no label is given.</summary>
    public static IReadOnlyList<TierCounts> Count(IReadOnlyList<TierPlacement> placements, Func<int, string?>? labelOf = null)
    {
        ArgumentNullException.ThrowIfNull(placements);
        labelOf ??= _ => "All households";
        return placements.Select(p => (Label: labelOf(p.Household), p.Tier)).Where(p => p.Label is not null)
            .GroupBy(p => p.Label!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TierCounts(g.Key, g.Count(p => p.Tier == Tier.InBalance), g.Count(p => p.Tier == Tier.EitherWay), g.Count(p => p.Tier == Tier.SeriousHelp)))
            .ToList();
    }

    /// <summary>
    /// The distribution over time: for each quarter end in <paramref name="quarterEnds"/> (the first day after the
    /// quarter), households placed by the rule from their records in the year before it. Overrides are left out
    /// (they say how things are now, not then).
    /// </summary>
    public static IReadOnlyList<TierCounts> OverTime(IReadOnlyList<FlagRecord> records, IReadOnlyList<FlagRule> rules, int households, TierRule rule, IReadOnlyList<DateOnly> quarterEnds)
        => OverTime(MatchedRecords.Of(records, rules), households, rule, quarterEnds);

    /// <summary><see cref="OverTime(IReadOnlyList{FlagRecord}, IReadOnlyList{FlagRule}, int, TierRule, IReadOnlyList{DateOnly})"/> over records already matched to their rules.</summary>
    public static IReadOnlyList<TierCounts> OverTime(MatchedRecords records, int households, TierRule rule, IReadOnlyList<DateOnly> quarterEnds)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(quarterEnds);
        var result = new List<TierCounts>(quarterEnds.Count);
        foreach (var end in quarterEnds)
        {
            var tiers = new int[3];
            foreach (var h in records.Flag(households, end.AddYears(-1), end))
            {
                tiers[(int)ByRule(h, rule) - 1]++;
            }
            result.Add(new TierCounts(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Year to {end.AddDays(-1):d MMM yyyy}"), tiers[0], tiers[1], tiers[2]));
        }
        return result;
    }

    /// <summary>Quarter ends (the first day of a calendar quarter) from the last one on or before <paramref name="today"/>, going back <paramref name="quarters"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> QuarterEnds(DateOnly today, int quarters)
    {
        var last = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return Enumerable.Range(0, quarters).Select(i => last.AddMonths(-3 * (quarters - 1 - i))).ToList();
    }
}
