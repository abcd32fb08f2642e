namespace LocalFlow.Analytics.Measures;

/// <summary>
/// A population curve: a locality-wide purpose measure over time, charted as a capability chart with a phase at the
/// date locality working began, so that leaders can see whether the curve has turned (Friedman's "turning the curve",
/// read with the signal rules of <see cref="CapabilityChart"/>, never against a target). See docs/measures.md,
/// "Population curves".
/// </summary>
/// <param name="Points">The periods charted, in date order (after any small-number rule, see <see cref="Disclosure.Of(IReadOnlyList{MeasurePoint})"/>).</param>
/// <param name="Began">The date locality working began; null when it has not begun (the chart then has one phase).</param>
/// <param name="Chart">The capability chart of <paramref name="Points"/>, a new phase at <paramref name="Began"/>.</param>
/// <param name="Reading">The values from <paramref name="Began"/> on judged against the limits of the values before it (<see cref="ExperimentReading.Of"/>); null when locality working has not begun.</param>
/// <param name="SlopeBefore">The least-squares slope of the values before <paramref name="Began"/>, in the measure's units per period; null with fewer than 2 values.</param>
/// <param name="SlopeAfter">The same for the values from <paramref name="Began"/> on.</param>
public sealed record PopulationCurve(IReadOnlyList<MeasurePoint> Points, DateOnly? Began, CapabilityChart Chart, ExperimentReading? Reading, double? SlopeBefore, double? SlopeAfter)
{
    /// <summary>The points as dated values, for the chart kit and the readings.</summary>
    public IReadOnlyList<DatedValue> Values { get; } = [.. Points.Select(p => new DatedValue(p.Start, p.Value))];

    /// <summary>
    /// The centre line after locality working began less the centre line before it, as a share of the one before
    /// (−0.25: a quarter lower). Null when either side has no values or the centre before is zero.
    /// </summary>
    public double? CentreChange => Reading is { Before: { } b, After: { } a } && b.Centre != 0 ? (a.Centre - b.Centre) / Math.Abs(b.Centre) : null;

    /// <summary>
    /// Whether the curve has turned: the reading's verdict when locality working has begun
    /// (<see cref="ExperimentVerdict.Improvement"/>: turned the better way; <see cref="ExperimentVerdict.Concern"/>: the
    /// worse way; <see cref="ExperimentVerdict.NoSignal"/>: not turned yet); <see cref="ExperimentVerdict.NoValuesAfter"/>
    /// when it has not begun.
    /// </summary>
    public ExperimentVerdict Turn => Reading?.Verdict ?? ExperimentVerdict.NoValuesAfter;

    /// <summary>
    /// The curve of <paramref name="points"/> (a purpose measure's whole periods, in date order) with locality working
    /// beginning on <paramref name="began"/>: the capability chart with a new phase at the first period starting on or
    /// after it, the reading of the change, and the slope on each side. <paramref name="options"/> gives the direction
    /// of improvement, floor and ceiling; its phases and baseline are ignored.
    /// </summary>
    public static PopulationCurve Of(IReadOnlyList<MeasurePoint> points, DateOnly? began, CapabilityChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        options = (options ?? new CapabilityChartOptions()) with { PhaseStarts = [], BaselinePoints = null };
        var values = points.Select(p => new DatedValue(p.Start, p.Value)).ToList();
        DateOnly[] dates = began is DateOnly b ? [b] : [];
        var chart = DatedSeries.Chart(values, dates, options);
        var reading = began is DateOnly d && values.Count > 0 ? ExperimentReading.Of(values, dates, d, options) : null;
        var before = began is DateOnly x ? values.Where(v => v.Date < x).ToList() : values;
        var after = began is DateOnly y ? values.Where(v => v.Date >= y).ToList() : [];
        return new PopulationCurve(points, began, chart, reading, Slope(before), began is null ? null : Slope(after));
    }

    /// <summary>
    /// The least-squares slope of <paramref name="values"/> against their position (0, 1, 2 … one step per period):
    /// Σ(i − ī)(x − x̄) ÷ Σ(i − ī)². Null with fewer than 2 values.
    /// </summary>
    public static double? Slope(IReadOnlyList<DatedValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        if (n < 2)
        {
            return null;
        }
        var meanI = (n - 1) / 2.0;
        var meanX = values.Average(v => v.Value);
        double top = 0, bottom = 0;
        for (var i = 0; i < n; i++)
        {
            top += (i - meanI) * (values[i].Value - meanX);
            bottom += (i - meanI) * (i - meanI);
        }
        return top / bottom;
    }
}
