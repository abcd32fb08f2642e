using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LocalFlow.Web.Tests.Charts;

/// <summary>Reads a chart as a person would: the names written in it, the colours of its places and where its labels sit.</summary>
internal static partial class ChartReading
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The chart figure with this id, cut from a whole page and parsed.</summary>
    public static XElement Figure(string html, string id)
    {
        var m = Regex.Match(html, $"<figure class=\"lf-chart[^\"]*\" id=\"{Regex.Escape(id)}\">.*?</figure>", RegexOptions.Singleline);
        m.Success.ShouldBeTrue($"the page should have the chart {id}");
        return XElement.Parse(m.Value);
    }

    /// <summary>The names written beside or under the bars, one per bar, its lines joined by spaces.</summary>
    public static List<string> CategoryNames(XElement figure) =>
        figure.Descendants(Svg + "text").Where(t => HasClass(t, "lf-chart__category"))
            .GroupBy(t => t.Attribute("data-bar")!.Value, StringComparer.Ordinal)
            .Select(g => string.Join(" ", g.Select(t => Visible(t.Value)))).ToList();

    /// <summary>Every label's box: text of a given size is taken as 0.58 em a character wide (Arial's average) and one em high.</summary>
    public static List<(string Text, double X, double Y, double W, double H)> LabelBoxes(XElement figure, params string[] classes)
    {
        var boxes = new List<(string, double, double, double, double)>();
        foreach (var t in figure.Descendants(Svg + "text").Where(t => classes.Any(c => HasClass(t, c))))
        {
            var size = Number(t, "font-size");
            var text = Visible(t.Value);
            var w = text.Length * size * 0.58;
            var x = Number(t, "x");
            var left = t.Attribute("text-anchor")?.Value switch { "middle" => x - (w / 2), "end" => x - w, _ => x };
            boxes.Add((text, left, Number(t, "y") - (0.75 * size), w, size));
        }
        return boxes;
    }

    /// <summary>Pairs of labels whose boxes overlap.</summary>
    public static List<string> Overlaps(List<(string Text, double X, double Y, double W, double H)> boxes)
    {
        var found = new List<string>();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var across = Math.Min(a.X + a.W, b.X + b.W) - Math.Max(a.X, b.X);
                var down = Math.Min(a.Y + a.H, b.Y + b.H) - Math.Max(a.Y, b.Y);
                if (across > 0.5 && down > 0.5)
                {
                    found.Add($"\"{a.Text}\" at ({a.X:0},{a.Y:0}) and \"{b.Text}\" at ({b.X:0},{b.Y:0})");
                }
            }
        }
        return found;
    }

    /// <summary>Each place on a hand-off map with its fill colour.</summary>
    public static Dictionary<string, string> NodeColours(XElement figure) =>
        figure.Descendants(Svg + "circle").Where(c => HasClass(c, "lf-chart__node"))
            .ToDictionary(c => Visible(c.Element(Svg + "title")!.Value), c => c.Attribute("fill")!.Value.ToUpperInvariant(), StringComparer.Ordinal);

    /// <summary>The rows of a chart's data table, each cell's text.</summary>
    public static List<List<string>> TableRows(XElement figure) =>
        figure.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(c => Visible(c.Value)).ToList()).ToList();

    /// <summary>Text without the direction isolates charts put round names.</summary>
    public static string Visible(string text) => WebUtility.HtmlDecode(text).Replace("\u2068", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal).Trim();

    private static bool HasClass(XElement e, string cls) => e.Attribute("class")?.Value.Split(' ').Contains(cls) == true;

    private static double Number(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
