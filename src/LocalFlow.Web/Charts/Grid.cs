using Microsoft.AspNetCore.Html;
using static LocalFlow.Web.Charts.ChartFigure;
using static LocalFlow.Web.Charts.ChartText;

namespace LocalFlow.Web.Charts;

/// <summary>One row of a grid chart: its name, a value per column (null when withheld or none) and the text written in each cell.</summary>
public sealed record GridRow(string Name, IReadOnlyList<double?> Values, IReadOnlyList<string> Texts);

/// <summary>A grid of counts: rows (agencies) across columns (life stages), each cell shaded by its value and labelled with its text.</summary>
public sealed record GridChart(string Title, string Description, IReadOnlyList<string> Columns, IReadOnlyList<GridRow> Rows) : ChartSpec(Title, Description)
{
    /// <summary>The heading of the rows' column in the data table.</summary>
    public string RowHeader { get; init; } = "";
}

public static partial class Charts
{
    /// <summary>
    /// A grid of counts, readable without its table: each cell is written with its count (or "&lt;5" when withheld)
    /// and shaded from pale to dark blue by the count, the darkest being the largest; empty cells stay white.
    /// </summary>
    public static IHtmlContent CountGrid(GridChart chart)
    {
        var fig = new ChartFigure(chart, "grid");
        if (chart.Rows.Count == 0 || chart.Columns.Count == 0)
        {
            return new HtmlString(fig.RenderEmpty());
        }
        const double rowHeight = 34, top = 70;
        var left = Math.Min(230, 16 + chart.Rows.Max(r => TextWidth(Wrap(r.Name, 28, 1)[0], 14)));
        var cell = (Width - left - 8) / chart.Columns.Count;
        fig.Height = top + (rowHeight * chart.Rows.Count) + 12;
        var max = chart.Rows.SelectMany(r => r.Values).Max(v => v ?? 0);
        for (var c = 0; c < chart.Columns.Count; c++)
        {
            var lines = Wrap(chart.Columns[c], 9, 3);
            for (var l = 0; l < lines.Count; l++)
            {
                fig.Text(left + (cell * (c + 0.5)), top - 8 - ((lines.Count - 1 - l) * 16), Isolate(lines[l]), "middle", "lf-chart__tick", 13);
            }
        }
        for (var r = 0; r < chart.Rows.Count; r++)
        {
            var row = chart.Rows[r];
            var y = top + (rowHeight * r);
            fig.Text(left - 8, y + (rowHeight / 2) + 5, Isolate(Wrap(row.Name, 28, 1)[0]), "end", "lf-chart__tick", 14);
            for (var c = 0; c < chart.Columns.Count; c++)
            {
                var value = c < row.Values.Count ? row.Values[c] : null;
                var text = c < row.Texts.Count ? row.Texts[c] : "";
                var share = max > 0 && value is double v ? v / max : 0;
                // Pale (#d2e2f1) to dark blue (#0b3f73) by the count's share of the largest.
                var fill = value is null or 0 ? "#ffffff" : Shade(share);
                // Black text on the paler cells, white on the darker: both keep 4.5:1 contrast either side of 0.68.
                var ink = share >= 0.68 ? "#ffffff" : Ink;
                var x = left + (cell * c);
                fig.Svg.Append($"<rect class=\"lf-chart__cell\" x=\"{N(x + 1)}\" y=\"{N(y + 1)}\" width=\"{N(cell - 2)}\" height=\"{N(rowHeight - 2)}\" fill=\"{fill}\" stroke=\"{Grid}\" stroke-width=\"1\"><title>{Isolate($"{row.Name}, {chart.Columns[c]}: {text}")}</title></rect>");
                fig.Text(x + (cell / 2), y + (rowHeight / 2) + 5, Escape(text), "middle", "lf-chart__bar-value", 13, $" fill=\"{ink}\"");
            }
        }
        var table = new ChartTable([chart.RowHeader, .. chart.Columns]).Numeric([.. Enumerable.Range(1, chart.Columns.Count)]);
        foreach (var row in chart.Rows)
        {
            table.Add([Cell(row.Name), .. row.Texts.Select(Escape)]);
        }
        return new HtmlString(fig.Render(table));
    }

    private static string Shade(double share)
    {
        static int Mix(int from, int to, double t) => (int)Math.Round(from + ((to - from) * t));
        var t = Math.Clamp(share, 0, 1);
        return $"#{Mix(0xd2, 0x0b, t):x2}{Mix(0xe2, 0x3f, t):x2}{Mix(0xf1, 0x73, t):x2}";
    }
}
