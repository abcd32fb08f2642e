using System.Text;
using LocalFlow.Web.Infrastructure;
using static LocalFlow.Web.Charts.ChartText;

namespace LocalFlow.Web.Charts;

/// <summary>The data table that goes with a chart: headers, which columns are numbers, and rows of HTML cells (already escaped).</summary>
internal sealed class ChartTable(params string[] headers)
{
    public IReadOnlyList<string> Headers { get; } = headers;
    public HashSet<int> NumericColumns { get; } = [];
    public List<string[]> Rows { get; } = [];

    public ChartTable Numeric(params int[] columns)
    {
        NumericColumns.UnionWith(columns);
        return this;
    }

    public void Add(params string[] cells) => Rows.Add(cells);
}

/// <summary>One legend entry: a name and a small SVG sample of the line, bar or mark.</summary>
internal sealed record LegendItem(string Name, string Sample);

/// <summary>Writes the figure round a chart: caption, SVG with title and description, legend and data table.</summary>
internal sealed class ChartFigure
{
    public const double FontSize = 16;
    public const double Width = 720;

    public static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#0b0c0c", "#F0E442"];
    public static readonly string[] Dashes = ["", "8 4", "2 4", "12 4 3 4", "5 5", "14 6"];
    public const string Ink = "#0b0c0c";
    public const string Secondary = "#505a5f";
    public const string Grid = "#b1b4b6";

    private readonly ChartSpec _spec;
    private readonly string _kind;

    public ChartFigure(ChartSpec spec, string kind)
    {
        _spec = spec;
        _kind = kind;
        Id = string.IsNullOrWhiteSpace(spec.Id) ? Slug(spec.Title ?? "", spec.Description ?? "") : Escape(spec.Id);
    }

    public string Id { get; }
    public StringBuilder Svg { get; } = new();
    public List<LegendItem> Legend { get; } = [];
    public double Height { get; set; } = 400;

    /// <summary>The SVG holds links, so it is a group rather than an image (children of an image are hidden from assistive technology).</summary>
    public bool HasLinks { get; set; }

    /// <summary>A sentence added to the description, written from the data (for example the range and the highest value).</summary>
    public string? Summary { get; set; }

    public static bool LowContrast(string colour) => colour is "#CC79A7" or "#E69F00" or "#56B4E9" or "#F0E442";

    /// <summary>The marker shapes, in order: circle, square, triangle, diamond, downward triangle, cross.</summary>
    public static string MarkerPath(int shape, double x, double y, double r) => (shape % 6) switch
    {
        0 => $"M{N(x - r)} {N(y)}a{N(r)} {N(r)} 0 1 0 {N(2 * r)} 0a{N(r)} {N(r)} 0 1 0 {N(-2 * r)} 0Z",
        1 => $"M{N(x - (r * 0.85))} {N(y - (r * 0.85))}h{N(r * 1.7)}v{N(r * 1.7)}h{N(-r * 1.7)}Z",
        2 => $"M{N(x)} {N(y - (r * 1.15))}L{N(x + r)} {N(y + (r * 0.75))}L{N(x - r)} {N(y + (r * 0.75))}Z",
        3 => $"M{N(x)} {N(y - (r * 1.2))}L{N(x + r)} {N(y)}L{N(x)} {N(y + (r * 1.2))}L{N(x - r)} {N(y)}Z",
        4 => $"M{N(x)} {N(y + (r * 1.15))}L{N(x + r)} {N(y - (r * 0.75))}L{N(x - r)} {N(y - (r * 0.75))}Z",
        _ => CrossPath(x, y, r),
    };

    private static string CrossPath(double x, double y, double r)
    {
        var t = r * 0.38;
        return $"M{N(x - t)} {N(y - r)}h{N(2 * t)}v{N(r - t)}h{N(r - t)}v{N(2 * t)}h{N(-(r - t))}v{N(r - t)}h{N(-2 * t)}v{N(-(r - t))}h{N(-(r - t))}v{N(-2 * t)}h{N(r - t)}Z";
    }

    /// <summary>A marker with a dark outline, so light colours still stand out from the background.</summary>
    public static string Marker(int shape, double x, double y, double r, string fill, string? tooltip = null, string cssClass = "lf-chart__mark")
    {
        var title = tooltip is null ? "" : $"<title>{Isolate(tooltip)}</title>";
        var close = tooltip is null ? "/>" : $">{title}</path>";
        return $"<path class=\"{cssClass}\" d=\"{MarkerPath(shape, x, y, r)}\" fill=\"{fill}\" stroke=\"{Ink}\" stroke-width=\"1.5\"{close}";
    }

