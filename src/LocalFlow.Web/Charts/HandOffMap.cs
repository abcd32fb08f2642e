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
        // Room for the places' names at the sides (two lines of about 16 characters) and above and below.
        var radius = (Width / 2) - 140;
        var height = fig.Height = (2 * radius) + 150;
        var (cx, cy) = (Width / 2, height / 2);
        var position = new Dictionary<string, (double X, double Y, double Angle)>(StringComparer.Ordinal);
        var step = Step(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            // The busiest places are spread round the circle rather than side by side, where their short
            // arrows and labels would crowd each other.
            var slot = (int)((long)i * step % nodes.Count);
            var angle = (-Math.PI / 2) + (2 * Math.PI * slot / nodes.Count);
            position[nodes[i]] = (cx + (radius * Math.Cos(angle)), cy + (radius * Math.Sin(angle)), angle);
        }
        var max = drawn.Count == 0 ? 1 : drawn.Max(h => h.Count);
        fig.Svg.Append($"<defs><marker id=\"{fig.Id}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10Z\" fill=\"{Secondary}\"/></marker></defs>");
        var labels = new StringBuilder();
        // Labels are placed busiest first, each at the first point along its arrow where it overlaps no label
        // already placed and no place's circle; so that, with a dozen agencies, every label can still be read.
        var nodeLabels = nodes.Select(n =>
        {
            var (nx, ny, angle) = position[n];
            var cos = Math.Cos(angle);
            var anchor = Math.Abs(cos) < 0.3 ? "middle" : cos > 0 ? "start" : "end";
            var lines = Wrap(n, 16, 2);
            var lx = nx + (cos * 22);
            var ly = ny + (Math.Sin(angle) * 28) + 5 - ((lines.Count - 1) * 8);
            var w = lines.Max(l => TextWidth(l, 15));
            var left = anchor == "middle" ? lx - (w / 2) : anchor == "start" ? lx : lx - w;
            return (Lines: lines, X: lx, Y: ly, Anchor: anchor, Box: (X: left, Y: ly - 14, W: w, H: (lines.Count * 17.0) + 2));
        }).ToList();
        var taken = nodes.Select(n => (X: position[n].X - 16, Y: position[n].Y - 16, W: 32.0, H: 32.0)).Concat(nodeLabels.Select(l => l.Box)).ToList();
        var curves = new Dictionary<HandOff, (double Sx, double Sy, double Mx, double My, double Ex, double Ey)>();
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
            curves[h] = (sx, sy, mx, my, ex, ey);
            var width = 1.5 + (7.0 * h.Count / max);
            var wait = h.MedianWait is TimeSpan w ? $", median wait {Wait(w)}" : "";
            var people = h.People is int p ? $", {Count(p)} {(p == 1 ? "person" : "people")}" : "";
            fig.Svg.Append($"<path class=\"lf-chart__handoff\" d=\"M{N(sx)} {N(sy)}Q{N(mx)} {N(my)} {N(ex)} {N(ey)}\" fill=\"none\" stroke=\"{Secondary}\" stroke-opacity=\"0.8\" stroke-width=\"{N(width)}\" marker-end=\"url(#{fig.Id}-arrow)\"><title>{Isolate($"{h.From} to {h.To}: {Count(h.Count)} hand-offs{people}{wait}")}</title></path>");
        }
        foreach (var h in drawn.Where(curves.ContainsKey))
        {
            var (sx, sy, mx, my, ex, ey) = curves[h];
            var text = h.MedianWait is TimeSpan lw ? $"{Count(h.Count)} · {ShortWait(lw)}" : Count(h.Count);
            var (bw, bh) = (TextWidth(text, 13) + 6, 17.0);
            (double X, double Y, double Overlap) best = (0, 0, double.MaxValue);
            foreach (var t in LabelPoints)
            {
                // A point on the quadratic Bézier curve at t.
                var (px, py) = (((1 - t) * (1 - t) * sx) + (2 * (1 - t) * t * mx) + (t * t * ex), ((1 - t) * (1 - t) * sy) + (2 * (1 - t) * t * my) + (t * t * ey));
                var overlap = taken.Sum(r => Overlap(r, (px - (bw / 2), py - (bh / 2), bw, bh)));
                if (overlap < best.Overlap)
                {
                    best = (px, py, overlap);
                }
                if (overlap == 0)
                {
                    break;
                }
            }
            taken.Add((best.X - (bw / 2), best.Y - (bh / 2), bw, bh));
            labels.Append($"<text class=\"lf-chart__handoff-label\" x=\"{N(best.X)}\" y=\"{N(best.Y + 5)}\" font-size=\"13\" font-weight=\"700\" text-anchor=\"middle\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\" fill=\"{Ink}\">{Escape(text)}</text>");
        }
        fig.Svg.Append(labels);
        for (var i = 0; i < nodes.Count; i++)
        {
            var (nx, ny, _) = position[nodes[i]];
            fig.Svg.Append($"<circle class=\"lf-chart__node\" cx=\"{N(nx)}\" cy=\"{N(ny)}\" r=\"12\" fill=\"{Palette[i % Palette.Length]}\" stroke=\"{Ink}\" stroke-width=\"2\"><title>{Isolate(nodes[i])}</title></circle>");
            var label = nodeLabels[i];
            for (var k = 0; k < label.Lines.Count; k++)
            {
                fig.Text(label.X, label.Y + (k * 17), Isolate(label.Lines[k]), label.Anchor, "lf-chart__node-label", 15, " font-weight=\"700\"");
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

    /// <summary>How many slots round the circle each next place moves: about two fifths of the way round, never sharing a factor with the count (so every slot is used once).</summary>
    private static int Step(int n)
    {
        if (n < 5)
        {
            return 1;
        }
        var step = (int)Math.Round(n * 0.4);
        while (GreatestCommonDivisor(step, n) != 1)
        {
            step++;
        }
        return step;
    }

    private static int GreatestCommonDivisor(int a, int b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);

    private static readonly double[] LabelPoints = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

    private static double Overlap((double X, double Y, double W, double H) a, (double X, double Y, double W, double H) b)
        => Math.Max(0, Math.Min(a.X + a.W, b.X + b.W) - Math.Max(a.X, b.X)) * Math.Max(0, Math.Min(a.Y + a.H, b.Y + b.H) - Math.Max(a.Y, b.Y));

    /// <summary>A wait for an arrow's label: "3.5 d", "5 h", "0 h".</summary>
    private static string ShortWait(TimeSpan wait) =>
        wait.TotalDays >= 1
            ? Math.Round(wait.TotalDays, wait.TotalDays < 10 ? 1 : 0).ToString("#,##0.#", System.Globalization.CultureInfo.InvariantCulture) + " d"
            : Math.Round(wait.TotalHours).ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture) + " h";
}
