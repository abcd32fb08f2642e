namespace LocalFlow.Analytics.Flow;

/// <summary>
/// One item of what mattered to the person and what it would have cost (Ruth's cleaner, move and stair lift).
/// A one-off item is spent on <paramref name="From"/>; an item with <paramref name="To"/> is spread evenly over the period.
/// </summary>
/// <param name="Description">What it was, in the person's words where possible.</param>
/// <param name="Amount">What it would cost in pounds.</param>
/// <param name="From">When it would have been spent (or started); null means from the person's first record.</param>
/// <param name="To">When a spread item ends; null for a one-off.</param>
public sealed record WhatMatteredItem(string Description, decimal Amount, DateOnly? From = null, DateOnly? To = null);

/// <summary>One point of a cumulative cost curve.</summary>
/// <param name="At">The instant.</param>
/// <param name="Actual">Cumulative cost of what was done up to and including this instant.</param>
/// <param name="WhatMattered">Cumulative cost of what mattered by this instant.</param>
public readonly record struct CostPoint(DateTimeOffset At, decimal Actual, decimal WhatMattered);

/// <summary>The cumulative cost of what was done beside the cost of what mattered, for one person.</summary>
/// <param name="Points">One point per record (in time order), plus points where what-mattered items start or end.</param>
/// <param name="Actual">Total cost of what was done.</param>
/// <param name="WhatMattered">Total cost of what mattered.</param>
public sealed record CostCurve(IReadOnlyList<CostPoint> Points, decimal Actual, decimal WhatMattered)
{
    /// <summary>Actual minus what mattered ("a difference of £86,000").</summary>
    public decimal Difference => Actual - WhatMattered;

    /// <summary>
    /// Builds the curve for person <paramref name="person"/>: each record adds its cost (its own, else its unit
    /// cost, see <see cref="FlowAnalyzer.CostOf"/>); each what-mattered item adds its amount on its date, or evenly
    /// over its period.
    /// </summary>
    public static CostCurve For(FlowAnalyzer analyzer, int person, IReadOnlyList<WhatMatteredItem> whatMattered)
    {
        var log = analyzer.Log;
        var (from, to) = log.EventsOf(person);
        var first = from < to ? log.Start(from) : DateTimeOffset.UnixEpoch;
        var instants = new SortedSet<DateTimeOffset>();
        foreach (var item in whatMattered)
        {
            var start = item.From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : first;
            instants.Add(start);
            if (item.To is { } t)
            {
                instants.Add(new DateTimeOffset(t.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            }
        }
        var points = new List<CostPoint>();
        decimal actual = 0;
        var extra = instants.GetEnumerator();
        var hasExtra = extra.MoveNext();
        for (var i = from; i < to; i++)
        {
            var at = log.Start(i);
            while (hasExtra && extra.Current < at)
            {
                points.Add(new CostPoint(extra.Current, actual, MatteredBy(whatMattered, extra.Current, first)));
                hasExtra = extra.MoveNext();
            }
            actual += analyzer.CostOf(i) ?? 0;
            points.Add(new CostPoint(at, actual, MatteredBy(whatMattered, at, first)));
        }
        while (hasExtra)
        {
            points.Add(new CostPoint(extra.Current, actual, MatteredBy(whatMattered, extra.Current, first)));
            hasExtra = extra.MoveNext();
        }
        return new CostCurve(points, actual, whatMattered.Sum(w => w.Amount));
    }

    private static decimal MatteredBy(IReadOnlyList<WhatMatteredItem> items, DateTimeOffset at, DateTimeOffset first)
    {
        decimal sum = 0;
        foreach (var item in items)
        {
            var start = item.From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : first;
            if (at < start)
            {
                continue;
            }
            if (item.To is not { } t)
            {
                sum += item.Amount;
                continue;
            }
            var end = new DateTimeOffset(t.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var share = end <= start || at >= end ? 1m : (decimal)((at - start).TotalDays / (end - start).TotalDays);
            sum += decimal.Round(item.Amount * share, 2);
        }
        return sum;
    }
}
