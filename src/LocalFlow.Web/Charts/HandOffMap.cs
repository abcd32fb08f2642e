using System.Text;
using Microsoft.AspNetCore.Html;
using static LocalFlow.Web.Charts.ChartFigure;
using static LocalFlow.Web.Charts.ChartText;

namespace LocalFlow.Web.Charts;

/// <summary>Hand-offs from one agency (or team) to another: how many and the median wait between them.</summary>
public sealed record HandOff(string From, string To, int Count, TimeSpan? MedianWait)
{
    /// <summary>How many different people were handed on this way, when known (a column of the table).</summary>
    public int? People { get; init; }
}

/// <summary>A directed map of hand-offs between agencies (or teams) laid out on a circle.</summary>
public sealed record HandOffMapChart(string Title, string Description, IReadOnlyList<HandOff> HandOffs) : ChartSpec(Title, Description)
{
    /// <summary>The order of the agencies round the circle (others follow, busiest first). All of them are drawn, with or without arrows.</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];

    /// <summary>
    /// Draw at most this many arrows, the busiest, so that the map stays readable; the table lists every hand-off.
    /// Places with no arrow drawn are left off the circle unless they are in <see cref="Nodes"/>.
    /// </summary>
    public int MaxArrows { get; init; } = 24;

    /// <summary>What the places are, in the summary: "agencies" or "teams".</summary>
    public string NodesName { get; init; } = "agencies";
}

