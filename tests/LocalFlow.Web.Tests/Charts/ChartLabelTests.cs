using System.Globalization;
using System.Text.Encodings.Web;
using System.Xml.Linq;
using LocalFlow.Web.Charts;
using Microsoft.AspNetCore.Html;
using static LocalFlow.Web.Charts.Charts;
using static LocalFlow.Web.Tests.Charts.ChartReading;

namespace LocalFlow.Web.Tests.Charts;

/// <summary>Charts say what they show without their table: names on the bars, whole words, distinct places, labels apart.</summary>
public sealed class ChartLabelTests
{
    /// <summary>Failure demand types as the demo names them: long, and more than fit under vertical bars.</summary>
    private static readonly string[] LongNames =
    [
        "Chasing an assessment", "Carers late or did not come", "Equipment promised but not arrived", "Call back that never came",
        "Carer's assessment not followed up", "Repair not done right first time", "Wrong benefit decision", "Told to ring another number",
        "Letter not understood", "Same question asked again", "Appointment cancelled by us", "Discharge without support at home",
    ];

    public static TheoryData<int> Counts => [2, 5, 12];

    [Theory]
    [MemberData(nameof(Counts))]
    public void Pareto_WritesEveryTypesName_OnItsBar_NotANumber(int count)
    {
        var names = LongNames.Take(count).ToList();
        var figure = Render(Pareto(new ParetoChart("Failure demand by type", "Types.", names.Select((n, i) => new BarValue(n, 100 - i)).ToList()) { Id = "p" }));

        var written = CategoryNames(figure);

        written.ShouldBe(TableRows(figure).Select(r => r[1]).ToList());
        written.ShouldBe(names);
        written.ShouldNotContain(w => w.All(char.IsDigit));
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void BarNames_AreNeverSplitMidWord(int count)
    {
        var names = LongNames.Take(count).ToList();
        var words = names.SelectMany(n => n.Split(' ')).ToHashSet(StringComparer.Ordinal);
        foreach (var orientation in new[] { BarOrientation.Auto, BarOrientation.Vertical, BarOrientation.Horizontal })
        {
            var figure = Render(Bar(new BarChart("Demand", "Types.", names.Select((n, i) => new BarValue(n, i + 1)).ToList()) { Orientation = orientation }));
            foreach (var line in figure.Descendants(Svg + "text").Where(t => t.Attribute("class")!.Value.Contains("lf-chart__category", StringComparison.Ordinal)))
            {
                foreach (var word in Visible(line.Value).Split(' '))
                {
                    words.ShouldContain(word, $"\"{word}\" in \"{Visible(line.Value)}\" ({orientation})");
                }
            }
            CategoryNames(figure).ShouldBe(names);
        }
    }

    [Fact]
    public void Wrap_BreaksOnlyBetweenWords_AndCutsAtAWordWithAnEllipsis()
    {
        ChartText.Wrap("Chasing an assessment", 4).ShouldBe(["Chasing", "an", "assessment"]);
        ChartText.Wrap("Carers late or did not come", 12).ShouldBe(["Carers late", "or did not", "come"]);
        ChartText.Wrap("Carers late or did not come", 12, 2).ShouldBe(["Carers late", "or did not…"]);
        ChartText.Fits("Chasing an assessment", 8, 3).ShouldBeFalse();
        ChartText.Fits("Chasing an assessment", 10, 3).ShouldBeTrue();
    }

    [Fact]
    public void HandOffMap_OfThirteenAgencies_GivesEachItsOwnColour_AndNoLabelsOverlap()
    {
        var agencies = new[] { "Council", "Police", "NHS Trust", "GP", "Housing", "Fire", "Ambulance", "DWP", "Citizens Advice", "Food bank", "Age Concern", "Women's Aid", "Telecare" };
        var handOffs = new List<HandOff>();
        foreach (var from in agencies)
        {
            foreach (var to in agencies.Where(a => a != from))
            {
                handOffs.Add(new HandOff(from, to, 1 + ((from.Length * 7) + (to.Length * 13)) % 40, TimeSpan.FromHours(7 * handOffs.Count % 300)));
            }
        }

        var figure = Render(HandOffMap(new HandOffMapChart("Hand-offs", "Between agencies.", handOffs) { Id = "m", MaxArrows = 30 }));

        var colours = NodeColours(figure);
        colours.Keys.ShouldBe(agencies, ignoreOrder: true);
        colours.Values.Distinct(StringComparer.Ordinal).Count().ShouldBe(agencies.Length);
        var boxes = LabelBoxes(figure, "lf-chart__handoff-label", "lf-chart__node-label");
        boxes.Count(b => b.Text.Contains(" · ", StringComparison.Ordinal)).ShouldBe(30);
        Overlaps(boxes).ShouldBeEmpty();
        var width = 720.0;
        var height = double.Parse(figure.Descendants(Svg + "svg").First().Attribute("viewBox")!.Value.Split(' ')[3], CultureInfo.InvariantCulture);
        boxes.ShouldAllBe(b => b.X >= 0 && b.X + b.W <= width && b.Y >= 0 && b.Y + b.H <= height);
    }

    private static XElement Render(IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return XElement.Parse(writer.ToString());
    }
}
