using Microsoft.AspNetCore.Html;
using static LocalFlow.Web.Charts.ChartFigure;
using static LocalFlow.Web.Charts.ChartText;

namespace LocalFlow.Web.Charts;

public static partial class Charts
{
    /// <summary>
    /// A horizontal waterfall: the start, each step as a bar from the running total before it to the total after
    /// it (rightwards and blue when it adds, leftwards, orange and hatched when it takes away), and the total.
    /// </summary>
    public static IHtmlContent Waterfall(WaterfallChart chart)
    {
        var fig = new ChartFigure(chart, "waterfall");
        const double rowHeight = 36;
        var rows = new List<(string Label, double From, double To, int Kind)> { (chart.StartLabel, 0, chart.Start, 0) };
        var total = chart.Start;
        foreach (var s in chart.Steps)
        {
            rows.Add((s.Label, total, total + s.Amount, s.Amount >= 0 ? 1 : 2));
            total += s.Amount;
        }
        rows.Add((chart.TotalLabel, 0, total, 0));
        var labels = rows.Select(r => Wrap(r.Label, 26, 1)[0]).ToList();
        var left = 16 + (labels.Max(l => l.Length) * FontSize * 0.58);
        var right = Width - 70;
        var top = 44.0;
        var bottom = top + (rowHeight * rows.Count);
        fig.Height = bottom + 40;
        var values = rows.SelectMany(r => new[] { r.From, r.To }).ToList();
        if (chart.Reference is { } reference)
        {
            values.Add(reference.Value);
        }
        var x = Scale.Nice(values, left, right, includeZero: true);
        foreach (var t in x.Ticks)
        {
            var tx = x.Map(t);
            fig.Svg.Append($"<line class=\"lf-chart__grid\" x1=\"{N(tx)}\" y1=\"{N(top)}\" x2=\"{N(tx)}\" y2=\"{N(bottom)}\" stroke=\"{(t == 0 ? Ink : Grid)}\" stroke-width=\"1\"/>");
            fig.Text(tx, bottom + 24, Escape(Value(t, chart.Format)), "middle", "lf-chart__tick");
        }
        fig.Text(8, 20, Isolate(chart.ValueLabel), "start", "lf-chart__axis-title", extra: " font-weight=\"700\"");
        fig.Svg.Append($"<defs><pattern id=\"{fig.Id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{Palette[1]}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\"/></pattern></defs>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, from, to, kind) = rows[i];
            var y = top + (rowHeight * i);
            var x1 = x.Map(Math.Min(from, to));
            var x2 = x.Map(Math.Max(from, to));
            var fill = kind switch { 0 => Ink, 1 => Palette[0], _ => $"url(#{fig.Id}-hatch)" };
            var amount = kind == 0 ? to : to - from;
            var text = $"{label}: {(kind == 0 ? "" : amount >= 0 ? "+" : "")}{Value(amount, chart.Format)}";
            fig.Svg.Append($"<rect class=\"lf-chart__bar\" x=\"{N(x1)}\" y=\"{N(y + 6)}\" width=\"{N(Math.Max(x2 - x1, 1))}\" height=\"{N(rowHeight - 12)}\" fill=\"{fill}\" stroke=\"{Ink}\" stroke-width=\"1\"><title>{Isolate(text)}</title></rect>");
            if (i > 0 && i < rows.Count - 1)
            {
                // A connector from the previous total to this step's start.
                fig.Svg.Append($"<line x1=\"{N(x.Map(from))}\" y1=\"{N(y - 6)}\" x2=\"{N(x.Map(from))}\" y2=\"{N(y + 6)}\" stroke=\"{Secondary}\" stroke-width=\"1\"/>");
            }
            fig.Text(x2 + 6, y + (rowHeight / 2) + 5, Escape((kind == 0 ? "" : amount >= 0 ? "+" : "") + Value(amount, chart.Format)), "start", "lf-chart__bar-value");
            fig.Text(left - 8, y + (rowHeight / 2) + 5, Isolate(labels[i]), "end", "lf-chart__tick");
        }
        if (chart.Reference is { } r)
        {
            var rx = x.Map(r.Value);
            fig.Svg.Append($"<line x1=\"{N(rx)}\" y1=\"{N(top - 8)}\" x2=\"{N(rx)}\" y2=\"{N(bottom)}\" stroke=\"{Palette[2]}\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>");
            fig.Text(rx, top - 12, Isolate(r.Name), "middle", "lf-chart__tick");
        }
        fig.Summary = $"Starts at {Value(chart.Start, chart.Format)}; {chart.Steps.Count(s => s.Amount > 0)} parts add and {chart.Steps.Count(s => s.Amount < 0)} take away, coming to {Value(total, chart.Format)}.";
        var table = new ChartTable("Part", "Adds or takes away", "Running total", "Compared").Numeric(1, 2);
        table.Add(Escape(chart.StartLabel), Escape(Value(chart.Start, chart.Format)), Escape(Value(chart.Start, chart.Format)), "");
        var running = chart.Start;
        foreach (var s in chart.Steps)
        {
            running += s.Amount;
            table.Add(Escape(s.Label), Escape((s.Amount >= 0 ? "+" : "") + Value(s.Amount, chart.Format)), Escape(Value(running, chart.Format)), Escape(s.Note));
        }
        table.Add(Escape(chart.TotalLabel), "", Escape(Value(total, chart.Format)), "");
        return new HtmlString(fig.Render(table));
    }
}
