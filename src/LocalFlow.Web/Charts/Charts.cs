using System.Text;
using Microsoft.AspNetCore.Html;
using static LocalFlow.Web.Charts.ChartFigure;
using static LocalFlow.Web.Charts.ChartText;

namespace LocalFlow.Web.Charts;

/// <summary>
/// Server-side SVG charts in the GOV.UK style. Every chart has a title, a description, a role for assistive
/// technology and its data as a table; colours are the Okabe–Ito palette, always with a second cue (dash,
/// marker shape or position) so that colour is never the only way to tell things apart.
/// Pages write <c>@Charts.Line(new LineChart(...))</c>.
/// </summary>
public static partial class Charts
{
    private const double Top = 44;

    /// <summary>One or more series over dates or numbers.</summary>
    public static IHtmlContent Line(LineChart chart)
    {
        var fig = new ChartFigure(chart, "line");
        var series = chart.Series.Where(s => s.Points.Any(p => double.IsFinite(p.Value))).ToList();
        if (series.Count == 0)
        {
            return new HtmlString(fig.RenderEmpty());
        }
        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Value)).ToList();
        var dated = points[0].Date is not null;
        if (points.Any(p => (p.Date is not null) != dated))
        {
            throw new ArgumentException("A line chart's points must all be dates or all be numbers.", nameof(chart));
        }

        var height = fig.Height = 420;
        var bottom = height - 60;
        var y = chart.Range is var (lo, hi, step)
            ? Scale.Fixed(lo, hi, bottom, Top, [.. Enumerable.Range(0, (int)Math.Round((hi - lo) / step) + 1).Select(k => lo + (k * step))])
            : Scale.Nice(points.Select(p => p.Value), bottom, Top, chart.StartAtZero);
        var left = Math.Max(48, AxisLabelWidth(y, chart.Format));
        var right = Width - 24;
        Func<double, double> mapX;
        if (dated)
        {
            var (from, to) = DateTicks.Range(points.Min(p => p.Date!.Value), points.Max(p => p.Date!.Value));
            var x = Scale.Fixed(from.DayNumber, to.DayNumber, left + 8, right - 8, []);
            mapX = x.Map;
            fig.ValueAxis(y, left, right, chart.Format);
            foreach (var (date, label) in DateTicks.For(from, to))
            {
                DateTick(fig, x.Map(date.DayNumber), bottom, label);
            }
        }
        else
        {
            var x = Scale.Nice(points.Select(p => p.X), left + 8, right - 8, includeZero: false);
            mapX = x.Map;
            fig.ValueAxis(y, left, right, chart.Format);
            foreach (var t in x.Ticks)
            {
                DateTick(fig, x.Map(t), bottom, Escape(Value(t, ValueFormat.Number)));
            }
        }
        AxisTitles(fig, left, right, bottom, chart.ValueLabel, chart.XLabel ?? (dated ? Resources.ChartText.Date : null));

        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var colour = Palette[i % Palette.Length];
            var dash = Dashes[i % Dashes.Length];
            var pts = s.Points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.X).ToList();
            var path = new StringBuilder();
            foreach (var p in pts)
            {
                path.Append(path.Length == 0 ? 'M' : 'L').Append(N(mapX(p.X))).Append(' ').Append(N(y.Map(p.Value)));
            }
            fig.Svg.Append($"<g class=\"lf-chart__series\" data-series=\"{i}\">");
            if (pts.Count > 1)
            {
                if (LowContrast(colour))
                {
                    fig.Svg.Append($"<path d=\"{path}\" fill=\"none\" stroke=\"{Ink}\" stroke-width=\"5\" stroke-linejoin=\"round\"{DashAttr(dash)}/>");
                }
                fig.Svg.Append($"<path class=\"lf-chart__line\" d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"3\" stroke-linejoin=\"round\"{DashAttr(dash)}/>");
            }
            if (chart.Markers || pts.Count < 2)
            {
                foreach (var p in pts)
                {
                    var at = p.Date is DateOnly d ? Date(d) : Value(p.X, ValueFormat.Number);
                    fig.Svg.Append(Marker(i, mapX(p.X), y.Map(p.Value), 5.5, colour, $"{s.Name}: {at}, {Value(p.Value, chart.Format)}"));
                }
            }
            fig.Svg.Append("</g>");
            fig.Legend.Add(new LegendItem(s.Name, LineSample(colour, dash, chart.Markers ? i : null)));
        }
        if (series.Count == 1)
        {
            fig.Legend.Clear();
        }
        var first = points.MinBy(p => p.X);
        var last = points.MaxBy(p => p.X);
        var high = points.MaxBy(p => p.Value);
        fig.Summary = $"{Count(points.Count)} values from {XText(first)} to {XText(last)}; the highest is {Value(high.Value, chart.Format)} ({XText(high)}).";

        var table = new ChartTable([dated ? Resources.ChartText.Date : chart.XLabel ?? "X", .. series.Select(s => s.Name)]);
        table.Numeric(Enumerable.Range(1, series.Count).ToArray());
        foreach (var group in points.Select(p => (p.X, p.Date)).Distinct().OrderBy(p => p.X))
        {
            var cells = new string[series.Count + 1];
            cells[0] = Escape(group.Date is DateOnly d ? Date(d) : Value(group.X, ValueFormat.Number));
            for (var i = 0; i < series.Count; i++)
            {
                var values = series[i].Points.Where(p => p.X == group.X && double.IsFinite(p.Value)).Select(p => Value(p.Value, chart.Format));
                cells[i + 1] = Escape(string.Join("; ", values));
            }
            table.Add(cells);
        }
        return new HtmlString(fig.Render(table));
    }

    /// <summary>Bars for categories, vertical or horizontal (horizontal suits long labels).</summary>
    public static IHtmlContent Bar(BarChart chart)
    {
        var fig = new ChartFigure(chart, "bar");
        var bars = chart.Bars.Where(b => double.IsFinite(b.Value)).ToList();
        if (bars.Count == 0)
        {
            return new HtmlString(fig.RenderEmpty());
        }
        var fits = NamesFitUnderBars(bars, chart.Format, pareto: false);
        var horizontal = chart.Orientation switch
        {
            BarOrientation.Horizontal => true,
            BarOrientation.Vertical => !fits,
            _ => !fits || bars.Count > 10 || bars.Max(b => (b.Label ?? "").Length) > 14,
        };
        if (horizontal)
        {
            HorizontalBars(fig, bars, chart.Format, chart.ValueLabel, null);
        }
        else
        {
            VerticalBars(fig, bars, chart.Format, chart.ValueLabel, null);
        }
        var high = bars.MaxBy(b => b.Value)!;
        fig.Summary = $"{Count(bars.Count)} categories; the largest is {high.Label} with {Value(high.Value, chart.Format)}.";
        var table = new ChartTable(chart.CategoryLabel, chart.ValueLabel).Numeric(1);
        foreach (var b in bars)
        {
            table.Add(LinkCell(b.Label, b.Href), Escape(Value(b.Value, chart.Format)));
        }
        return new HtmlString(fig.Render(table));
    }

    /// <summary>Bars sorted from largest to smallest with the cumulative percentage as a line on the right axis.</summary>
    public static IHtmlContent Pareto(ParetoChart chart)
    {
        var fig = new ChartFigure(chart, "pareto");
        var bars = chart.Categories.Where(b => double.IsFinite(b.Value)).ToList();
        if (bars.Any(b => b.Value < 0))
        {
            throw new ArgumentException("A Pareto chart's values cannot be negative.", nameof(chart));
        }
        var total = bars.Sum(b => b.Value);
        if (bars.Count == 0 || total <= 0)
        {
            return new HtmlString(fig.RenderEmpty());
        }
        bars = bars.OrderByDescending(b => b.Value).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();
        var cumulative = new double[bars.Count];
        var running = 0.0;
        for (var i = 0; i < bars.Count; i++)
        {
            running += bars[i].Value;
            cumulative[i] = running / total * 100;
        }
        // The names go on the bars: under them when every name fits on three lines without splitting a word,
        // otherwise the bars run across with the names beside them.
        if (NamesFitUnderBars(bars, chart.Format, pareto: true))
        {
            VerticalBars(fig, bars, chart.Format, chart.ValueLabel, cumulative);
        }
        else
        {
            HorizontalBars(fig, bars, chart.Format, chart.ValueLabel, cumulative);
        }
        fig.Legend.Add(new LegendItem(chart.ValueLabel, $"<rect x=\"8\" y=\"2\" width=\"24\" height=\"16\" fill=\"{Palette[0]}\" stroke=\"{Ink}\"/>"));
        fig.Legend.Add(new LegendItem(Resources.ChartText.CumulativePercentage, LineSample(Palette[1], Dashes[1], 1)));
        var top = bars.TakeWhile((_, i) => i == 0 || cumulative[i - 1] < 80).Count();
        fig.Summary = $"{Count(bars.Count)} categories, {Value(total, chart.Format)} in all; the largest {Count(top)} make up {Value(Math.Round(cumulative[top - 1]), ValueFormat.Percent)}.";
        var table = new ChartTable(Resources.ChartText.Rank, chart.CategoryLabel, chart.ValueLabel, Resources.ChartText.Share, Resources.ChartText.CumulativeShare).Numeric(2, 3, 4);
        for (var i = 0; i < bars.Count; i++)
        {
            table.Add(Count(i + 1), LinkCell(bars[i].Label, bars[i].Href), Escape(Value(bars[i].Value, chart.Format)),
                Escape(Value(Math.Round(bars[i].Value / total * 100, 1), ValueFormat.Percent)), Escape(Value(Math.Round(cumulative[i], 1), ValueFormat.Percent)));
        }
        return new HtmlString(fig.Render(table));
    }

    /// <summary>One lane per agency or category, with each event as a mark at its date (a focusable link when it has one).</summary>
    public static IHtmlContent Timeline(TimelineChart chart)
    {
        var fig = new ChartFigure(chart, "timeline");
        bool InRange(TimelineEvent e) => (chart.From is null || e.Date >= chart.From) && (chart.To is null || e.Date <= chart.To);
        var lanes = chart.Lanes.Select(l => (l.Name, Events: l.Events.Where(InRange).OrderBy(e => e.Date).ToList())).ToList();
        var all = lanes.SelectMany(l => l.Events).ToList();
        if (all.Count == 0)
        {
            return new HtmlString(fig.RenderEmpty());
        }
        var (from, to) = DateTicks.Range(chart.From ?? all.Min(e => e.Date), chart.To ?? all.Max(e => e.Date));
        const double laneHeight = 48;
        const int labelChars = 18;
        var left = 20 + lanes.Max(l => Wrap(l.Name ?? "", labelChars, 2).Max(line => TextWidth(line, FontSize)));
        var right = Width - 24;
        var top = 16.0;
        var bottom = top + (lanes.Count * laneHeight);
        fig.Height = bottom + 64;
        var x = Scale.Fixed(from.DayNumber, to.DayNumber, left + 10, right - 10, []);
        foreach (var (date, label) in DateTicks.For(from, to))
        {
            var tx = x.Map(date.DayNumber);
            fig.Svg.Append($"<line class=\"lf-chart__grid\" x1=\"{N(tx)}\" y1=\"{N(top)}\" x2=\"{N(tx)}\" y2=\"{N(bottom)}\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
            DateTick(fig, tx, bottom, label);
        }
        AxisTitles(fig, left, right, bottom, null, Resources.ChartText.Date);
        for (var l = 0; l < lanes.Count; l++)
        {
            var (name, events) = lanes[l];
            var colour = Palette[l % Palette.Length];
            var mid = top + (l * laneHeight) + (laneHeight / 2);
            if (l % 2 == 0)
            {
                fig.Svg.Append($"<rect x=\"{N(left)}\" y=\"{N(mid - (laneHeight / 2))}\" width=\"{N(right - left)}\" height=\"{N(laneHeight)}\" fill=\"#f3f2f1\"/>");
            }
            var lines = Wrap(name ?? "", labelChars, 2);
            for (var k = 0; k < lines.Count; k++)
            {
                fig.Text(left - 8, mid + 5 + ((k - ((lines.Count - 1) / 2.0)) * 18), Isolate(lines[k]), "end", "lf-chart__lane-label");
            }
            fig.Svg.Append($"<g class=\"lf-chart__lane\" data-lane=\"{l}\">");
            var sameDay = 0;
            for (var e = 0; e < events.Count; e++)
            {
                var ev = events[e];
                sameDay = e > 0 && events[e - 1].Date == ev.Date ? sameDay + 1 : 0;
                // Events on the same day are spread up and down the lane so each stays visible and clickable.
                var offset = sameDay == 0 ? 0 : ((sameDay % 2 == 1 ? -1 : 1) * ((sameDay + 1) / 2) * 9 % 18);
                var cx = x.Map(ev.Date.DayNumber);
                var cy = mid + offset;
                var tooltip = $"{name}: {ev.Label}, {Date(ev.Date)}";
                if (SafeHref(ev.Href) is string href)
                {
                    fig.HasLinks = true;
                    fig.Svg.Append($"<a class=\"lf-chart__link\" href=\"{href}\" aria-label=\"{Escape(tooltip)}\">");
                    fig.Svg.Append($"<circle class=\"lf-chart__focus-ring\" cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"13\"/>");
                    fig.Svg.Append(Marker(l, cx, cy, 7, colour, tooltip));
                    fig.Svg.Append("</a>");
                }
                else
                {
                    fig.Svg.Append(Marker(l, cx, cy, 7, colour, tooltip));
                }
            }
            fig.Svg.Append("</g>");
            fig.Legend.Add(new LegendItem(name ?? "", $"<rect width=\"40\" height=\"20\" fill=\"#ffffff\"/>{Marker(l, 20, 10, 6, colour)}"));
        }
        fig.Summary = $"{Count(all.Count)} events in {Count(lanes.Count(l => l.Events.Count > 0))} lanes from {Date(all.Min(e => e.Date))} to {Date(all.Max(e => e.Date))}.";
        var table = new ChartTable(Resources.ChartText.Date, Resources.ChartText.Lane, Resources.ChartText.Event);
        foreach (var (lane, ev) in lanes.SelectMany(l => l.Events.Select(e => (l.Name, e))).OrderBy(p => p.e.Date))
        {
            table.Add(Escape(Date(ev.Date)), Cell(lane), LinkCell(ev.Label, ev.Href));
        }
        return new HtmlString(fig.Render(table));
    }

    /// <summary>A capability (XmR) chart: values with centre line and natural process limits per phase, signals marked by colour and shape.</summary>
    public static IHtmlContent Capability(CapabilityChartData chart)
    {
        var fig = new ChartFigure(chart, "capability");
        var points = chart.Points.Where(p => double.IsFinite(p.Value)).ToList();
        if (points.Count == 0)
        {
            return new HtmlString(fig.RenderEmpty());
        }
        var height = fig.Height = 440;
        var bottom = height - 60;
        var top = Top + 22;
        var values = points.SelectMany(p => new double?[] { p.Value, p.Centre, p.Lower, p.Upper }).Where(v => v is double d && double.IsFinite(d)).Select(v => v!.Value);
        var y = Scale.Nice(values, bottom, top, includeZero: false);
        var left = Math.Max(48, AxisLabelWidth(y, chart.Format));
        var right = Width - 24;
        var step = (right - left - 16) / Math.Max(1, points.Count);
        double X(int i) => left + 8 + (step * (i + 0.5));
        fig.ValueAxis(y, left, right, chart.Format);
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 7.0));
        for (var i = 0; i < points.Count; i += every)
        {
            DateTick(fig, X(i), bottom, Escape(Date(points[i].Label)));
        }
        AxisTitles(fig, left, right, bottom, chart.ValueLabel, Resources.ChartText.Date);

        string PhaseName(int phase) => phase >= 0 && phase < chart.Phases.Count ? chart.Phases[phase].Name : Resources.Text.Format(Resources.ChartText.PhaseNumber, phase + 1);
        var phaseStarts = new List<int>();
        for (var i = 0; i < points.Count; i++)
        {
            if (i == 0 || points[i].Phase != points[i - 1].Phase)
            {
                phaseStarts.Add(i);
            }
        }
        for (var k = 0; k < phaseStarts.Count; k++)
        {
            var start = phaseStarts[k];
            var end = k + 1 < phaseStarts.Count ? phaseStarts[k + 1] - 1 : points.Count - 1;
            var x0 = X(start) - (step / 2);
            fig.Svg.Append($"<g class=\"lf-chart__phase\" data-phase=\"{points[start].Phase}\">");
            LimitLine(fig, points, start, end, p => p.Centre, X, step, y, Ink, "", "lf-chart__centre");
            LimitLine(fig, points, start, end, p => p.Upper, X, step, y, Palette[1], "7 5", "lf-chart__limit");
            LimitLine(fig, points, start, end, p => p.Lower, X, step, y, Palette[1], "7 5", "lf-chart__limit");
            if (k > 0)
            {
                fig.Svg.Append($"<line class=\"lf-chart__phase-change\" x1=\"{N(x0)}\" y1=\"{N(top - 20)}\" x2=\"{N(x0)}\" y2=\"{N(bottom)}\" stroke=\"{Secondary}\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>");
            }
            // Labels alternate between two rows so neighbouring phases do not overlap.
            var label = Resources.Text.Format(Resources.ChartText.PhaseFrom, PhaseName(points[start].Phase), Date(points[start].Label));
            // A label may run on until the next label on its own row (two phases on).
            var roomEnd = k + 2 < phaseStarts.Count ? X(phaseStarts[k + 2]) - (step / 2) : right;
            // A long label near the right edge is pulled left rather than cut.
            var labelX = Math.Max(left, Math.Min(x0 + 4, roomEnd - TextWidth(label, FontSize)));
            var maxChars = (int)Math.Max(6, (roomEnd - labelX) / (FontSize * 0.58));
            fig.Text(labelX, top - 24 + (k % 2 * 18), Isolate(Wrap(label, maxChars, 1)[0]), "start", "lf-chart__phase-label");
            fig.Svg.Append("</g>");
        }

        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            path.Append(i == 0 ? 'M' : 'L').Append(N(X(i))).Append(' ').Append(N(y.Map(points[i].Value)));
        }
        fig.Svg.Append($"<path class=\"lf-chart__line\" d=\"{path}\" fill=\"none\" stroke=\"{Palette[0]}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var (shape, colour, size) = SignalMark(p.Signal);
            var signal = p.Signal == SignalClassification.None ? "" : Resources.Text.Format(Resources.ChartText.SignalMarker, SignalName(p.Signal).ToLowerInvariant());
            fig.Svg.Append(Marker(shape, X(i), y.Map(p.Value), size, colour, $"{Date(p.Label)}: {Value(p.Value, chart.Format)}{signal}"));
        }
        fig.Legend.Add(new LegendItem(chart.ValueLabel, LineSample(Palette[0], "", 0)));
        fig.Legend.Add(new LegendItem(Resources.ChartText.CentreLineAverage, LineSample(Ink, "", null)));
        fig.Legend.Add(new LegendItem(Resources.ChartText.NaturalLimits, LineSample(Palette[1], "7 5", null)));
        foreach (var s in new[] { SignalClassification.Improvement, SignalClassification.Concern, SignalClassification.Neutral })
        {
            if (points.Any(p => p.Signal == s))
            {
                var (shape, colour, size) = SignalMark(s);
                fig.Legend.Add(new LegendItem(Resources.Text.Format(Resources.ChartText.SignalLegend, SignalName(s).ToLowerInvariant()), $"<rect width=\"40\" height=\"20\" fill=\"#ffffff\"/>{Marker(shape, 20, 10, size, colour)}"));
            }
        }
        var signals = points.Count(p => p.Signal != SignalClassification.None);
        fig.Summary = Resources.Text.Format(Resources.ChartText.CapabilitySummary, Count(points.Count), Date(points[0].Label), Date(points[^1].Label),
            Resources.Text.Format(phaseStarts.Count == 1 ? Resources.ChartText.PhaseOne : Resources.ChartText.PhaseMany, Count(phaseStarts.Count)),
            Resources.Text.Format(signals == 1 ? Resources.ChartText.PointOne : Resources.ChartText.PointMany, Count(signals)));

        var table = new ChartTable(Resources.ChartText.Date, chart.ValueLabel, Resources.ChartText.CentreLine, Resources.ChartText.LowerLimit, Resources.ChartText.UpperLimit, Resources.ChartText.Signal, Resources.ChartText.Phase).Numeric(1, 2, 3, 4);
        foreach (var p in points)
        {
            table.Add(Escape(Date(p.Label)), Escape(Value(p.Value, chart.Format)), Escape(Value(p.Centre, chart.Format)),
                p.Lower is double lo ? Escape(Value(lo, chart.Format)) : Escape(Resources.ChartText.NoLimit), p.Upper is double up ? Escape(Value(up, chart.Format)) : Escape(Resources.ChartText.NoLimit),
                Escape(SignalName(p.Signal)), Cell(PhaseName(p.Phase)));
        }
        return new HtmlString(fig.Render(table));
    }

    /// <summary>Cumulative cost over time as a step line, with what mattered as a second step line or a reference line.</summary>
    public static IHtmlContent CumulativeCost(CostCurveChart chart)
    {
        var fig = new ChartFigure(chart with { Format = ValueFormat.Pounds }, "cost");
        var costs = chart.Costs.OrderBy(c => c.Date).ToList();
        var comparison = chart.Comparison?.OrderBy(c => c.Date).ToList() ?? [];
        if (costs.Count == 0 && comparison.Count == 0)
        {
            return new HtmlString(fig.RenderEmpty());
        }
        var mainSteps = Cumulate(costs);
        var otherSteps = Cumulate(comparison);
        var dates = costs.Concat(comparison).Select(c => c.Date).ToList();
        var (from, to) = DateTicks.Range(dates.Min(), dates.Max());
        var height = fig.Height = 420;
        var bottom = height - 60;
        var amounts = mainSteps.Select(s => (double)s.Total).Concat(otherSteps.Select(s => (double)s.Total));
        if (chart.Comparison is null && chart.ReferenceAmount is decimal r)
        {
            amounts = amounts.Append((double)r);
        }
        var y = Scale.Nice(amounts, bottom, Top, includeZero: true);
        var left = Math.Max(48, AxisLabelWidth(y, ValueFormat.Pounds));
        var right = Width - 24;
        var x = Scale.Fixed(from.DayNumber, to.DayNumber, left + 8, right - 8, []);
        fig.ValueAxis(y, left, right, ValueFormat.Pounds);
        foreach (var (date, label) in DateTicks.For(from, to))
        {
            DateTick(fig, x.Map(date.DayNumber), bottom, label);
        }
        AxisTitles(fig, left, right, bottom, Resources.ChartText.CumulativeCost, Resources.ChartText.Date);
        StepLine(fig, mainSteps, x, y, to, Palette[0], "", 0, chart.CostsName);
        fig.Legend.Add(new LegendItem(chart.CostsName, LineSample(Palette[0], "", 0)));
        if (chart.Comparison is not null)
        {
            StepLine(fig, otherSteps, x, y, to, Palette[1], Dashes[1], 1, chart.ComparisonName);
            fig.Legend.Add(new LegendItem(chart.ComparisonName, LineSample(Palette[1], Dashes[1], 1)));
        }
        else if (chart.ReferenceAmount is decimal reference)
        {
            var ry = y.Map((double)reference);
            fig.Svg.Append($"<line class=\"lf-chart__reference\" x1=\"{N(left)}\" y1=\"{N(ry)}\" x2=\"{N(right)}\" y2=\"{N(ry)}\" stroke=\"{Palette[1]}\" stroke-width=\"3\" stroke-dasharray=\"{Dashes[1]}\"/>");
            fig.Text(left + 8, ry - 8, Isolate($"{chart.ComparisonName}: {Pounds(reference)}"), "start", "lf-chart__reference-label", extra: " paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\"");
            fig.Legend.Add(new LegendItem(chart.ComparisonName, LineSample(Palette[1], Dashes[1], null)));
        }
        var done = mainSteps.Count == 0 ? 0 : mainSteps[^1].Total;
        var mattered = chart.Comparison is not null ? (otherSteps.Count == 0 ? 0 : otherSteps[^1].Total) : chart.ReferenceAmount;
        fig.Summary = $"{chart.CostsName}: {Pounds(done)} by {Date(to)}" + (mattered is decimal m ? $"; {chart.ComparisonName.ToLowerInvariant()}: {Pounds(m)}." : ".");

        var table = new ChartTable(Resources.ChartText.Date, Resources.ChartText.Series, Resources.ChartText.Item, Resources.ChartText.Amount, Resources.ChartText.Cumulative).Numeric(3, 4);
        foreach (var (series, steps) in new[] { (chart.CostsName, mainSteps), (chart.ComparisonName, otherSteps) })
        {
            foreach (var s in steps)
            {
                table.Add(Escape(Date(s.Item.Date)), Cell(series), Cell(s.Item.Label), Escape(Pounds(s.Item.Amount)), Escape(Pounds(s.Total)));
            }
        }
        if (chart.Comparison is null && chart.ReferenceAmount is decimal refAmount)
        {
            table.Add("", Cell(chart.ComparisonName), "", Escape(Pounds(refAmount)), Escape(Pounds(refAmount)));
        }
        return new HtmlString(fig.Render(table));
    }

    private static void DateTick(ChartFigure fig, double x, double bottom, string escapedLabel)
    {
        fig.Svg.Append($"<line x1=\"{N(x)}\" y1=\"{N(bottom)}\" x2=\"{N(x)}\" y2=\"{N(bottom + 6)}\" stroke=\"{Ink}\" stroke-width=\"1\"/>");
        fig.Text(x, bottom + 24, escapedLabel, "middle", "lf-chart__tick");
    }

    private static void AxisTitles(ChartFigure fig, double left, double right, double bottom, string? valueLabel, string? xLabel)
    {
        fig.Svg.Append($"<line x1=\"{N(left)}\" y1=\"{N(bottom)}\" x2=\"{N(right)}\" y2=\"{N(bottom)}\" stroke=\"{Ink}\" stroke-width=\"1.5\"/>");
        if (valueLabel is not null)
        {
            fig.Text(8, 20, Isolate(valueLabel), "start", "lf-chart__axis-title", extra: " font-weight=\"700\"");
        }
        if (xLabel is not null)
        {
            fig.Text((left + right) / 2, bottom + 50, Isolate(xLabel), "middle", "lf-chart__axis-title", extra: " font-weight=\"700\"");
        }
    }

    /// <summary>Where vertical bars go: the plot's left and right, each bar's slot and how many characters fit under it.</summary>
    private static (double Left, double Right, double Slot, int SlotChars) VerticalLayout(List<BarValue> bars, ValueFormat format, bool pareto)
    {
        var right = Width - (pareto ? 64 : 24);
        var left = Math.Max(48, AxisLabelWidth(Scale.Nice(bars.Select(b => b.Value), 0, 0, includeZero: true), format));
        var slot = (right - left) / bars.Count;
        return (left, right, slot, (int)((slot - 6) / (FontSize * 0.58)));
    }

    /// <summary>Whether every bar's name fits under it on at most three lines, broken only between words (at most ten bars).</summary>
    private static bool NamesFitUnderBars(List<BarValue> bars, ValueFormat format, bool pareto)
    {
        var slotChars = VerticalLayout(bars, format, pareto).SlotChars;
        return bars.Count <= 10 && bars.All(b => Fits(b.Label ?? "", slotChars, 3));
    }

    private static void VerticalBars(ChartFigure fig, List<BarValue> bars, ValueFormat format, string valueLabel, double[]? cumulative)
    {
        var (left, right, slot, slotChars) = VerticalLayout(bars, format, cumulative is not null);
        var wrapped = bars.Select(b => Wrap(b.Label ?? "", slotChars, 3)).ToList();
        var bottomSpace = 30 + (wrapped.Max(w => w.Count) * 18);
        var height = fig.Height = 300 + bottomSpace + Top;
        var bottom = height - bottomSpace;
        var y = Scale.Nice(bars.Select(b => b.Value), bottom, Top, includeZero: true);
        fig.ValueAxis(y, left, right, format);
        fig.Text(8, 20, Isolate(valueLabel), "start", "lf-chart__axis-title", extra: " font-weight=\"700\"");
        var zero = y.Map(0);
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var x = left + (slot * i) + (slot * 0.15);
            var w = slot * 0.7;
            var vy = y.Map(b.Value);
            var (top, h) = b.Value >= 0 ? (vy, zero - vy) : (zero, vy - zero);
            var tooltip = $"{b.Label}: {Value(b.Value, format)}";
            BarRect(fig, b.Href, x, top, w, Math.Max(h, 0.5), tooltip);
            if (w >= TextWidth(Value(b.Value, format), 14))
            {
                var ly = b.Value >= 0 ? top - 6 : top + h + 16;
                fig.Text(x + (w / 2), ly, Escape(Value(b.Value, format)), "middle", "lf-chart__bar-value", 14);
            }
            var lines = wrapped[i];
            for (var k = 0; k < lines.Count; k++)
            {
                fig.Text(x + (w / 2), bottom + 22 + (k * 18), Isolate(lines[k]), "middle", "lf-chart__tick lf-chart__category", extra: $" data-bar=\"{i}\"");
            }
        }
        fig.Svg.Append($"<line x1=\"{N(left)}\" y1=\"{N(zero)}\" x2=\"{N(right)}\" y2=\"{N(zero)}\" stroke=\"{Ink}\" stroke-width=\"1.5\"/>");
        if (cumulative is not null)
        {
            var pct = Scale.Fixed(0, 100, bottom, Top, [0, 20, 40, 60, 80, 100]);
            foreach (var t in pct.Ticks)
            {
                fig.Text(right + 8, pct.Map(t) + 5, Escape(Value(t, ValueFormat.Percent)), "start", "lf-chart__tick");
            }
            fig.Svg.Append($"<line x1=\"{N(right)}\" y1=\"{N(Top)}\" x2=\"{N(right)}\" y2=\"{N(bottom)}\" stroke=\"{Ink}\" stroke-width=\"1\"/>");
            CumulativeLine(fig, bars, cumulative, i => left + (slot * (i + 0.5)), i => pct.Map(cumulative[i]));
        }
    }

    private static void HorizontalBars(ChartFigure fig, List<BarValue> bars, ValueFormat format, string valueLabel, double[]? cumulative)
    {
        const int labelChars = 26;
        var wrapped = bars.Select(b => Wrap(b.Label ?? "", labelChars, 3)).ToList();
        var rowHeight = Math.Max(44, (wrapped.Max(w => w.Count) * 18) + 14);
        var left = 16 + wrapped.Max(w => w.Max(l => TextWidth(l, FontSize)));
        // A Pareto's cumulative share has a column of its own on the right, so its line never crosses a name or a value.
        var panel = cumulative is null ? 0 : 160;
        var valueSpace = bars.Max(b => TextWidth(Value(b.Value, format), FontSize)) + 12;
        var right = Width - panel - valueSpace;
        var top = Top;
        var bottom = top + (rowHeight * bars.Count);
        fig.Height = bottom + 40;
        var x = Scale.Nice(bars.Select(b => b.Value), left, right, includeZero: true);
        foreach (var t in x.Ticks)
        {
            var tx = x.Map(t);
            fig.Svg.Append($"<line class=\"lf-chart__grid\" x1=\"{N(tx)}\" y1=\"{N(top)}\" x2=\"{N(tx)}\" y2=\"{N(bottom)}\" stroke=\"{(t == 0 ? Ink : Grid)}\" stroke-width=\"1\"/>");
            fig.Text(tx, bottom + 24, Escape(Value(t, format)), "middle", "lf-chart__tick");
        }
        fig.Text(8, 20, Isolate(valueLabel), "start", "lf-chart__axis-title", extra: " font-weight=\"700\"");
        var zero = x.Map(0);
        double RowMiddle(int i) => top + (rowHeight * i) + (rowHeight / 2.0);
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var vx = x.Map(b.Value);
            var (bx, w) = b.Value >= 0 ? (zero, vx - zero) : (vx, zero - vx);
            BarRect(fig, b.Href, bx, RowMiddle(i) - 14, Math.Max(w, 0.5), 28, $"{b.Label}: {Value(b.Value, format)}");
            var valueX = b.Value >= 0 ? bx + w + 6 : bx - 6;
            fig.Text(valueX, RowMiddle(i) + 5, Escape(Value(b.Value, format)), b.Value >= 0 ? "start" : "end", "lf-chart__bar-value");
            var lines = wrapped[i];
            for (var k = 0; k < lines.Count; k++)
            {
                var ly = RowMiddle(i) + 5 + ((k - ((lines.Count - 1) / 2.0)) * 18);
                fig.Text(Math.Min(left, zero) - 8, ly, Isolate(lines[k]), "end", "lf-chart__tick lf-chart__category", extra: $" data-bar=\"{i}\"");
            }
        }
        if (cumulative is not null)
        {
            var pct = Scale.Fixed(0, 100, Width - panel + 24, Width - 28, [0, 50, 100]);
            foreach (var t in new[] { 0.0, 25, 50, 75, 100 })
            {
                var tx = pct.Map(t);
                fig.Svg.Append($"<line class=\"lf-chart__grid\" x1=\"{N(tx)}\" y1=\"{N(top)}\" x2=\"{N(tx)}\" y2=\"{N(bottom)}\" stroke=\"{(t == 0 ? Ink : Grid)}\" stroke-width=\"1\"/>");
            }
            foreach (var t in pct.Ticks)
            {
                fig.Text(pct.Map(t), bottom + 24, Escape(Value(t, ValueFormat.Percent)), "middle", "lf-chart__tick");
            }
            fig.Text(Width - 8, 20, Escape(Resources.ChartText.CumulativeShare), "end", "lf-chart__axis-title", extra: " font-weight=\"700\"");
            CumulativeLine(fig, bars, cumulative, i => pct.Map(cumulative[i]), RowMiddle);
        }
    }

    /// <summary>A Pareto's cumulative percentage: a dashed line with a square at each category.</summary>
    private static void CumulativeLine(ChartFigure fig, List<BarValue> bars, double[] cumulative, Func<int, double> x, Func<int, double> y)
    {
        var path = new StringBuilder();
        for (var i = 0; i < bars.Count; i++)
        {
            path.Append(i == 0 ? 'M' : 'L').Append(N(x(i))).Append(' ').Append(N(y(i)));
        }
        fig.Svg.Append($"<path class=\"lf-chart__cumulative\" d=\"{path}\" fill=\"none\" stroke=\"{Palette[1]}\" stroke-width=\"3\"{DashAttr(Dashes[1])}/>");
        for (var i = 0; i < bars.Count; i++)
        {
            fig.Svg.Append(Marker(1, x(i), y(i), 5, Palette[1], $"{bars[i].Label}: cumulative {Value(Math.Round(cumulative[i], 1), ValueFormat.Percent)}"));
        }
    }

    private static void BarRect(ChartFigure fig, string? href, double x, double y, double w, double h, string tooltip)
    {
        var rect = $"<rect class=\"lf-chart__bar\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{Palette[0]}\" stroke=\"{Ink}\" stroke-width=\"1\"><title>{Isolate(tooltip)}</title></rect>";
        if (SafeHref(href) is string safe)
        {
            fig.HasLinks = true;
            fig.Svg.Append($"<a class=\"lf-chart__link\" href=\"{safe}\" aria-label=\"{Escape(tooltip)}\"><rect class=\"lf-chart__focus-ring\" x=\"{N(x - 4)}\" y=\"{N(y - 4)}\" width=\"{N(w + 8)}\" height=\"{N(h + 8)}\"/>{rect}</a>");
        }
        else
        {
            fig.Svg.Append(rect);
        }
    }

    private static void LimitLine(ChartFigure fig, List<CapabilityPoint> points, int start, int end, Func<CapabilityPoint, double?> value, Func<int, double> x, double step, Scale y, string colour, string dash, string cssClass)
    {
        var path = new StringBuilder();
        var open = false;
        for (var i = start; i <= end; i++)
        {
            if (value(points[i]) is double v && double.IsFinite(v))
            {
                // A flat step across the point's slot, so limits step at phase changes rather than slope.
                path.Append(open ? 'L' : 'M').Append(N(x(i) - (step / 2))).Append(' ').Append(N(y.Map(v)));
                path.Append('L').Append(N(x(i) + (step / 2))).Append(' ').Append(N(y.Map(v)));
                open = true;
            }
            else
            {
                open = false;
            }
        }
        if (path.Length > 0)
        {
            fig.Svg.Append($"<path class=\"{cssClass}\" d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{DashAttr(dash)}/>");
        }
    }

    private static (int Shape, string Colour, double Size) SignalMark(SignalClassification signal) => signal switch
    {
        SignalClassification.Improvement => (3, Palette[2], 8),
        SignalClassification.Concern => (1, Palette[1], 7.5),
        SignalClassification.Neutral => (2, Palette[4], 8),
        _ => (0, Palette[0], 4.5),
    };

    /// <summary>A signal's name in the request's language (the capability chart's key, marks and table).</summary>
    private static string SignalName(SignalClassification signal) => signal switch
    {
        SignalClassification.Improvement => Resources.ChartText.SignalImprovement,
        SignalClassification.Concern => Resources.ChartText.SignalConcern,
        SignalClassification.Neutral => Resources.ChartText.SignalNeutral,
        _ => Resources.ChartText.SignalNone,
    };

    // the running total is the engine's (CostCurve.Cumulate): one definition of a cumulative cost
    private static List<(CostItem Item, decimal Total)> Cumulate(List<CostItem> items)
        => [.. LocalFlow.Analytics.Flow.CostCurve.Cumulate([.. items.Select((c, i) => (new DateTimeOffset(c.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), c.Amount, i))])
            .Select(s => (items[s.Source], s.Total))];

    private static void StepLine(ChartFigure fig, List<(CostItem Item, decimal Total)> steps, Scale x, Scale y, DateOnly to, string colour, string dash, int shape, string name)
    {
        if (steps.Count == 0)
        {
            return;
        }
        var path = new StringBuilder();
        var previous = y.Map(0);
        path.Append('M').Append(N(x.Map(steps[0].Item.Date.DayNumber))).Append(' ').Append(N(previous));
        foreach (var (item, total) in steps)
        {
            var sx = N(x.Map(item.Date.DayNumber));
            path.Append('L').Append(sx).Append(' ').Append(N(previous));
            previous = y.Map((double)total);
            path.Append('L').Append(sx).Append(' ').Append(N(previous));
        }
        path.Append('L').Append(N(x.Map(to.DayNumber))).Append(' ').Append(N(previous));
        fig.Svg.Append($"<g class=\"lf-chart__series\"><path class=\"lf-chart__line\" d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"3\"{DashAttr(dash)}/>");
        // Markers only where they stay readable; the table holds every item.
        if (steps.Count <= 80)
        {
            foreach (var (item, total) in steps)
            {
                fig.Svg.Append(Marker(shape, x.Map(item.Date.DayNumber), y.Map((double)total), 4.5, colour, $"{name}: {item.Label}, {Date(item.Date)}, {Pounds(item.Amount)} (total {Pounds(total)})"));
            }
        }
        fig.Svg.Append("</g>");
    }

    private static string XText(LinePoint p) => p.Date is DateOnly d ? Date(d) : Value(p.X, ValueFormat.Number);
}
