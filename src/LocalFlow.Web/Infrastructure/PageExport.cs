using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using Microsoft.AspNetCore.Html;

namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// Downloads of what a page shows: any chart as SVG (PNG is drawn from that SVG in the browser by
/// <c>/js/export.js</c>) and any table as CSV. A download is the page itself, asked for with
/// <c>?download=svg|csv&amp;of=ID</c> beside the page's own query, so it goes through the same sign-in, role and
/// visibility rules as the page and can never hold more than the page shows. The page is rendered as usual, then
/// the figure or table with that id is taken out of it. A CSV from a page that recorded a read of personal data
/// is audited as an export (docs/exports.md).
/// </summary>
public sealed partial class PageExport(RequestDelegate next)
{
    private const string DownloadKey = "download";
    private const string OfKey = "of";
    private static readonly AsyncLocal<string?> PageQuery = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        // Links on the page keep its filters: every request remembers its query without the download keys.
        PageQuery.Value = QueryWithout(context.Request.QueryString.Value);
        var format = query[DownloadKey].ToString();
        var of = query[OfKey].ToString();
        if (!HttpMethods.IsGet(context.Request.Method) || format is not ("svg" or "csv") || !SafeId().IsMatch(of)
            || context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var html = Encoding.UTF8.GetString(buffer.ToArray());
        var file = format == "svg" ? ChartSvg(html, of) : TableCsv(html, of);
        context.Response.Headers.ContentLength = null;
        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"This page has no {(format == "svg" ? "chart" : "table")} called \"{of}\" to download.", context.RequestAborted);
            return;
        }

        if (format == "csv")
        {
            await AuditIfPersonalAsync(context, of);
        }
        var name = Slug().Replace(context.Request.Path.Value!.Trim('/'), "-").ToLowerInvariant();
        context.Response.ContentType = format == "svg" ? "image/svg+xml; charset=utf-8" : "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{(name.Length == 0 ? "localflow" : name)}-{of}.{format}\"";
        var bytes = (format == "csv" ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(file)).ToArray();
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>The address of a download of the chart or table <paramref name="id"/> on the page being shown, keeping its filters.</summary>
    public static string Href(string format, string id)
    {
        var q = PageQuery.Value;
        return $"?{(string.IsNullOrEmpty(q) ? "" : q + "&")}{DownloadKey}={format}&{OfKey}={Uri.EscapeDataString(id)}";
    }

    /// <summary>The "Download this table (CSV)" link for a table with the id <paramref name="tableId"/>.</summary>
    public static IHtmlContent CsvLink(string tableId, string? what = null)
        => new HtmlString($"<p class=\"govuk-body-s lf-no-print lf-download\"><a class=\"govuk-link\" href=\"{WebUtility.HtmlEncode(Href("csv", tableId))}\" download=\"\">{WebUtility.HtmlEncode(what is null ? Resources.FormText.DownloadTable : Resources.Text.Format(Resources.FormText.DownloadWhat, what))}</a></p>");

    private static string? QueryWithout(string? queryString)
    {
        if (string.IsNullOrEmpty(queryString) || queryString == "?")
        {
            return null;
        }
        var kept = queryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith(DownloadKey + "=", StringComparison.OrdinalIgnoreCase) && !p.StartsWith(OfKey + "=", StringComparison.OrdinalIgnoreCase)
                        && !p.StartsWith("handler=", StringComparison.OrdinalIgnoreCase));
        return string.Join('&', kept);
    }

    /// <summary>The chart's SVG as a file of its own: the figure's drawing, with the few styles it takes from charts.css.</summary>
    internal static string? ChartSvg(string html, string id)
    {
        var figure = html.IndexOf($"<figure class=\"lf-chart lf-chart--", StringComparison.Ordinal);
        var start = -1;
        while (figure >= 0)
        {
            var close = html.IndexOf('>', figure);
            if (close > 0 && html.AsSpan(figure, close - figure).Contains($" id=\"{id}\"", StringComparison.Ordinal))
            {
                start = html.IndexOf("<svg ", close, StringComparison.Ordinal);
                break;
            }
            figure = html.IndexOf("<figure class=\"lf-chart lf-chart--", figure + 1, StringComparison.Ordinal);
        }
        if (start < 0)
        {
            return null;
        }
        var end = html.IndexOf("</svg>", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        var svg = html[start..(end + "</svg>".Length)];
        var viewBox = ViewBox().Match(svg);
        var size = viewBox.Success ? $" width=\"{viewBox.Groups[1].Value}\" height=\"{viewBox.Groups[2].Value}\"" : "";
        var openEnd = svg.IndexOf('>', StringComparison.Ordinal);
        var open = svg[..openEnd].Replace(" width=\"100%\"", size, StringComparison.Ordinal);
        // Links in a chart lead to pages of this app: in a file of its own they would lead nowhere.
        var body = Anchor().Replace(svg[(openEnd + 1)..], "");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + open
            + "><style>text{fill:#0b0c0c;font-family:\"GDS Transport\",arial,sans-serif}.lf-chart__focus-ring{fill:none;stroke:none}</style>"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>" + body;
    }

    /// <summary>The table's header and rows as CSV, each cell its text as the page shows it, through the one CSV writer (formulas neutralised).</summary>
    internal static string? TableCsv(string html, string id)
    {
        var open = TableOpen().Matches(html).FirstOrDefault(m => m.Groups[1].Value == id);
        if (open is null)
        {
            return null;
        }
        var end = html.IndexOf("</table>", open.Index, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        var table = html[open.Index..end];
        using var writer = new StringWriter();
        foreach (Match row in Row().Matches(table))
        {
            var cells = Cell().Matches(row.Groups[1].Value).Select(c => CellText(c.Groups[1].Value)).ToList();
            if (cells.Count > 0)
            {
                CsvText.WriteRecord(writer, cells);
            }
        }
        return writer.ToString();
    }

    private static string CellText(string cellHtml)
    {
        var text = Tag().Replace(Hidden().Replace(cellHtml, " "), " ");
        text = WebUtility.HtmlDecode(text).Replace("\u2068", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal);
        return Spaces().Replace(text, " ").Trim();
    }

    private static async Task AuditIfPersonalAsync(HttpContext context, string id)
    {
        var db = context.RequestServices.GetRequiredService<LocalFlowDb>();
        // The page records its own read of personal data; an entry of that request still tracked means the table may hold people.
        var reads = db.AuditEvents.Local.Where(e => e.Operation == AuditOperation.Read).ToList();
        if (reads.Count == 0)
        {
            return;
        }
        var first = reads[0];
        AuditTrail.Add(db, AuditEventType.DataExported, AuditOperation.Read, first.EntityType, first.EntityId, first.LocalityId,
            $"Table \"{id}\" downloaded as CSV from {context.Request.Path}");
        await db.SaveChangesAsync(context.RequestAborted);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,80}$")]
    private static partial Regex SafeId();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex Slug();

    [GeneratedRegex("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("</?a\\b[^>]*>")]
    private static partial Regex Anchor();

    [GeneratedRegex("<table\\b[^>]*\\bid=\"([^\"]+)\"[^>]*>")]
    private static partial Regex TableOpen();

    [GeneratedRegex("<tr\\b[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[hd]\\b[^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("<span class=\"govuk-visually-hidden\">[^<]*</span>")]
    private static partial Regex Hidden();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
