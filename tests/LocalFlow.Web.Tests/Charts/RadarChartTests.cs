using System.Globalization;
using System.Text.Encodings.Web;
using System.Xml.Linq;
using LocalFlow.Web.Charts;
using Microsoft.AspNetCore.Html;
using static LocalFlow.Web.Charts.Charts;
using static LocalFlow.Web.Tests.Charts.ChartReading;

namespace LocalFlow.Web.Tests.Charts;

/// <summary>The radar of I statements and the line per statement: readable without their table, labels apart.</summary>
public sealed class RadarChartTests
{
    /// <summary>Slide 13's statements, with their own long words.</summary>
    private static readonly string[] Slide13 =
    [
        "I am listened to and heard", "I have more confidence", "I am able to manage my home better", "My financial problems are sorted",
        "My children can sleep in their own room", "I have some space of my own", "My children have space to play",
        "Our sleeping arrangements do not affect our health", "I can get to my appointments on my own", "I feel safe in my home at night",
    ];

    public static TheoryData<int> Counts => [1, 2, 3, 5, 8, 10];

    [Theory]
    [MemberData(nameof(Counts))]
    public void Radar_WritesEveryStatementAtItsSpoke_InWholeWords_AndNoLabelsOverlap(int count)
    {
        var spokes = Slide13.Take(count).ToList();
        var outlines = new[]
        {
            new RadarOutline("29 Jun 2012", [.. spokes.Select((_, i) => (double?)((i * 3) % 11))]),
            new RadarOutline("24 Sep 2012", [.. spokes.Select((_, i) => (double?)Math.Min(10, 2 + ((i * 3) % 11)))]),
        };

        var figure = Render(Radar(new RadarChart("How life is going", "Scores out of 10.", spokes, outlines) { Id = "r", SpokeLabel = "Statement" }));

        var names = figure.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "lf-chart__spoke-label")
            .GroupBy(t => t.Attribute("data-spoke")!.Value).Select(g => string.Join(" ", g.Select(t => Visible(t.Value)))).ToList();
        names.ShouldBe(spokes);
        var boxes = LabelBoxes(figure, "lf-chart__spoke-label", "lf-chart__tick");
        Overlaps(boxes).ShouldBeEmpty();
        var height = double.Parse(figure.Descendants(Svg + "svg").First().Attribute("viewBox")!.Value.Split(' ')[3], CultureInfo.InvariantCulture);
        boxes.ShouldAllBe(b => b.X >= 0 && b.X + b.W <= 720 && b.Y >= 0 && b.Y + b.H <= height);
        figure.Descendants(Svg + "g").Count(g => g.Attribute("class")?.Value == "lf-chart__series").ShouldBe(2);
        figure.Descendants("li").Select(li => Visible(li.Value)).ShouldBe(["29 Jun 2012", "24 Sep 2012"]);
    }

    [Fact]
    public void Radar_PutsAScoreOf10OnTheRim_And0AtTheCentre()
    {
        var figure = Render(Radar(new RadarChart("Scores", "Out of 10.", ["A", "B", "C", "D"], [new RadarOutline("1 May 2026", [10, 0, 5, null])]) { Id = "r" }));
        var marks = figure.Descendants(Svg + "path").Where(p => p.Attribute("class")?.Value == "lf-chart__mark" && p.Element(Svg + "title") is not null).Select(p => Visible(p.Element(Svg + "title")!.Value)).ToList();
        marks.ShouldBe(["1 May 2026: A, 10", "1 May 2026: B, 0", "1 May 2026: C, 5"]);
        var rows = TableRows(figure);
        rows.Select(r => r[1]).ShouldBe(["10", "0", "5", "none"]);
        // A (10) is on the rim, 150 units above B (0) at the centre; C (5) is halfway down its spoke, below the centre
        var points = figure.Descendants(Svg + "polygon").Single(p => p.Attribute("class")?.Value == "lf-chart__line").Attribute("points")!.Value.Split(' ')
            .Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        (points[1][1] - points[0][1]).ShouldBe(150, 0.01);
        (points[2][1] - points[1][1]).ShouldBe(75, 0.01);
        points.Count.ShouldBe(3);
    }

    [Fact]
    public void Radar_WithNoScores_SaysNoDataYet()
    {
        var html = Render(Radar(new RadarChart("Scores", "Out of 10.", ["A"], [new RadarOutline("1 May", [null])]) { Id = "r" }));
        html.ToString().ShouldContain("No data yet");
    }

    [Fact]
    public void Line_WithAFixedRange_RunsItsAxisFrom0To10_WhateverTheScores()
    {
        var chart = new LineChart("Over time", "Scores.", [new LineSeries("I have more confidence", [LinePoint.On(new DateOnly(2026, 1, 5), 3), LinePoint.On(new DateOnly(2026, 3, 5), 6)])])
        {
            Id = "l",
            Range = (0, 10, 2),
        };
        var ticks = Render(Line(chart)).Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "lf-chart__tick").Select(t => Visible(t.Value)).ToList();
        ticks.ShouldContain("10");
        ticks.ShouldContain("0");
        ticks.ShouldNotContain("12");
    }

    private static XElement Render(IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return XElement.Parse(writer.ToString());
    }
}
