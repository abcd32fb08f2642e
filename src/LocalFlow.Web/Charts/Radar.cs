using Microsoft.AspNetCore.Html;
using static LocalFlow.Web.Charts.ChartFigure;
using static LocalFlow.Web.Charts.ChartText;

namespace LocalFlow.Web.Charts;

public static partial class Charts
{
    private const int RadarLabelChars = 20;
    private const int RadarLabelLines = 3;
    private const double RadarLineHeight = 19;

    /// <summary>
    /// A radar (the Wales locality slides' chart of I statements): one spoke per category with its name at the end,
    /// rings at the given values, and one outline per series through the spokes it has a value for, each with its
    /// own colour, dash and marker shape. Spoke names that would touch are moved apart, so none overlap.
    /// </summary>
    public static IHtmlContent Radar(RadarChart chart)
    {
        var fig = new ChartFigure(chart, "radar");
        var outlines = chart.Outlines.Where(o => o.Values.Any(v => v is double d && double.IsFinite(d))).ToList();
        var n = chart.Spokes.Count;
        if (n == 0 || outlines.Count == 0)
        {
            return new HtmlString(fig.RenderEmpty());
        }
        if (outlines.Any(o => o.Values.Count != n))
        {
            throw new ArgumentException("Each outline of a radar chart needs one value (or null) per spoke.", nameof(chart));
        }
        if (!(chart.Max > chart.Min))
        {
            throw new ArgumentException("A radar chart's Max must be above its Min.", nameof(chart));
        }

        const double radius = 150;
        var cx = Width / 2;
        double Angle(int i) => (-Math.PI / 2) + (2 * Math.PI * i / n);
        var cy = 24 + (RadarLabelLines * RadarLineHeight) + 16 + radius;
        var labels = RadarSpokeLabels(chart.Spokes, radius, cx, cy, Angle);
        // Labels moved up to keep clear of each other may need the whole chart lower.
        var offset = Math.Max(0, 8 - labels.Min(l => l.Top));
        cy += offset;
        double R(double v) => Math.Clamp((v - chart.Min) / (chart.Max - chart.Min), 0, 1) * radius;
        (double X, double Y) At(int i, double r) => (cx + (r * Math.Cos(Angle(i))), cy + (r * Math.Sin(Angle(i))));

        // Rings (as polygons through the spokes, or circles when there are too few spokes for a polygon) and spokes.
        foreach (var ring in chart.Rings.Where(r => r > chart.Min && r <= chart.Max))
        {
            var r = R(ring);
            if (n < 3)
            {
                fig.Svg.Append($"<circle class=\"lf-chart__grid\" cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"none\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
            }
            else
            {
                var pts = string.Join(" ", Enumerable.Range(0, n).Select(i => At(i, r)).Select(p => $"{N(p.X)},{N(p.Y)}"));
                fig.Svg.Append($"<polygon class=\"lf-chart__grid\" points=\"{pts}\" fill=\"none\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
            }
        }
        for (var i = 0; i < n; i++)
        {
            var (x, y) = At(i, radius);
            fig.Svg.Append($"<line class=\"lf-chart__grid\" x1=\"{N(cx)}\" y1=\"{N(cy)}\" x2=\"{N(x)}\" y2=\"{N(y)}\" stroke=\"{Secondary}\" stroke-width=\"1\"/>");
        }
        foreach (var ring in chart.Rings.Where(r => r > chart.Min && r <= chart.Max))
        {
            fig.Text(cx + 6, cy - R(ring) + 14, Escape(Value(ring, chart.Format)), "start", "lf-chart__tick", 13);
        }

        foreach (var l in labels)
        {
            for (var k = 0; k < l.Lines.Count; k++)
            {
                fig.Text(l.X, l.Top + offset + (0.75 * FontSize) + (k * RadarLineHeight), Isolate(l.Lines[k]), l.Anchor, "lf-chart__spoke-label", extra: $" data-spoke=\"{l.Spoke}\"");
            }
        }
        fig.Height = Math.Max(cy + radius + 24, labels.Max(l => l.Top + offset + l.H) + 16);

        for (var k = 0; k < outlines.Count; k++)
        {
            var o = outlines[k];
            var colour = Palette[k % Palette.Length];
            var dash = Dashes[k % Dashes.Length];
            var pts = Enumerable.Range(0, n).Where(i => o.Values[i] is double d && double.IsFinite(d)).Select(i => (Spoke: i, P: At(i, R(o.Values[i]!.Value)))).ToList();
            var coords = string.Join(" ", pts.Select(p => $"{N(p.P.X)},{N(p.P.Y)}"));
            fig.Svg.Append($"<g class=\"lf-chart__series\" data-series=\"{k}\">");
            if (pts.Count > 1)
            {
                var shape = pts.Count > 2 ? "polygon" : "polyline";
                if (LowContrast(colour))
                {
                    fig.Svg.Append($"<{shape} points=\"{coords}\" fill=\"none\" stroke=\"{Ink}\" stroke-width=\"5\" stroke-linejoin=\"round\"{DashAttr(dash)}/>");
                }
                fig.Svg.Append($"<{shape} class=\"lf-chart__line\" points=\"{coords}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"3\" stroke-linejoin=\"round\"{DashAttr(dash)}/>");
            }
            foreach (var (spoke, p) in pts)
            {
                fig.Svg.Append(Marker(k, p.X, p.Y, 5.5, colour, $"{o.Name}: {chart.Spokes[spoke]}, {Value(o.Values[spoke]!.Value, chart.Format)}"));
            }
            fig.Svg.Append("</g>");
            fig.Legend.Add(new LegendItem(o.Name, LineSample(colour, dash, k)));
        }

        var valued = outlines.Sum(o => o.Values.Count(v => v is not null));
        fig.Summary = $"{Plural(n, "spoke")} from {Value(chart.Min, chart.Format)} at the centre to {Value(chart.Max, chart.Format)} at the rim; {Plural(outlines.Count, "outline")}: {string.Join(", ", outlines.Select(o => o.Name))}; {Plural(valued, "value")} in all.";
        var table = new ChartTable([chart.SpokeLabel, .. outlines.Select(o => o.Name)]).Numeric([.. Enumerable.Range(1, outlines.Count)]);
        for (var i = 0; i < n; i++)
        {
            table.Add([Cell(chart.Spokes[i]), .. outlines.Select(o => o.Values[i] is double d ? Escape(Value(d, chart.Format)) : "none")]);
        }
        return new HtmlString(fig.Render(table));
    }

    private static string Plural(int count, string one) => LocalFlow.Analytics.Plural.Of(count, one);

    /// <summary>Writes each spoke's name beyond its end, wrapped between words, then moves apart any two that would touch.</summary>
    private static List<RadarLabel> RadarSpokeLabels(IReadOnlyList<string> spokes, double radius, double cx, double cy, Func<int, double> angle)
    {
        var labels = new List<RadarLabel>();
        for (var i = 0; i < spokes.Count; i++)
        {
            var a = angle(i);
            var (cos, sin) = (Math.Cos(a), Math.Sin(a));
            var lines = Wrap(spokes[i], RadarLabelChars, RadarLabelLines);
            var w = lines.Max(l => TextWidth(l, FontSize));
            var h = ((lines.Count - 1) * RadarLineHeight) + FontSize;
            var x = cx + ((radius + 12) * cos);
            var y = cy + ((radius + 12) * sin);
            var anchor = Math.Abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
            var left = anchor switch { "middle" => x - (w / 2), "end" => x - w, _ => x };
            // Above the centre the block ends at the spoke, below it starts there, level with it it is centred.
            var top = sin < -0.2 ? y - h : sin > 0.2 ? y + 4 : y - (h / 2);
            labels.Add(new RadarLabel(i, lines, anchor, x, top, left, w, h));
        }
        // Push apart labels whose boxes touch: the one further down moves down (or, above the centre, the higher moves up).
        for (var pass = 0; pass < 20; pass++)
        {
            var moved = false;
            for (var p = 0; p < labels.Count; p++)
            {
                for (var q = p + 1; q < labels.Count; q++)
                {
                    var (a, b) = (labels[p], labels[q]);
                    var across = Math.Min(a.Left + a.W, b.Left + b.W) - Math.Max(a.Left, b.Left);
                    var down = Math.Min(a.Top + a.H, b.Top + b.H) - Math.Max(a.Top, b.Top);
                    if (across <= -4 || down <= -4)
                    {
                        continue;
                    }
                    var shift = down + 4;
                    var (upper, lower) = a.Top <= b.Top ? (p, q) : (q, p);
                    if (labels[lower].Top + (labels[lower].H / 2) > cy)
                    {
                        labels[lower] = labels[lower] with { Top = labels[lower].Top + shift };
                    }
                    else
                    {
                        labels[upper] = labels[upper] with { Top = labels[upper].Top - shift };
                    }
                    moved = true;
                }
            }
            if (!moved)
            {
                break;
            }
        }
        return labels;
    }

    /// <summary>A spoke's name laid out: its lines, anchor and box.</summary>
    private sealed record RadarLabel(int Spoke, IReadOnlyList<string> Lines, string Anchor, double X, double Top, double Left, double W, double H);
}