    /// <summary>A line sample for the legend.</summary>
    public static string LineSample(string colour, string dash, int? shape)
    {
        var sb = new StringBuilder();
        if (LowContrast(colour))
        {
            sb.Append($"<line x1=\"2\" y1=\"10\" x2=\"38\" y2=\"10\" stroke=\"{Ink}\" stroke-width=\"5\"{DashAttr(dash)}/>");
        }
        sb.Append($"<line x1=\"2\" y1=\"10\" x2=\"38\" y2=\"10\" stroke=\"{colour}\" stroke-width=\"3\"{DashAttr(dash)}/>");
        if (shape is int s)
        {
            sb.Append(Marker(s, 20, 10, 5.5, colour));
        }
        return sb.ToString();
    }

    public static string DashAttr(string dash) => dash.Length == 0 ? "" : $" stroke-dasharray=\"{dash}\"";

    /// <summary>Text in the SVG at the chart's font size.</summary>
    public void Text(double x, double y, string escapedText, string anchor = "start", string? cssClass = null, double size = FontSize, string? extra = null)
    {
        var cls = cssClass is null ? "" : $" class=\"{cssClass}\"";
        Svg.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\"{cls}{extra}>{escapedText}</text>");
    }

    /// <summary>A value axis on the left (or right) with grid lines across the plot.</summary>
    public void ValueAxis(Scale scale, double left, double right, ValueFormat format, bool grid = true, bool onRight = false)
    {
        foreach (var t in scale.Ticks)
        {
            var y = scale.Map(t);
            if (grid)
            {
                var stroke = t == 0 ? Ink : Grid;
                Svg.Append($"<line class=\"lf-chart__grid\" x1=\"{N(left)}\" y1=\"{N(y)}\" x2=\"{N(right)}\" y2=\"{N(y)}\" stroke=\"{stroke}\" stroke-width=\"1\"/>");
            }
            if (onRight)
            {
                Text(right + 8, y + 5, Escape(Value(t, format)), "start", "lf-chart__tick");
            }
            else
            {
                Text(left - 8, y + 5, Escape(Value(t, format)), "end", "lf-chart__tick");
            }
        }
    }

    /// <summary>The width needed for a value axis's labels.</summary>
    public static double AxisLabelWidth(Scale scale, ValueFormat format) =>
        scale.Ticks.Count == 0 ? 20 : scale.Ticks.Max(t => TextWidth(Value(t, format), FontSize)) + 14;

    /// <summary>The finished figure, or a "No data yet" message when there is nothing to draw.</summary>
    public string Render(ChartTable table)
    {
        var sb = new StringBuilder();
        AppendOpen(sb);
        var desc = Escape(_spec.Description) + (Summary is null ? "" : " " + Escape(Summary));
        var role = HasLinks ? "group" : "img";
        sb.Append($"<div class=\"lf-chart__canvas\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lf-chart__svg\" viewBox=\"0 0 {N(Width)} {N(Height)}\" width=\"100%\" ");
        sb.Append($"role=\"{role}\" aria-labelledby=\"{Id}-title\" aria-describedby=\"{Id}-desc\" font-family=\"GDS Transport, arial, sans-serif\">");
        sb.Append($"<title id=\"{Id}-title\">{Escape(_spec.Title)}</title><desc id=\"{Id}-desc\">{desc}</desc>");
        sb.Append(Svg);
        sb.Append("</svg></div>");
        AppendLegend(sb);
        AppendDownloads(sb);
        AppendTable(sb, table);
        sb.Append("</figure>");
        return sb.ToString();
    }

    public string RenderEmpty()
    {
        var sb = new StringBuilder();
        AppendOpen(sb);
        sb.Append($"<div class=\"govuk-inset-text lf-chart__empty\" id=\"{Id}-empty\"><p class=\"govuk-body govuk-!-font-weight-bold\">{Escape(Resources.ChartText.NoDataYet)}</p>");
        sb.Append($"<p class=\"govuk-body\">{Escape(_spec.Description)}</p><p class=\"govuk-body\">{Escape(Resources.ChartText.WillAppear)}</p></div>");
        sb.Append("</figure>");
        return sb.ToString();
    }

    private void AppendOpen(StringBuilder sb)
    {
        sb.Append($"<figure class=\"lf-chart lf-chart--{_kind}\" id=\"{Id}\">");
        if (_spec.ShowTitle)
        {
            sb.Append($"<figcaption class=\"lf-chart__title govuk-heading-s\">{Escape(_spec.Title)}</figcaption>");
        }
    }

    private void AppendLegend(StringBuilder sb)
    {
        if (Legend.Count == 0)
        {
            return;
        }
        sb.Append($"<ul class=\"lf-chart__legend\" aria-label=\"{Escape(Resources.ChartText.Key)}\">");
        foreach (var item in Legend)
        {
            sb.Append("<li class=\"lf-chart__legend-item\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lf-chart__legend-sample\" viewBox=\"0 0 40 20\" width=\"40\" height=\"20\" aria-hidden=\"true\" focusable=\"false\">");
            sb.Append(item.Sample);
            sb.Append($"</svg><span>{Escape(item.Name)}</span></li>");
        }
        sb.Append("</ul>");
    }

    /// <summary>Links to download the chart (SVG, and PNG drawn from it by /js/export.js when scripts run) and its data (CSV).</summary>
    private void AppendDownloads(StringBuilder sb)
    {
        // Each sentence is one text with the link in its place, so that Welsh can order it its own way.
        var what = $"<span class=\"govuk-visually-hidden\">{Escape(Resources.Text.Format(Resources.ChartText.OfChart, _spec.Title))}</span>";
        string Fill(string text, string link) => Escape(text).Replace("{0}", link, StringComparison.Ordinal);
        sb.Append("<p class=\"govuk-body-s lf-chart__downloads lf-no-print\">").Append(Fill(Resources.ChartText.DownloadAs, $"<a class=\"govuk-link\" href=\"{Escape(PageExport.Href("svg", Id))}\" download=\"\">SVG{what}</a>"));
        sb.Append("<span class=\"lf-png\" hidden=\"hidden\">").Append(Fill(Resources.ChartText.OrPng, $"<a class=\"govuk-link\" href=\"{Escape(PageExport.Href("svg", Id))}\" data-lf-png=\"{Id}\">PNG{what}</a>")).Append("</span>");
        sb.Append(Fill(Resources.ChartText.OrData, $"<a class=\"govuk-link\" href=\"{Escape(PageExport.Href("csv", Id + "-table"))}\" download=\"\">CSV{what}</a>")).Append("</p>");
    }

    private void AppendTable(StringBuilder sb, ChartTable table)
    {
        var inDetails = _spec.Table == DataTableDisplay.InDetails;
        if (inDetails)
        {
            sb.Append($"<details class=\"govuk-details lf-chart__data\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">{Escape(Resources.ChartText.ShowTable)}</span></summary><div class=\"govuk-details__text\">");
        }
        else
        {
            sb.Append("<div class=\"lf-chart__data lf-chart__data--visible\">");
        }
        sb.Append($"<div class=\"lf-chart__table-scroll\"><table class=\"govuk-table lf-chart__table\" id=\"{Id}-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">{Escape(_spec.Title)}</caption>");
        sb.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        for (var c = 0; c < table.Headers.Count; c++)
        {
            var numeric = table.NumericColumns.Contains(c) ? " govuk-table__header--numeric" : "";
            sb.Append($"<th scope=\"col\" class=\"govuk-table__header{numeric}\">{Escape(table.Headers[c])}</th>");
        }
        sb.Append("</tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var row in table.Rows)
        {
            sb.Append("<tr class=\"govuk-table__row\">");
            for (var c = 0; c < row.Length; c++)
            {
                if (c == 0)
                {
                    sb.Append($"<th scope=\"row\" class=\"govuk-table__header\">{row[c]}</th>");
                }
                else
                {
                    var numeric = table.NumericColumns.Contains(c) ? " govuk-table__cell--numeric" : "";
                    sb.Append($"<td class=\"govuk-table__cell{numeric}\">{row[c]}</td>");
                }
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div>");
        sb.Append(inDetails ? "</div></details>" : "</div>");
    }

    /// <summary>A table cell holding text from people or records: escaped and isolated for right-to-left text.</summary>
    public static string Cell(string? text) => $"<bdi>{Escape(text)}</bdi>";

    /// <summary>A table cell with a link, when there is one.</summary>
    public static string LinkCell(string? text, string? href) =>
        SafeHref(href) is string safe ? $"<a class=\"govuk-link\" href=\"{safe}\">{Cell(text)}</a>" : Cell(text);
}
