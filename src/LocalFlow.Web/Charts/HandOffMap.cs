using System.Text;
using Microsoft.AspNetCore.Html;
using static LocalFlow.Web.Charts.ChartFigure;
using static LocalFlow.Web.Charts.ChartText;
using W = LocalFlow.Web.Resources.ChartText;

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
        // Room for the places' names at the sides (two lines of about 14 characters) and above and below.
        var radius = (Width / 2) - 160;
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
            var lines = Wrap(n, 14, 2);
            var w = lines.Max(l => TextWidth(l, 15));
            var lx = nx + (cos * 22);
            // A name is kept inside the canvas.
            lx = anchor == "start" ? Math.Min(lx, Width - 2 - w) : anchor == "end" ? Math.Max(lx, 2 + w) : Math.Clamp(lx, 2 + (w / 2), Width - 2 - (w / 2));
            var ly = ny + (Math.Sin(angle) * 28) + 5 - ((lines.Count - 1) * 8);
            var left = anchor == "middle" ? lx - (w / 2) : anchor == "start" ? lx : lx - w;
            return (Lines: lines, X: lx, Y: ly, Anchor: anchor, Box: (X: left, Y: ly - 14, W: w, H: (lines.Count * 17.0) + 2), Out: Math.Sin(angle) < 0 ? -1 : 1);
        }).ToList();
        // A name that would touch one already placed moves away from the centre, a line at a time.
        for (var i = 1; i < nodeLabels.Count; i++)
        {
            var l = nodeLabels[i];
            for (var tries = 0; tries < 6 && nodeLabels.Take(i).Any(o => Overlap(o.Box, l.Box) > 0); tries++)
            {
                l = l with { Y = l.Y + (l.Out * 17), Box = l.Box with { Y = l.Box.Y + (l.Out * 17) } };
            }
            nodeLabels[i] = l;
        }
        height = Math.Max(height, nodeLabels.Max(l => l.Box.Y + l.Box.H) + 4);
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
            var text = h.MedianWait is TimeSpan lw ? $"{Count(h.Count)} · {ShortWait(lw)}" : Count(h.Count);
            var (bw, bh) = (TextWidth(text, 13) + 6, 17.0);
            var (lx, ly, leader) = PlaceLabel(curves[h], bw, bh, taken, height);
            taken.Add((lx - (bw / 2), ly - (bh / 2), bw, bh));
            height = Math.Max(height, ly + bh);
            if (leader is (double ax, double ay))
            {
                // Where no free spot was found on the arrow, the label sits nearby with a thin line to its arrow.
                labels.Append($"<line class=\"lf-chart__leader\" x1=\"{N(lx)}\" y1=\"{N(ly)}\" x2=\"{N(ax)}\" y2=\"{N(ay)}\" stroke=\"{Secondary}\" stroke-width=\"1\" stroke-dasharray=\"2 2\"/>");
            }
            labels.Append($"<text class=\"lf-chart__handoff-label\" x=\"{N(lx)}\" y=\"{N(ly + 5)}\" font-size=\"13\" font-weight=\"700\" text-anchor=\"middle\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\" fill=\"{Ink}\">{Escape(text)}</text>");
        }
        fig.Height = height;
        fig.Svg.Append(labels);
        for (var i = 0; i < nodes.Count; i++)
        {
            var (nx, ny, _) = position[nodes[i]];
            fig.Svg.Append($"<circle class=\"lf-chart__node\" cx=\"{N(nx)}\" cy=\"{N(ny)}\" r=\"12\" fill=\"{NodeColours[i % NodeColours.Length]}\" stroke=\"{Ink}\" stroke-width=\"2\"><title>{Isolate(nodes[i])}</title></circle>");
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
            ? new ChartTable(W.From, W.To, W.HandOffs, W.People, W.MedianWait).Numeric(2, 3, 4)
            : new ChartTable(W.From, W.To, W.HandOffs, W.MedianWait).Numeric(2, 3);
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

    private static readonly double[] LabelPoints = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85];
    private static readonly double[] LabelShifts = [0, 10, -10, 20, -20];

    /// <summary>
    /// The places' colours: the Okabe–Ito palette, then Paul Tol's muted scheme, so that the thirteen agencies of a
    /// locality all differ. Colour is never the only cue: every place is named beside its circle.
    /// </summary>
    private static readonly string[] NodeColours =
        [.. Palette, "#332288", "#882255", "#117733", "#999933", "#44AA99", "#88CCEE", "#DDCC77", "#AA4499", "#CC6677"];

    /// <summary>
    /// Where an arrow's label goes: the first point along the arrow (or just beside it) where it overlaps nothing
    /// already placed; failing that, the nearest free spot round the arrow's middle, with a leader line back to it;
    /// failing that, a new row below the map. Labels never overlap each other or a place's name.
    /// </summary>
    private static (double X, double Y, (double X, double Y)? Leader) PlaceLabel(
        (double Sx, double Sy, double Mx, double My, double Ex, double Ey) c, double bw, double bh,
        List<(double X, double Y, double W, double H)> taken, double height)
    {
        bool Free(double x, double y) =>
            x - (bw / 2) >= 2 && x + (bw / 2) <= Width - 2 && y - (bh / 2) >= 2 && y + (bh / 2) <= height - 2
            && taken.All(r => Overlap(r, (x - (bw / 2), y - (bh / 2), bw, bh)) == 0);
        (double X, double Y) At(double t) =>
            (((1 - t) * (1 - t) * c.Sx) + (2 * (1 - t) * t * c.Mx) + (t * t * c.Ex), ((1 - t) * (1 - t) * c.Sy) + (2 * (1 - t) * t * c.My) + (t * t * c.Ey));
        var (dx, dy) = (c.Ex - c.Sx, c.Ey - c.Sy);
        var length = Math.Max(1, Math.Sqrt((dx * dx) + (dy * dy)));
        var (nx, ny) = (-dy / length, dx / length);
        foreach (var shift in LabelShifts)
        {
            foreach (var t in LabelPoints)
            {
                var (px, py) = At(t);
                if (Free(px + (nx * shift), py + (ny * shift)))
                {
                    return (px + (nx * shift), py + (ny * shift), null);
                }
            }
        }
        var middle = At(0.5);
        for (var r = 24.0; r <= 360; r += 8)
        {
            var steps = (int)Math.Ceiling(2 * Math.PI * r / 10);
            for (var k = 0; k < steps; k++)
            {
                var a = 2 * Math.PI * k / steps;
                var (px, py) = (middle.X + (r * Math.Cos(a)), middle.Y + (r * Math.Sin(a)));
                if (Free(px, py))
                {
                    return (px, py, middle);
                }
            }
        }
        // A new row below everything placed so far.
        var below = taken.Max(b => b.Y + b.H) + 4 + (bh / 2);
        return (Math.Clamp(middle.X, 4 + (bw / 2), Width - 4 - (bw / 2)), below, middle);
    }

    private static double Overlap((double X, double Y, double W, double H) a, (double X, double Y, double W, double H) b)
        => Math.Max(0, Math.Min(a.X + a.W, b.X + b.W) - Math.Max(a.X, b.X)) * Math.Max(0, Math.Min(a.Y + a.H, b.Y + b.H) - Math.Max(a.Y, b.Y));

    /// <summary>A wait for an arrow's label: "3.5 d", "5 h", "0 h".</summary>
    private static string ShortWait(TimeSpan wait) =>
        wait.TotalDays >= 1
            ? Math.Round(wait.TotalDays, wait.TotalDays < 10 ? 1 : 0).ToString("#,##0.#", System.Globalization.CultureInfo.InvariantCulture) + " d"
            : Math.Round(wait.TotalHours).ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture) + " h";
}
