namespace LocalFlow.Analytics.Measures;

/// <summary>What the signals say about a change, read from its measure's capability chart.</summary>
public enum ExperimentVerdict
{
    /// <summary>No values yet on or after the change's date.</summary>
    NoValuesAfter = 0,
    /// <summary>Fewer than two values before the change, so there are no limits to judge against.</summary>
    TooFewBefore = 1,
    /// <summary>Values after the change stay within the variation before it: no signal.</summary>
    NoSignal = 2,
    /// <summary>Values after the change signal in the better direction only.</summary>
    Improvement = 3,
    /// <summary>Values after the change signal in the worse direction only.</summary>
    Concern = 4,
    /// <summary>Values after the change signal, and neither direction is better (or both directions signal).</summary>
    Changed = 5,
}

/// <summary>
/// The reading of one change (an experiment) on a measure: the values from the phase before it up to the next change,
/// its limits before and after, and the signals the values after it make against the limits before it.
/// </summary>
/// <param name="Date">The date of the change.</param>
/// <param name="Before">The limits of the values before the change (from the previous change, or the start).</param>
/// <param name="After">The limits of the values from the change to the next change (or the end), computed from those values alone.</param>
/// <param name="PointsBefore">How many values are before the change.</param>
/// <param name="PointsAfter">How many values are from the change on (up to the next change).</param>
/// <param name="ImprovementSignals">Values after the change that signal an improvement against the limits before it.</param>
/// <param name="ConcernSignals">Values after the change that signal a concern against the limits before it.</param>
/// <param name="NeutralSignals">Values after the change that signal when neither direction is better.</param>
/// <param name="Verdict">What the signals say.</param>
public sealed record ExperimentReading(DateOnly Date, ChartPhase? Before, ChartPhase? After, int PointsBefore, int PointsAfter,
    int ImprovementSignals, int ConcernSignals, int NeutralSignals, ExperimentVerdict Verdict)
{
    /// <summary>
    /// Reads the change dated <paramref name="date"/> among <paramref name="changeDates"/> (all the measure's changes,
    /// including this one) on <paramref name="values"/> (in date order). The values from the previous change up to this
    /// one are the baseline: their centre line and natural process limits are extended over the values from this change
    /// up to the next (<see cref="CapabilityChartOptions.BaselinePoints"/>), and every signal rule of
    /// <see cref="CapabilityChart"/> is applied to those later values with <paramref name="options"/> (direction of
    /// improvement, screening, floor, ceiling, run length). <see cref="After"/> is the after values' own phase, as the
    /// chart with every change as a phase draws it.
    /// </summary>
    public static ExperimentReading Of(IReadOnlyList<DatedValue> values, IEnumerable<DateOnly> changeDates, DateOnly date, CapabilityChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        options ??= new CapabilityChartOptions();
        var dates = changeDates.Append(date).Distinct().Order().ToList();
        var at = dates.IndexOf(date);
        var previous = at > 0 ? dates[at - 1] : DateOnly.MinValue;
        var next = at + 1 < dates.Count ? dates[at + 1] : DateOnly.MaxValue;
        var before = new List<double>();
        var after = new List<double>();
        foreach (var v in values)
        {
            if (v.Date >= previous && v.Date < date)
            {
                before.Add(v.Value);
            }
            else if (v.Date >= date && v.Date < next)
            {
                after.Add(v.Value);
            }
        }
        var basis = options with { PhaseStarts = [], BaselinePoints = null };
        ChartPhase? beforePhase = before.Count > 0 ? CapabilityChart.Compute(before.ToArray(), basis).Phases[0] : null;
        ChartPhase? afterPhase = after.Count > 0 ? CapabilityChart.Compute(after.ToArray(), basis).Phases[0] : null;
        if (after.Count == 0)
        {
            return new ExperimentReading(date, beforePhase, null, before.Count, 0, 0, 0, 0, ExperimentVerdict.NoValuesAfter);
        }
        if (before.Count < 2)
        {
            return new ExperimentReading(date, beforePhase, afterPhase, before.Count, after.Count, 0, 0, 0, ExperimentVerdict.TooFewBefore);
        }
        var judged = CapabilityChart.Compute([.. before, .. after], basis with { BaselinePoints = before.Count });
        int improvement = 0, concern = 0, neutral = 0;
        for (var i = before.Count; i < judged.Points.Count; i++)
        {
            var cls = judged.Points[i].Class;
            improvement += cls == SignalClass.Improvement ? 1 : 0;
            concern += cls == SignalClass.Concern ? 1 : 0;
            neutral += cls == SignalClass.Neutral ? 1 : 0;
        }
        var verdict = improvement + concern + neutral == 0 ? ExperimentVerdict.NoSignal
            : concern + neutral == 0 ? ExperimentVerdict.Improvement
            : improvement + neutral == 0 ? ExperimentVerdict.Concern
            : ExperimentVerdict.Changed;
        return new ExperimentReading(date, beforePhase, afterPhase, before.Count, after.Count, improvement, concern, neutral, verdict);
    }
}
