using System.Globalization;
using System.Text.Encodings.Web;
using System.Xml.Linq;
using LocalFlow.Web.Charts;
using Microsoft.AspNetCore.Html;
using static LocalFlow.Web.Charts.Charts;

namespace LocalFlow.Web.Tests.Charts;

/// <summary>The histogram and the hand-off map drawn for the flow study's cohort and hand-off pages.</summary>
public sealed class FlowChartsTests
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";

    [Fact]
    public void HistogramBins_WholeValuesThatFit_GetOneBinEach_FromTheSmallestToTheLargest()
    {
        var bins = HistogramBins([3, 5, 5, 9], whole: true);

        bins.Select(b => b.From).ShouldBe([3, 4, 5, 6, 7, 8, 9]);
        bins.Select(b => b.Count).ShouldBe([1, 0, 2, 0, 0, 0, 1]);
    }

    [Fact]
    public void HistogramBins_ManyWholeValues_GetRoundWidths_AndEveryValueIsCountedOnce()
    {
        var values = Enumerable.Range(0, 1000).Select(i => (double)(i * 7 % 1293)).ToList();

        var bins = HistogramBins(values, whole: true, maxBins: 12);

        bins.Count.ShouldBeLessThanOrEqualTo(13);
        var width = bins[0].To - bins[0].From;
        width.ShouldBeOneOf(200, 500);
        bins.ShouldAllBe(b => b.To - b.From == width && b.From % width == 0);
        bins.Sum(b => b.Count).ShouldBe(values.Count);
        foreach (var v in values)
        {
            bins.Count(b => v >= b.From && v < b.To).ShouldBe(1);
        }
    }

    [Fact]
    public void HistogramBins_Amounts_AreBandedFromAMultipleOfTheWidth()
    {
        var bins = HistogramBins([120.5, 980, 4_999.99, 5_000, 11_250], whole: false, maxBins: 12);

        (bins[1].From - bins[0].From).ShouldBe(1_000);
        bins[0].From.ShouldBe(0);
        bins.Sum(b => b.Count).ShouldBe(5);
        bins.Single(b => b.From == 5_000).Count.ShouldBe(1);
        bins.Single(b => b.From == 4_000).Count.ShouldBe(1);
    }

    [Fact]
    public void Histogram_HasTitleDescriptionAndATableOfBins_WithThoseLeftOut()
    {
        var chart = new HistogramChart("Records per person", "How many people had each number of records.", [1, 1, 2, 40])
        {
            BinLabel = "Records",
            ValueLabel = "People",
            Missing = 3,
            MissingLabel = "Never met",
        };

        var doc = Parse(Html(Histogram(chart)));

        var svg = doc.Descendants(SvgNs + "svg").First(s => s.Attribute("role") is not null);
        svg.Element(SvgNs + "title")!.Value.ShouldBe("Records per person");
        svg.Element(SvgNs + "desc")!.Value.ShouldContain("the median is 1");
        svg.Element(SvgNs + "desc")!.Value.ShouldContain("3 more have no value");
        var rows = doc.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(c => c.Value).ToArray()).ToList();
        rows[0].ShouldBe(["0–4", "3"]);
        rows[^2].ShouldBe(["40–44", "1"]);
        rows[^1].ShouldBe(["Never met", "3"]);
        doc.Descendants(SvgNs + "rect").Count(r => r.Attribute("class")?.Value == "lf-chart__bar").ShouldBe(rows.Count - 1);
    }

    [Fact]
    public void Histogram_WithNoValues_SaysNoDataYet()
    {
        var html = Html(Histogram(new HistogramChart("Nothing", "D", [double.NaN])));

        html.ShouldContain("No data yet");
        html.ShouldNotContain("<svg");
    }

    [Fact]
    public void HandOffMap_WithTwelveAgencies_DrawsTheBusiestArrows_LabelledWithCountAndWait_AndTablesThemAll()
    {
        var agencies = Enumerable.Range(1, 12).Select(i => $"Agency number {i}").ToList();
        var handOffs = new List<HandOff>();
        foreach (var from in agencies)
        {
            foreach (var to in agencies.Where(a => a != from))
            {
                handOffs.Add(new HandOff(from, to, 1 + ((from.Length * 31) + (to.Length * 17) + handOffs.Count) % 50, TimeSpan.FromDays(handOffs.Count % 9)) { People = 1 });
            }
        }

        var doc = Parse(Html(HandOffMap(new HandOffMapChart("Hand-offs", "Between agencies.", handOffs) { Nodes = agencies, MaxArrows = 24 })));

        doc.Descendants(SvgNs + "circle").Count(c => c.Attribute("class")?.Value == "lf-chart__node").ShouldBe(12);
        var arrows = doc.Descendants(SvgNs + "path").Where(p => p.Attribute("class")?.Value == "lf-chart__handoff").ToList();
        arrows.Count.ShouldBe(24);
        var smallestDrawn = handOffs.OrderByDescending(h => h.Count).ElementAt(23).Count;
        arrows.ShouldAllBe(a => a.Element(SvgNs + "title")!.Value.Contains("median wait"));
        var labels = doc.Descendants(SvgNs + "text").Where(t => t.Attribute("class")?.Value == "lf-chart__handoff-label").Select(t => t.Value).ToList();
        labels.Count.ShouldBe(24);
        labels.ShouldAllBe(l => l.Contains(" · ") && (l.EndsWith(" d", StringComparison.Ordinal) || l.EndsWith(" h", StringComparison.Ordinal)));
        labels.Select(l => int.Parse(l.Split(' ')[0], CultureInfo.InvariantCulture)).ShouldAllBe(c => c >= smallestDrawn);
        doc.Descendants("tbody").Single().Elements("tr").Count().ShouldBe(handOffs.Count);
        doc.Descendants("thead").Single().Value.ShouldContain("People");
        doc.Descendants(SvgNs + "desc").Single().Value.ShouldContain($"the 24 busiest of {handOffs.Count}");
        // Every place is on the canvas, names included.
        foreach (var c in doc.Descendants(SvgNs + "circle"))
        {
            var (x, y) = (double.Parse(c.Attribute("cx")!.Value, CultureInfo.InvariantCulture), double.Parse(c.Attribute("cy")!.Value, CultureInfo.InvariantCulture));
            x.ShouldBeInRange(140, 580);
            y.ShouldBeInRange(40, 560);
        }
    }

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static XDocument Parse(string html) => XDocument.Parse("<root>" + html + "</root>");
}