public static partial class Charts
{
    /// <summary>
    /// A directed map of hand-offs on a circle: each arrow's thickness by its count, labelled with the count and the
    /// median wait, A→B and B→A bent apart. Places keep the order given, then busiest first, starting at the top.
    /// </summary>
    public static IHtmlContent HandOffMap(HandOffMapChart chart)
    {
        var fig = new ChartFigure(chart, "handoffs");
        var handOffs = chart.HandOffs.Where(h => h.Count > 0).ToList();
        if (handOffs.Count == 0)
        {
            return new HtmlString(fig.RenderEmpty());
        }
        var drawn = handOffs.Where(h => h.From != h.To)
            .OrderByDescending(h => h.Count).ThenBy(h => h.From, StringComparer.Ordinal).ThenBy(h => h.To, StringComparer.Ordinal)
            .Take(Math.Max(0, chart.MaxArrows)).ToList();
        var busy = drawn.SelectMany(h => new[] { (h.From, h.Count), (h.To, h.Count) })
            .GroupBy(p => p.Item1, StringComparer.Ordinal).OrderByDescending(g => g.Sum(p => p.Count)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);
        var nodes = chart.Nodes.Concat(busy).Distinct(StringComparer.Ordinal).ToList();
        var height = fig.Height = nodes.Count > 6 ? 680 : 560;
        var (cx, cy) = (Width / 2, height / 2);
        // Room for the places' names at the sides (two lines of about 16 characters) and above and below.
        var radius = Math.Min((Width / 2) - 140, (height / 2) - 64);
        var position = new Dictionary<string, (double X, double Y, double Angle)>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var angle = (-Math.PI / 2) + (2 * Math.PI * i / nodes.Count);
            position[nodes[i]] = (cx + (radius * Math.Cos(angle)), cy + (radius * Math.Sin(angle)), angle);
        }
        var max = drawn.Count == 0 ? 1 : drawn.Max(h => h.Count);
        fig.Svg.Append($"<defs><marker id=\"{fig.Id}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10Z\" fill=\"{Secondary}\"/></marker></defs>");
        var labels = new StringBuilder();
        // Thin arrows first, so the busiest are drawn on top.
        foreach (var h in drawn.AsEnumerable().Reverse())
        {
            var a = position[h.From];
            var b = position[h.To];
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var length = Math.Sqrt((dx * dx) + (dy * dy));
            if (length < 1)
            {
                continue;
            }
            var (ux, uy) = (dx / length, dy / length);
            // Each arrow bends to its own right, so A→B and B→A are drawn apart.
            var bend = Math.Min(48, length * 0.18);
            var (mx, my) = (((a.X + b.X) / 2) - (uy * bend), ((a.Y + b.Y) / 2) + (ux * bend));
            var (sx, sy) = (a.X + (ux * 14), a.Y + (uy * 14));
            var (ex, ey) = (b.X - (ux * 16), b.Y - (uy * 16));
            var width = 1.5 + (7.0 * h.Count / max);
            var wait = h.MedianWait is TimeSpan w ? $", median wait {Wait(w)}" : "";
            var people = h.People is int p ? $", {Count(p)} {(p == 1 ? "person" : "people")}" : "";
            fig.Svg.Append($"<path class=\"lf-chart__handoff\" d=\"M{N(sx)} {N(sy)}Q{N(mx)} {N(my)} {N(ex)} {N(ey)}\" fill=\"none\" stroke=\"{Secondary}\" stroke-opacity=\"0.8\" stroke-width=\"{N(width)}\" marker-end=\"url(#{fig.Id}-arrow)\"><title>{Isolate($"{h.From} to {h.To}: {Count(h.Count)} hand-offs{people}{wait}")}</title></path>");
            // The label sits on the curve's midpoint (a quadratic Bézier's point at t = ½).
            var (lx, ly) = ((sx / 4) + (mx / 2) + (ex / 4), (sy / 4) + (my / 2) + (ey / 4));
            var text = h.MedianWait is TimeSpan lw ? $"{Count(h.Count)} · {ShortWait(lw)}" : Count(h.Count);
            labels.Append($"<text class=\"lf-chart__handoff-label\" x=\"{N(lx)}\" y=\"{N(ly + 5)}\" font-size=\"13\" font-weight=\"700\" text-anchor=\"middle\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\" fill=\"{Ink}\">{Escape(text)}</text>");
        }
        fig.Svg.Append(labels);
        for (var i = 0; i < nodes.Count; i++)
        {
            var (nx, ny, angle) = position[nodes[i]];
            fig.Svg.Append($"<circle class=\"lf-chart__node\" cx=\"{N(nx)}\" cy=\"{N(ny)}\" r=\"12\" fill=\"{Palette[i % Palette.Length]}\" stroke=\"{Ink}\" stroke-width=\"2\"><title>{Isolate(nodes[i])}</title></circle>");
            var cos = Math.Cos(angle);
            var anchor = Math.Abs(cos) < 0.3 ? "middle" : cos > 0 ? "start" : "end";
            var lines = Wrap(nodes[i], 16, 2);
            var lx = nx + (cos * 22);
            var ly = ny + (Math.Sin(angle) * 28) + 5 - ((lines.Count - 1) * 8);
            for (var k = 0; k < lines.Count; k++)
            {
                fig.Text(lx, ly + (k * 17), Isolate(lines[k]), anchor, "lf-chart__node-label", 15, " font-weight=\"700\"");
            }
        }
        var total = handOffs.Sum(h => (long)h.Count);
        var top = handOffs.MaxBy(h => h.Count)!;
        var shown = drawn.Count < handOffs.Count ? $" The map draws the {Count(drawn.Count)} busiest of {Count(handOffs.Count)}; the table lists them all." : "";
        fig.Summary = $"{Count(total)} hand-offs between {Count(nodes.Count)} {chart.NodesName}; the most, {Count(top.Count)}, from {top.From} to {top.To}. Each arrow is labelled with its count and median wait.{shown}";
        var withPeople = handOffs.Any(h => h.People is not null);
        var table = withPeople
            ? new ChartTable("From", "To", "Hand-offs", "People", "Median wait").Numeric(2, 3, 4)
            : new ChartTable("From", "To", "Hand-offs", "Median wait").Numeric(2, 3);
        foreach (var h in handOffs.OrderByDescending(h => h.Count).ThenBy(h => h.From, StringComparer.Ordinal).ThenBy(h => h.To, StringComparer.Ordinal))
        {
            var waitCell = h.MedianWait is TimeSpan w ? Escape(Wait(w)) : "not known";
            if (withPeople)
            {
                table.Add(Cell(h.From), Cell(h.To), Escape(Count(h.Count)), h.People is int p ? Escape(Count(p)) : "", waitCell);
            }
            else
            {
                table.Add(Cell(h.From), Cell(h.To), Escape(Count(h.Count)), waitCell);
            }
        }
        return new HtmlString(fig.Render(table));
    }

    /// <summary>A wait for an arrow's label: "3.5 d", "5 h", "0 h".</summary>
    private static string ShortWait(TimeSpan wait) =>
        wait.TotalDays >= 1
            ? Math.Round(wait.TotalDays, wait.TotalDays < 10 ? 1 : 0).ToString("#,##0.#", System.Globalization.CultureInfo.InvariantCulture) + " d"
            : Math.Round(wait.TotalHours).ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture) + " h";
}
