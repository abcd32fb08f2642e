namespace LocalFlow.Analytics.Flow;

/// <summary>
/// One quarter's records as the study team judged them against what mattered to the person: helped the person
/// (value), served the system instead (approvals, reporting, targets, compliance: waste), or not judged yet.
/// </summary>
/// <param name="Start">The first day of the quarter (1 January, 1 April, 1 July or 1 October).</param>
/// <param name="Helped">Records judged to have helped the person.</param>
/// <param name="Served">Records judged to have served the system instead.</param>
/// <param name="NotJudged">Records nobody has judged.</param>
public readonly record struct JudgedQuarter(DateOnly Start, int Helped, int Served, int NotJudged)
{
    /// <summary>Records judged either way.</summary>
    public int Judged => Helped + Served;

    /// <summary>Every record of the quarter.</summary>
    public int Records => Helped + Served + NotJudged;

    /// <summary>Share of the judged records that helped (<see cref="Helped"/> ÷ <see cref="Judged"/>); null when none were judged. Unjudged records are left out, never counted as either.</summary>
    public double? HelpedShare => Judged == 0 ? null : (double)Helped / Judged;
}

/// <summary>
/// The value-to-waste ratio of judged records over time: the seeds' "75:25 waste to value" (Gloucester) and its
/// move to 80:20 are this ratio, read quarter by quarter. Judging is the study team's, record by record
/// (docs/flow-study.md, "Judging records"); this only counts.
/// </summary>
public static class Judging
{
    /// <summary>The first day of the quarter <paramref name="date"/> falls in.</summary>
    public static DateOnly QuarterOf(DateOnly date) => new(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1);

    /// <summary>
    /// Counts records by calendar quarter: <paramref name="dates"/>[i] is record i's date and <paramref name="helped"/>[i]
    /// its judgement (1 helped, 0 served the system, −1 not judged; an empty span means nothing was judged). Every
    /// quarter from the first record's to the last record's is listed, in order, including quarters without records,
    /// so that a gap shows as a gap. No records: an empty list.
    /// </summary>
    public static IReadOnlyList<JudgedQuarter> ByQuarter(ReadOnlySpan<DateOnly> dates, ReadOnlySpan<sbyte> helped)
    {
        if (!helped.IsEmpty && helped.Length != dates.Length)
        {
            throw new ArgumentException("There must be one judgement per date, or none at all.", nameof(helped));
        }
        if (dates.IsEmpty)
        {
            return [];
        }
        var first = QuarterOf(dates[0]);
        var last = first;
        foreach (var d in dates)
        {
            var q = QuarterOf(d);
            if (q < first)
            {
                first = q;
            }
            if (q > last)
            {
                last = q;
            }
        }
        var count = Index(first, last) + 1;
        var counts = new int[count, 3];
        for (var i = 0; i < dates.Length; i++)
        {
            var code = helped.IsEmpty ? (sbyte)-1 : helped[i];
            var column = code switch { 1 => 0, 0 => 1, _ => 2 };
            counts[Index(first, QuarterOf(dates[i])), column]++;
        }
        var quarters = new JudgedQuarter[count];
        for (var q = 0; q < count; q++)
        {
            quarters[q] = new JudgedQuarter(first.AddMonths(q * 3), counts[q, 0], counts[q, 1], counts[q, 2]);
        }
        return quarters;
    }

    /// <summary>
    /// <see cref="ByQuarter(ReadOnlySpan{DateOnly}, ReadOnlySpan{sbyte})"/> over the records of some people of a log
    /// (a cohort), exact duplicates left out as the engine leaves them out. A record's date is its start, in the
    /// time the source gave.
    /// </summary>
    public static IReadOnlyList<JudgedQuarter> ByQuarter(ActivityLog log, IEnumerable<int> persons)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(persons);
        var dates = new List<DateOnly>();
        var codes = new List<sbyte>();
        var helped = log.HelpedCodes;
        foreach (var p in persons)
        {
            var (start, end) = log.EventsOf(p);
            for (var i = start; i < end; i++)
            {
                dates.Add(DateOnly.FromDateTime(log.Start(i).DateTime));
                codes.Add(helped.IsEmpty ? (sbyte)-1 : helped[i]);
            }
        }
        return ByQuarter(dates.ToArray(), codes.ToArray());
    }

    private static int Index(DateOnly first, DateOnly quarter) => (((quarter.Year - first.Year) * 12) + quarter.Month - first.Month) / 3;
}
