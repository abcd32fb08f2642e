namespace LocalFlow.Analytics.Flow;

/// <summary>One item of what mattered to the person and what it would have cost (Ruth's cleaner, move and stair lift).</summary>
/// <param name="Description">What it was, in the person's words where possible.</param>
/// <param name="Amount">What it would cost in pounds.</param>
/// <param name="From">When it was asked for (where the curve of what mattered steps up); null means at the person's first record.</param>
public sealed record WhatMatteredItem(string Description, decimal Amount, DateOnly? From = null);

/// <summary>One step of a cumulative cost curve: an amount added at an instant and the running total after it.</summary>
/// <param name="At">When the amount was spent.</param>
/// <param name="Amount">The amount added, in pounds.</param>
/// <param name="Total">The running total after this step.</param>
/// <param name="Source">What the step is: a record's index in the log (what was done), or an item's position in the list given (what mattered).</param>
public readonly record struct CostStep(DateTimeOffset At, decimal Amount, decimal Total, int Source);

/// <summary>
/// The cumulative cost of what was done beside the cost of what mattered, for one person: two step curves. This is
/// the one definition of the curve; the person page draws it and its data table from these steps.
/// </summary>
/// <param name="Done">One step per counted record with a cost (<see cref="FlowAnalyzer.CostOf"/>: its own, else its unit cost), in time order; uncosted and zero-cost records and exact duplicates add no step.</param>
/// <param name="Mattered">One step per item of what mattered, in date order.</param>
public sealed record CostCurve(IReadOnlyList<CostStep> Done, IReadOnlyList<CostStep> Mattered)
{
    /// <summary>Total cost of what was done.</summary>
    public decimal Actual => Done.Count == 0 ? 0 : Done[^1].Total;

    /// <summary>Total cost of what mattered.</summary>
    public decimal WhatMattered => Mattered.Count == 0 ? 0 : Mattered[^1].Total;

    /// <summary>Actual minus what mattered ("a difference of £86,000").</summary>
    public decimal Difference => Actual - WhatMattered;

    /// <summary>Builds the curve for person <paramref name="person"/> of <paramref name="analyzer"/>'s log.</summary>
    public static CostCurve For(FlowAnalyzer analyzer, int person, IReadOnlyList<WhatMatteredItem> whatMattered)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(whatMattered);
        var log = analyzer.Log;
        var (from, to) = log.EventsOf(person);
        var done = new List<(DateTimeOffset, decimal, int)>();
        for (var i = from; i < to; i++)
        {
            if (analyzer.CostOf(i) is { } cost && cost != 0)
            {
                done.Add((log.Start(i), cost, i));
            }
        }
        var first = from < to ? log.Start(from) : DateTimeOffset.UnixEpoch;
        var mattered = whatMattered.Select((m, n) => (m.From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : first, m.Amount, n)).ToList();
        return new CostCurve(Cumulate(done), Cumulate(mattered));
    }

    /// <summary>
    /// The running total of dated amounts: the steps in time order (equal instants keep the order given), each with
    /// the total so far. Every cumulative cost LocalFlow shows is added up here.
    /// </summary>
    public static IReadOnlyList<CostStep> Cumulate(IReadOnlyList<(DateTimeOffset At, decimal Amount, int Source)> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = 0m;
        var steps = new List<CostStep>(amounts.Count);
        foreach (var (at, amount, source) in amounts.OrderBy(a => a.At))
        {
            total += amount;
            steps.Add(new CostStep(at, amount, total, source));
        }
        return steps;
    }
}
