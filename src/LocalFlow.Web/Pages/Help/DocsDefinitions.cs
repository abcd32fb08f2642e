using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace LocalFlow.Web.Pages.Help;

/// <summary>
/// The definitions written in docs/ (embedded in this assembly at build time), shown on the help pages so that every
/// definition is written once. Only a section's lists and tables are shown: its prose talks to developers.
/// Names of classes and files in brackets are left out, links keep only their words, and the HTML gets GOV.UK classes.
/// </summary>
public static partial class DocsDefinitions
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();
    private static readonly ConcurrentDictionary<(string, string), string> Cache = new();

    /// <summary>The lists and tables under the heading <paramref name="heading"/> of docs/<paramref name="file"/>, as GOV.UK HTML.</summary>
    public static string Section(string file, string heading) => Cache.GetOrAdd((file, heading), k => Render(Read(k.Item1), k.Item2));

    private static string Read(string file)
    {
        using var stream = typeof(DocsDefinitions).Assembly.GetManifestResourceStream("docs/" + file)
            ?? throw new InvalidOperationException($"docs/{file} is not embedded in LocalFlow.Web.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static string Render(string markdown, string heading)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart('#').Trim() == heading && l.StartsWith('#'));
        if (start < 0)
        {
            throw new InvalidOperationException($"The heading \"{heading}\" is not in the docs page.");
        }
        var level = lines[start].TakeWhile(c => c == '#').Count();
        var end = start + 1;
        while (end < lines.Length && !(lines[end].StartsWith('#') && lines[end].TakeWhile(c => c == '#').Count() <= level))
        {
            end++;
        }
        var section = CodeInBrackets().Replace(string.Join('\n', lines[(start + 1)..end]), "");
        var document = Markdown.Parse(section, Pipeline);
        var html = new System.Text.StringBuilder();
        foreach (var block in document.Where(b => b is ListBlock or Table))
        {
            html.Append(Markdown.ToHtml(section.Substring(block.Span.Start, block.Span.Length), Pipeline));
        }
        return Gov(html.ToString());
    }

    private static string Gov(string html)
    {
        html = Link().Replace(html, "");
        html = Style().Replace(html, "");
        return html.Replace("<ul>", "<ul class=\"govuk-list govuk-list--bullet\">", StringComparison.Ordinal)
            .Replace("<ol>", "<ol class=\"govuk-list govuk-list--number\">", StringComparison.Ordinal)
            .Replace("<p>", "<p class=\"govuk-body\">", StringComparison.Ordinal)
            .Replace("<table>", "<div class=\"lf-table-scroll\"><table class=\"govuk-table\">", StringComparison.Ordinal)
            .Replace("</table>", "</table></div>", StringComparison.Ordinal)
            .Replace("<thead>", "<thead class=\"govuk-table__head\">", StringComparison.Ordinal)
            .Replace("<tbody>", "<tbody class=\"govuk-table__body\">", StringComparison.Ordinal)
            .Replace("<tr>", "<tr class=\"govuk-table__row\">", StringComparison.Ordinal)
            .Replace("<th>", "<th scope=\"col\" class=\"govuk-table__header\">", StringComparison.Ordinal)
            .Replace("<td>", "<td class=\"govuk-table__cell\">", StringComparison.Ordinal);
    }

    // " (`PersonFigures`)", " (`src/LocalFlow.Data/Conditions/ConditionReach.cs`)": names for developers.
    [GeneratedRegex(@"\s?\((?:`[^`\n]+`(?:,\s*)?)+\)")]
    private static partial Regex CodeInBrackets();

    [GeneratedRegex("</?a\\b[^>]*>")]
    private static partial Regex Link();

    [GeneratedRegex(" style=\"[^\"]*\"")]
    private static partial Regex Style();
}
