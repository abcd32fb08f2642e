using LocalFlow.Analytics;
using Microsoft.AspNetCore.Html;
using static LocalFlow.Web.Charts.ChartFigure;
using static LocalFlow.Web.Charts.ChartText;

namespace LocalFlow.Web.Charts;

/// <summary>
/// How a figure is spread over people (or anything counted): one value each, put into bins of equal width and
/// drawn as touching bars, with the count of each bin in the table.
/// </summary>
public sealed record HistogramChart(string Title, string Description, IReadOnlyList<double> Values) : ChartSpec(Title, Description)
{
    /// <summary>The values are whole numbers (counts), so bins hold whole numbers: "10–19" rather than "10 to under 20".</summary>
    public bool Whole { get; init; } = true;

    /// <summary>At most this many bins (one bin per value when whole values fit, otherwise a round width: 1, 2 or 5 × 10ⁿ).</summary>
    public int MaxBins { get; init; } = 12;

    /// <summary>How bin edges are written (pounds for cost); the bars' heights are always counts.</summary>
    public ValueFormat BinFormat { get; init; } = ValueFormat.Number;

    /// <summary>What the values are, under the horizontal axis and as the table's first column, for example "Records per person".</summary>
    public string BinLabel { get; init; } = "Value";

    /// <summary>How many were left out because they have no value (for example people whose need was never met).</summary>
    public int Missing { get; init; }

    /// <summary>The table row for <see cref="Missing"/>.</summary>
    public string MissingLabel { get; init; } = Resources.ChartText.NoValue;

    /// <summary>
    /// The values count people shown to someone who may not see people: counts go through the small-number rule
    /// (<see cref="LocalFlow.Analytics.Disclosure"/>) and the outermost values are pulled in to the fifth highest and lowest,
    /// so the end bars read "or more" and "or fewer".
    /// </summary>
    public bool SmallNumbers { get; init; }
}

/// <summary>One bin of a histogram: values from <see cref="From"/> up to but not including <see cref="To"/>.</summary>
public readonly record struct HistogramBin(double From, double To, int Count);

