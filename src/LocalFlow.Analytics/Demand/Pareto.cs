namespace LocalFlow.Analytics.Demand;

/// <summary>One bar of a Pareto chart.</summary>
/// <param name="Key">The category (for example a demand type's id).</param>
/// <param name="Label">What people read.</param>
/// <param name="Count">How many.</param>
/// <param name="Share">Count ÷ total.</param>
/// <param name="CumulativeShare">Running share, largest first.</param>
public readonly record struct ParetoBar(string Key, string Label, int Count, double Share, double CumulativeShare);

/// <summary>Pareto analysis: categories sorted largest first with their cumulative share, to show the few types that make up most demand.</summary>
public static class Pareto
{
    /// <summary>Sorts by count (largest first; ties by label, then key) and adds shares. Categories with a count of 0 are dropped.</summary>
    public static IReadOnlyList<ParetoBar> Compute(IEnumerable<(string Key, string Label, int Count)> categories)
    {
        var list = categories.Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.CurrentCulture).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        long total = 0;
        foreach (var c in list)
        {
            total = checked(total + c.Count);
        }
        var bars = new List<ParetoBar>(list.Count);
        long running = 0;
        foreach (var (key, label, count) in list)
        {
            running += count;
            bars.Add(new ParetoBar(key, label, count, (double)count / total, (double)running / total));
        }
        return bars;
    }
}

/// <summary>Value and failure demand counted for one group (a front door, a channel, a day, an hour...).</summary>
/// <param name="Key">The group.</param>
/// <param name="Value">Value demands.</param>
/// <param name="Failure">Failure demands.</param>
public readonly record struct DemandShare(string Key, int Value, int Failure)
{
    /// <summary>Value plus failure demands.</summary>
    public int Total => Value + Failure;

    /// <summary>Failure ÷ (value + failure); 0 when the group is empty.</summary>
    public double FailureShare => Total == 0 ? 0 : (double)Failure / Total;
}

/// <summary>Shares of value and failure demand, overall and by any grouping.</summary>
public static class DemandShares
{
    /// <summary>Counts value and failure demand per group, in the order groups first appear (or sorted by <paramref name="order"/>).</summary>
    public static IReadOnlyList<DemandShare> ByGroup(IEnumerable<(string Group, bool IsFailure)> demands, IComparer<string>? order = null)
    {
        var map = new Dictionary<string, (int Value, int Failure)>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var (group, failure) in demands)
        {
            if (!map.TryGetValue(group, out var c))
            {
                keys.Add(group);
            }
            map[group] = failure ? (c.Value, checked(c.Failure + 1)) : (checked(c.Value + 1), c.Failure);
        }
        if (order is not null)
        {
            keys.Sort(order);
        }
        return keys.Select(k => new DemandShare(k, map[k].Value, map[k].Failure)).ToList();
    }
}
