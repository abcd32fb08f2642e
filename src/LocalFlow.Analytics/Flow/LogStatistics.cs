namespace LocalFlow.Analytics.Flow;

/// <summary>
/// The figures process-mining tools print for an event log, computed over an <see cref="ActivityLog"/> with no database:
/// a case is a person (an XES trace, an OCEL person or followed object); an activity is the source's activity name
/// (XES <c>concept:name</c>, OCEL event type), else the kind and subtype.
/// </summary>
public sealed record LogStatistics
{
    /// <summary>Cases (people).</summary>
    public int Cases { get; init; }

    /// <summary>Events (records; a lifecycle start/complete pair read as one record counts once, and so does an exact duplicate, see <see cref="ActivityLog.DuplicatesOf"/>).</summary>
    public int Events { get; init; }

    /// <summary>Exact duplicate records (<see cref="ActivityLog.DuplicatesOf"/>): kept, but not counted in <see cref="Events"/> or any other figure.</summary>
    public int Duplicates { get; init; }

    /// <summary>Distinct activities.</summary>
    public int Activities { get; init; }

    /// <summary>Distinct variants: cases with exactly the same sequence of activities are one variant (equal times keep file order).</summary>
    public int Variants { get; init; }

    /// <summary>Distinct directly-follows pairs (a, b): activity b immediately follows a in some case (a = b included).</summary>
    public int DirectlyFollowsPairs { get; init; }

    /// <summary>Cases with rework: some activity occurs more than once in the case.</summary>
    public int CasesWithRework { get; init; }

    /// <summary>Median case duration: from the case's first start to its last start or end, in days (the mean of the two middle cases when even).</summary>
    public double MedianCaseDays { get; init; }

    /// <summary>The earliest start in the log.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>The latest start or end in the log.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Counts the figures in one pass per case.</summary>
    public static LogStatistics Of(ActivityLog log)
    {
        var (keys, names) = Flow.HandOffs.NodeKeys(log, FlowLevel.Activity);
        var variants = Flow.HandOffs.Variants(log, keys, collapse: false);
        var pairs = new HashSet<long>();
        var seen = new HashSet<int>();
        var rework = 0;
        var durations = new long[log.PersonCount];
        var ticks = log.StartUtcTicks;
        var ends = log.EndUtcTicks;
        long min = long.MaxValue, max = long.MinValue;
        for (var p = 0; p < log.PersonCount; p++)
        {
            var (from, to) = log.EventsOf(p);
            seen.Clear();
            var repeated = false;
            long last = long.MinValue;
            for (var i = from; i < to; i++)
            {
                if (!seen.Add(keys[i]))
                {
                    repeated = true;
                }
                if (i > from)
                {
                    pairs.Add(((long)keys[i - 1] << 32) | (uint)keys[i]);
                }
                var t = ticks[i];
                if (!ends.IsEmpty && ends[i] != long.MinValue && ends[i] > t)
                {
                    t = ends[i];
                }
                last = Math.Max(last, t);
            }
            if (repeated)
            {
                rework++;
            }
            if (from < to)
            {
                durations[p] = last - ticks[from];
                min = Math.Min(min, ticks[from]);
                max = Math.Max(max, last);
            }
        }
        Array.Sort(durations);
        var n = durations.Length;
        var median = n == 0 ? 0 : n % 2 == 1 ? durations[n / 2] : (durations[(n / 2) - 1] + durations[n / 2]) / 2.0;
        return new LogStatistics
        {
            Cases = log.PersonCount,
            Events = log.Count - log.DuplicateCount,
            Duplicates = log.DuplicateCount,
            Activities = names.Count,
            Variants = variants.Count,
            DirectlyFollowsPairs = pairs.Count,
            CasesWithRework = rework,
            MedianCaseDays = median / TimeSpan.TicksPerDay,
            From = min == long.MaxValue ? null : new DateTimeOffset(min, TimeSpan.Zero),
            To = max == long.MinValue ? null : new DateTimeOffset(max, TimeSpan.Zero),
        };
    }
}