public static partial class Charts
{
    /// <summary>A histogram: how many values fall in each bin, as touching bars over a number line.</summary>
    public static IHtmlContent Histogram(HistogramChart chart)
    {
        var fig = new ChartFigure(chart, "histogram");
        var values = chart.Values.Where(double.IsFinite).ToArray();
        if (values.Length == 0)
        {
            return new HtmlString(fig.RenderEmpty());
        }
        var small = chart.SmallNumbers;
        if (small)
        {
            values = Disclosure.TopCoded(values);
        }
        // a count as it may be shown, and the height of its bar (a withheld count is drawn as nothing)
        string Shown(long count) => small ? Disclosure.Text(count) : Count(count);
        long Height(long count) => small ? Disclosure.Count(count) ?? 0 : count;
        var bins = HistogramBins(values, chart.Whole, chart.MaxBins);
        var perValue = chart.Whole && bins[0].To - bins[0].From == 1;
        string Name(int i) => BinName(bins[i], chart.Whole, perValue, chart.BinFormat) + (!small || bins.Count == 1 ? "" : i == 0 ? " or fewer" : i == bins.Count - 1 ? " or more" : "");
        var height = fig.Height = 380;
        var bottom = height - 76;
        var y = Scale.Nice(bins.Select(b => (double)Height(b.Count)), bottom, Top, includeZero: true);
        var left = Math.Max(48, AxisLabelWidth(y, ValueFormat.Number));
        var right = Width - 40;
        fig.ValueAxis(y, left, right, ValueFormat.Number);
        fig.Text(8, 20, Isolate(chart.ValueLabel), "start", "lf-chart__axis-title", extra: " font-weight=\"700\"");
        var slot = (right - left) / bins.Count;
        var zero = y.Map(0);
        for (var i = 0; i < bins.Count; i++)
        {
            var b = bins[i];
            var top = y.Map(Height(b.Count));
            var name = Name(i);
            fig.Svg.Append($"<rect class=\"lf-chart__bar\" x=\"{N(left + (slot * i) + 1)}\" y=\"{N(top)}\" width=\"{N(slot - 2)}\" height=\"{N(Math.Max(zero - top, 0.5))}\" fill=\"{Palette[0]}\" stroke=\"{Ink}\" stroke-width=\"1\"><title>{Isolate($"{name}: {Shown(b.Count)}")}</title></rect>");
            if (Height(b.Count) > 0 && slot - 4 >= TextWidth(Shown(b.Count), 14))
            {
                fig.Text(left + (slot * (i + 0.5)), top - 6, Escape(Shown(b.Count)), "middle", "lf-chart__bar-value", 14);
            }
        }
        fig.Svg.Append($"<line x1=\"{N(left)}\" y1=\"{N(zero)}\" x2=\"{N(right)}\" y2=\"{N(zero)}\" stroke=\"{Ink}\" stroke-width=\"1.5\"/>");
        // Whole values one to a bar are labelled under the bar; otherwise the edges between bars are labelled,
        // every second or third one when they would run into each other.
        var labels = perValue
            ? bins.Select((b, i) => (X: left + (slot * (i + 0.5)), Text: Value(b.From, chart.BinFormat))).ToList()
            : [.. bins.Select((b, i) => (X: left + (slot * i), Text: Value(b.From, chart.BinFormat))), (right, Value(bins[^1].To, chart.BinFormat))];
        var widest = labels.Max(l => TextWidth(l.Text, FontSize)) + 8;
        var every = Math.Max(1, (int)Math.Ceiling(widest / slot));
        for (var i = 0; i < labels.Count; i += every)
        {
            fig.Svg.Append($"<line x1=\"{N(labels[i].X)}\" y1=\"{N(bottom)}\" x2=\"{N(labels[i].X)}\" y2=\"{N(bottom + 6)}\" stroke=\"{Ink}\" stroke-width=\"1\"/>");
            fig.Text(labels[i].X, bottom + 24, Escape(labels[i].Text), "middle", "lf-chart__tick");
        }
        fig.Text((left + right) / 2, bottom + 54, Isolate(chart.BinLabel), "middle", "lf-chart__axis-title", extra: " font-weight=\"700\"");

        Array.Sort(values);
        var median = values[Math.Clamp((int)Math.Ceiling(0.5 * values.Length) - 1, 0, values.Length - 1)];
        var missing = chart.Missing > 0 ? $" {Shown(chart.Missing)} more have no value ({chart.MissingLabel.ToLowerInvariant()})." : "";
        var range = small ? $"from {Value(values[0], chart.BinFormat)} or fewer to {Value(values[^1], chart.BinFormat)} or more" : $"from {Value(values[0], chart.BinFormat)} to {Value(values[^1], chart.BinFormat)}";
        fig.Summary = $"{Shown(values.Length)} values {range}; the median is {Value(median, chart.BinFormat)}.{missing}";

        var table = new ChartTable(chart.BinLabel, chart.ValueLabel).Numeric(1);
        for (var i = 0; i < bins.Count; i++)
        {
            table.Add(Escape(Name(i)), Escape(Shown(bins[i].Count)));
        }
        if (chart.Missing > 0)
        {
            table.Add(Escape(chart.MissingLabel), Escape(Shown(chart.Missing)));
        }
        return new HtmlString(fig.Render(table));
    }

    /// <summary>
    /// The bins for <paramref name="values"/> (finite values only): one per value when whole values span at most
    /// <paramref name="maxBins"/>, otherwise at most <paramref name="maxBins"/> + 1 bins of a round width (1, 2 or 5 × 10ⁿ;
    /// a whole number for whole values) starting at a multiple of the width. Every value falls in exactly one bin.
    /// </summary>
    public static IReadOnlyList<HistogramBin> HistogramBins(IReadOnlyList<double> values, bool whole, int maxBins = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 1);
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return [];
        }
        var min = finite.Min();
        var max = finite.Max();
        double width;
        if (whole)
        {
            (min, max) = (Math.Floor(min), Math.Floor(max));
            width = max - min + 1 <= maxBins ? 1 : Math.Max(1, RoundWidth((max - min + 1) / maxBins));
        }
        else
        {
            width = max == min ? RoundWidth(Math.Max(Math.Abs(max), 1) / maxBins) : RoundWidth((max - min) / maxBins);
        }
        var start = Math.Floor(min / width) * width;
        var n = (int)Math.Floor((max - start) / width) + 1;
        var counts = new int[n];
        foreach (var v in finite)
        {
            counts[Math.Clamp((int)Math.Floor(((whole ? Math.Floor(v) : v) - start) / width), 0, n - 1)]++;
        }
        return [.. counts.Select((c, i) => new HistogramBin(start + (i * width), start + ((i + 1) * width), c))];
    }

    /// <summary>The smallest of 1, 2 or 5 × 10ⁿ that is at least <paramref name="raw"/>.</summary>
    private static double RoundWidth(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var step in new[] { 1.0, 2, 5, 10 })
        {
            if (step * power >= raw * (1 - 1e-9))
            {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static string BinName(HistogramBin b, bool whole, bool perValue, ValueFormat format) =>
        perValue ? Value(b.From, format)
        : whole ? $"{Value(b.From, format)}–{Value(b.To - 1, format)}"
        : $"{Value(b.From, format)} to under {Value(b.To, format)}";
}
