namespace LocalFlow.Analytics.Measures;

/// <summary>Which way is better for a measure. It decides whether a signal is an improvement, a concern or neutral; it is never a target.</summary>
public enum ImprovementDirection
{
    /// <summary>Neither way is better (for example demand volume): signals are neutral.</summary>
    Neither = 0,
    /// <summary>Higher values are better (for example the share of demand resolved at first contact).</summary>
    HigherIsBetter = 1,
    /// <summary>Lower values are better (for example failure demand share, days to need met).</summary>
    LowerIsBetter = 2,
}

/// <summary>The detection rules for signals of special-cause variation (Wheeler; NHS England "Making Data Count").</summary>
[Flags]
public enum SignalRule
{
    /// <summary>No signal.</summary>
    None = 0,
    /// <summary>A point above the upper or below the lower natural process limit.</summary>
    BeyondLimit = 1,
    /// <summary>Seven or more points in a row on the same side of the centre line (a point on the line breaks the run). Every point of the run is flagged.</summary>
    RunOnOneSide = 2,
    /// <summary>Seven or more points in a row each strictly higher (or each strictly lower) than the one before; an equal value breaks the run. Every point of the run is flagged.</summary>
    Trend = 4,
    /// <summary>Two of three consecutive points more than two thirds of the way from the centre line to the same limit. The points beyond that line are flagged.</summary>
    TwoOfThreeNearLimit = 8,
}

/// <summary>How a signal reads given the direction of improvement.</summary>
public enum SignalClass
{
    /// <summary>No signal at this point.</summary>
    None = 0,
    /// <summary>A signal in the better direction.</summary>
    Improvement = 1,
    /// <summary>A signal in the worse direction.</summary>
    Concern = 2,
    /// <summary>A signal where neither direction is better.</summary>
    Neutral = 3,
}

/// <summary>How to compute a capability chart.</summary>
public sealed record CapabilityChartOptions
{
    /// <summary>
    /// Screen out large moving ranges (at least 3.267 × the mean moving range, the upper range limit) before
    /// computing the limits, as NHS England's Making Data Count does. On by default.
    /// </summary>
    public bool ScreenLargeRanges { get; init; } = true;

    /// <summary>When set, each phase's limits are fixed from its first N points (the baseline) and extended over the rest of the phase.</summary>
    public int? BaselinePoints { get; init; }

    /// <summary>A floor for the lower limit (for example 0 for counts, which cannot be negative). Null: no floor.</summary>
    public double? LowerFloor { get; init; }

    /// <summary>A ceiling for the upper limit (for example 1 for shares). Null: no ceiling.</summary>
    public double? UpperCeiling { get; init; }

    /// <summary>Which way is better; colours signals as improvement, concern or neutral.</summary>
    public ImprovementDirection Direction { get; init; } = ImprovementDirection.Neither;

    /// <summary>Indexes of the points where a new phase starts (for example the first day after a redesign). Limits are recalculated from each.</summary>
    public IReadOnlyList<int> PhaseStarts { get; init; } = [];

    /// <summary>How many points in a row make a run or a trend (7 by default).</summary>
    public int RunLength { get; init; } = 7;
}

/// <summary>One point of a capability chart.</summary>
/// <param name="Index">Position in the series.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Phase">Index of the phase the point belongs to.</param>
/// <param name="Centre">The phase's centre line (mean of its baseline).</param>
/// <param name="Upper">Upper natural process limit: centre + 2.66 × mean moving range (NaN when the phase has fewer than 2 points).</param>
/// <param name="Lower">Lower natural process limit: centre − 2.66 × mean moving range, floored if asked (NaN when the phase has fewer than 2 points).</param>
/// <param name="MovingRange">|value − previous value| within the phase; null for a phase's first point.</param>
/// <param name="Signals">The rules this point triggers.</param>
/// <param name="Class">How the signal reads given the direction of improvement.</param>
public readonly record struct ChartPoint(int Index, double Value, int Phase, double Centre, double Upper, double Lower, double? MovingRange, SignalRule Signals, SignalClass Class)
{
    /// <summary>True when the point triggers any rule.</summary>
    public bool HasSignal => Signals != SignalRule.None;
}

/// <summary>One phase of a capability chart: the limits computed from its own points.</summary>
/// <param name="Start">Index of the phase's first point.</param>
/// <param name="Count">Number of points in the phase.</param>
/// <param name="BaselineCount">Points used to compute the limits (all of them unless a baseline was fixed).</param>
/// <param name="Centre">Mean of the baseline points.</param>
/// <param name="MeanMovingRange">Mean of the baseline's moving ranges after screening.</param>
/// <param name="Upper">Upper natural process limit.</param>
/// <param name="Lower">Lower natural process limit.</param>
/// <param name="UpperRangeLimit">3.267 × the mean moving range before screening: ranges at or above it were screened out.</param>
/// <param name="ScreenedRanges">How many moving ranges were screened out.</param>
public readonly record struct ChartPhase(int Start, int Count, int BaselineCount, double Centre, double MeanMovingRange, double Upper, double Lower, double UpperRangeLimit, int ScreenedRanges)
{
    /// <summary>True when the phase has at least 2 baseline points and so has limits.</summary>
    public bool HasLimits => !double.IsNaN(Upper);
}

/// <summary>
/// An XmR chart (individuals and moving range; a "process behaviour chart" in Wheeler's words, a
/// "capability chart" in LocalFlow): the centre line and natural process limits of a series, per phase,
/// with the points that signal special-cause variation. References: D. J. Wheeler, <i>Understanding
/// Variation</i> (1993); NHS England, <i>Making Data Count</i> (2019). Never a target.
/// </summary>
public sealed class CapabilityChart
{
    /// <summary>Wheeler's scaling constant for natural process limits from the mean moving range (3 / d2, d2 = 1.128).</summary>
    public const double LimitFactor = 2.66;

    /// <summary>Upper range limit as a multiple of the mean moving range (D4 for n = 2).</summary>
    public const double RangeLimitFactor = 3.267;

    private CapabilityChart(ChartPoint[] points, ChartPhase[] phases, CapabilityChartOptions options)
    {
        Points = points;
        Phases = phases;
        Options = options;
    }

    /// <summary>Every point, in order.</summary>
    public IReadOnlyList<ChartPoint> Points { get; }

    /// <summary>The phases, in order.</summary>
    public IReadOnlyList<ChartPhase> Phases { get; }

    /// <summary>The options the chart was computed with.</summary>
    public CapabilityChartOptions Options { get; }

    /// <summary>Computes the chart for a series of values.</summary>
    public static CapabilityChart Compute(ReadOnlySpan<double> values, CapabilityChartOptions? options = null)
    {
        options ??= new CapabilityChartOptions();
        if (options.RunLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RunLength must be at least 2.");
        }
        if (options.BaselinePoints is < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "A baseline needs at least 2 points.");
        }
        var n = values.Length;
        var points = new ChartPoint[n];
        var starts = PhaseStarts(options.PhaseStarts, n);
        var phases = new ChartPhase[starts.Count];
        for (var p = 0; p < starts.Count; p++)
        {
            var start = starts[p];
            var end = p + 1 < starts.Count ? starts[p + 1] : n;
            var phase = ComputePhase(values, start, end, options);
            phases[p] = phase;
            for (var i = start; i < end; i++)
            {
                points[i] = new ChartPoint(i, values[i], p, phase.Centre, phase.Upper, phase.Lower, i == start ? null : Math.Abs(values[i] - values[i - 1]), SignalRule.None, SignalClass.None);
            }
            if (phase.HasLimits)
            {
                DetectSignals(points, start, end, phase, options);
            }
        }
        return new CapabilityChart(points, phases, options);
    }

    private static List<int> PhaseStarts(IReadOnlyList<int> requested, int n)
    {
        var starts = new List<int> { 0 };
        foreach (var s in requested.Where(s => s > 0 && s < n).Distinct().Order())
        {
            starts.Add(s);
        }
        return starts;
    }

    private static ChartPhase ComputePhase(ReadOnlySpan<double> values, int start, int end, CapabilityChartOptions options)
    {
        var count = end - start;
        var baseline = Math.Min(count, options.BaselinePoints ?? count);
        if (baseline < 1)
        {
            return new ChartPhase(start, count, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }
        var sum = 0.0;
        for (var i = start; i < start + baseline; i++)
        {
            sum += values[i];
        }
        var centre = sum / baseline;
        if (baseline < 2)
        {
            return new ChartPhase(start, count, baseline, centre, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }
        var rangeSum = 0.0;
        for (var i = start + 1; i < start + baseline; i++)
        {
            rangeSum += Math.Abs(values[i] - values[i - 1]);
        }
        var ranges = baseline - 1;
        var meanRange = rangeSum / ranges;
        var rangeLimit = RangeLimitFactor * meanRange;
        var screened = 0;
        if (options.ScreenLargeRanges && meanRange > 0)
        {
            // Large moving ranges come from the very shifts we want to detect; leaving them in widens the limits.
            var kept = 0.0;
            for (var i = start + 1; i < start + baseline; i++)
            {
                var r = Math.Abs(values[i] - values[i - 1]);
                if (r >= rangeLimit)
                {
                    screened++;
                }
                else
                {
                    kept += r;
                }
            }
            if (screened > 0 && screened < ranges)
            {
                meanRange = kept / (ranges - screened);
            }
            else
            {
                screened = 0;
            }
        }
        var upper = centre + (LimitFactor * meanRange);
        var lower = centre - (LimitFactor * meanRange);
        if (options.LowerFloor is double floor && lower < floor)
        {
            lower = floor;
        }
        if (options.UpperCeiling is double ceiling && upper > ceiling)
        {
            upper = ceiling;
        }
        return new ChartPhase(start, count, baseline, centre, meanRange, upper, lower, rangeLimit, screened);
    }

    private static void DetectSignals(ChartPoint[] points, int start, int end, ChartPhase phase, CapabilityChartOptions options)
    {
        var signals = new SignalRule[end - start];
        // +1 above/rising, −1 below/falling, per point, for classifying the signal.
        var direction = new sbyte[end - start];
        var centre = phase.Centre;
        var upperZone = centre + ((phase.Upper - centre) * 2.0 / 3.0);
        var lowerZone = centre - ((centre - phase.Lower) * 2.0 / 3.0);
        var runLength = options.RunLength;

        for (var i = start; i < end; i++)
        {
            var v = points[i].Value;
            if (v > phase.Upper || v < phase.Lower)
            {
                signals[i - start] |= SignalRule.BeyondLimit;
            }
        }

        // Runs on one side of the centre line.
        var runStart = start;
        var runSide = 0;
        for (var i = start; i <= end; i++)
        {
            var side = i < end ? Math.Sign(points[i].Value - centre) : 0;
            if (i < end && side != 0 && side == runSide)
            {
                continue;
            }
            if (runSide != 0 && i - runStart >= runLength)
            {
                for (var j = runStart; j < i; j++)
                {
                    signals[j - start] |= SignalRule.RunOnOneSide;
                }
            }
            runStart = i;
            runSide = side;
        }

        // Trends: consecutive strict increases (or decreases).
        var trendStart = start;
        var trendDir = 0;
        for (var i = start + 1; i <= end; i++)
        {
            var dir = i < end ? Math.Sign(points[i].Value - points[i - 1].Value) : 0;
            if (i < end && dir != 0 && dir == trendDir)
            {
                continue;
            }
            if (trendDir != 0 && i - trendStart >= runLength)
            {
                for (var j = trendStart; j < i; j++)
                {
                    signals[j - start] |= SignalRule.Trend;
                    direction[j - start] = (sbyte)trendDir;
                }
            }
            trendStart = i - 1;
            trendDir = dir;
        }

        // Two of three beyond two thirds of the way to a limit, on the same side.
        for (var i = start; i + 2 < end; i++)
        {
            MarkTwoOfThree(points, signals, start, i, upperZone, above: true);
            MarkTwoOfThree(points, signals, start, i, lowerZone, above: false);
        }

        for (var i = start; i < end; i++)
        {
            var s = signals[i - start];
            if (s == SignalRule.None)
            {
                continue;
            }
            var dir = (s & SignalRule.Trend) != 0 && (s & ~SignalRule.Trend) == 0
                ? direction[i - start]
                : Math.Sign(points[i].Value - centre);
            if (dir == 0)
            {
                dir = direction[i - start];
            }
            var cls = options.Direction switch
            {
                ImprovementDirection.HigherIsBetter => dir > 0 ? SignalClass.Improvement : SignalClass.Concern,
                ImprovementDirection.LowerIsBetter => dir < 0 ? SignalClass.Improvement : SignalClass.Concern,
                _ => SignalClass.Neutral,
            };
            points[i] = points[i] with { Signals = s, Class = cls };
        }
    }

    private static bool Beyond(double value, double zone, bool above) => above ? value > zone : value < zone;

    private static void MarkTwoOfThree(ChartPoint[] points, SignalRule[] signals, int start, int i, double zone, bool above)
    {
        var hits = (Beyond(points[i].Value, zone, above) ? 1 : 0) + (Beyond(points[i + 1].Value, zone, above) ? 1 : 0) + (Beyond(points[i + 2].Value, zone, above) ? 1 : 0);
        if (hits < 2)
        {
            return;
        }
        for (var j = i; j < i + 3; j++)
        {
            if (Beyond(points[j].Value, zone, above))
            {
                signals[j - start] |= SignalRule.TwoOfThreeNearLimit;
            }
        }
    }

    /// <summary>Plain-English names for the rules, for pages and the CLI.</summary>
    public static string Describe(SignalRule rules)
    {
        if (rules == SignalRule.None)
        {
            return "";
        }
        var parts = new List<string>(4);
        if ((rules & SignalRule.BeyondLimit) != 0)
        {
            parts.Add("beyond a limit");
        }
        if ((rules & SignalRule.RunOnOneSide) != 0)
        {
            parts.Add("run on one side");
        }
        if ((rules & SignalRule.Trend) != 0)
        {
            parts.Add("trend");
        }
        if ((rules & SignalRule.TwoOfThreeNearLimit) != 0)
        {
            parts.Add("2 of 3 near a limit");
        }
        return string.Join("; ", parts);
    }
}
