using System.Globalization;
using System.Text.Encodings.Web;
using System.Xml.Linq;
using LocalFlow.Web.Charts;
using Microsoft.AspNetCore.Html;
// The class has its namespace's name, so inside LocalFlow.Web.* C# code reaches it with `using static`.
using static LocalFlow.Web.Charts.Charts;

namespace LocalFlow.Web.Tests.Charts;

public sealed class ChartsTests
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";
    private static readonly DateOnly Day = new(2026, 11, 23);

    private const string Hostile = "<script>alert('x')</script> & \"quoted\" 🙂 مرحبا \u202Eevil\u0000\u0007\uD800 end";

    public static TheoryData<string> Kinds => ["line", "bar", "hbar", "pareto", "timeline", "capability", "cost", "handoffs"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryChart_IsWellFormed_WithTitleDescriptionAndRole(string kind)
    {
        var doc = Parse(Sample(kind, "Demand by week", "Demands at every front door, week by week."));

        var svg = doc.Descendants(SvgNs + "svg").First(s => s.Attribute("role") is not null);
        svg.Attribute("role")!.Value.ShouldBeOneOf("img", "group");
        svg.Attribute("viewBox").ShouldNotBeNull();
        svg.Attribute("width")!.Value.ShouldBe("100%");
        var title = svg.Element(SvgNs + "title").ShouldNotBeNull();
        var desc = svg.Element(SvgNs + "desc").ShouldNotBeNull();
        title.Value.ShouldBe("Demand by week");
        desc.Value.ShouldStartWith("Demands at every front door, week by week.");
        svg.Attribute("aria-labelledby")!.Value.ShouldBe(title.Attribute("id")!.Value);
        svg.Attribute("aria-describedby")!.Value.ShouldBe(desc.Attribute("id")!.Value);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryChart_HasItsDataAsAGovukTable_InDetailsByDefault(string kind)
    {
        var doc = Parse(Sample(kind, "Demand by week", "Description."));

        var details = doc.Descendants("details").Single();
        details.Attribute("class")!.Value.ShouldContain("govuk-details");
        details.Descendants("summary").Single().Value.ShouldBe("Show the data as a table");
        var table = details.Descendants("table").Single();
        table.Attribute("class")!.Value.ShouldContain("govuk-table");
        table.Element("caption")!.Value.ShouldBe("Demand by week");
        table.Descendants("tbody").Single().Elements("tr").ShouldNotBeEmpty();
    }

    [Fact]
    public void Table_CanBeAlwaysVisible()
    {
        var html = Html(Bar(new BarChart("Calls", "Calls by door.", [new("Phone", 3)]) { Table = DataTableDisplay.Visible }));

        var doc = Parse(html);
        doc.Descendants("details").ShouldBeEmpty();
        doc.Descendants("table").Single().Attribute("class")!.Value.ShouldContain("govuk-table");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void HostileText_IsEscaped_AndKept(string kind)
    {
        var html = Sample(kind, Hostile, Hostile, label: Hostile);

        var doc = Parse(html);
        doc.Descendants().Where(e => e.Name.LocalName == "script").ShouldBeEmpty();
        html.ShouldNotContain("<script");
        html.ShouldNotContain("\u0000");
        var svg = doc.Descendants(SvgNs + "svg").First(s => s.Attribute("role") is not null);
        svg.Element(SvgNs + "title")!.Value.ShouldContain("<script>alert('x')</script> & \"quoted\" 🙂 مرحبا");
        doc.Descendants("table").Single().Value.ShouldContain("🙂 مرحبا");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EmptyData_SaysNoDataYet_InsteadOfABrokenChart(string kind)
    {
        var html = Empty(kind);

        var doc = Parse(html);
        doc.Descendants(SvgNs + "svg").ShouldBeEmpty();
        doc.Root!.Value.ShouldContain("No data yet");
        doc.Descendants("figcaption").Single().Value.ShouldBe("Nothing");
    }

    [Fact]
    public void LineTable_ContainsEveryValue_InEnGbFormat()
    {
        var values = new[] { 1234.0, 7, 0, 98765, 42.5 };
        var series = new LineSeries("Calls", values.Select((v, i) => LinePoint.On(Day.AddDays(7 * i), v)).ToList());
        var other = new LineSeries("Visits", values.Select((v, i) => LinePoint.On(Day.AddDays(7 * i), v + 1)).ToList());

        var doc = Parse(Html(Line(new LineChart("Calls", "Calls by week.", [series, other]))));

        var cells = TableCells(doc);
        foreach (var expected in new[] { "1,234", "7", "0", "98,765", "42.5", "1,235", "8", "1", "98,766", "43.5", "23 Nov 2026", "30 Nov 2026" })
        {
            cells.ShouldContain(expected);
        }
    }

    [Fact]
    public void Numbers_UseInvariantCoordinates_AndEnGbLabels_WhateverTheCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            var html = Html(Line(new LineChart("Cost", "Cost by day.", [new("Cost", [LinePoint.On(Day, 1234.5), LinePoint.On(Day.AddDays(3), 2500.25)])]) { Format = ValueFormat.Pounds }));

            var doc = Parse(html);
            TableCells(doc).ShouldContain("£1,234.50");
            TableCells(doc).ShouldContain("£2,500.25");
            foreach (var d in doc.Descendants(SvgNs + "path").Select(p => p.Attribute("d")!.Value))
            {
                d.ShouldNotContain(",");
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData(new[] { 5.0 })]
    [InlineData(new[] { 3.0, 3, 3, 3 })]
    [InlineData(new[] { 0.0, 0, 0 })]
    [InlineData(new[] { -5.0, -20, 3, -1 })]
    [InlineData(new[] { -7.0, -7 })]
    [InlineData(new[] { 1_500_000_000.0, 2_750_000_000, 12 })]
    [InlineData(new[] { 0.0001, 0.0002 })]
    public void AwkwardValues_DrawFiniteCharts_WithEveryValueInTheTable(double[] values)
    {
        var line = Html(Line(new LineChart("T", "D", [new("S", values.Select((v, i) => LinePoint.On(Day.AddDays(i), v)).ToList())])));
        var numeric = Html(Line(new LineChart("T", "D", [new("S", values.Select((v, i) => LinePoint.At(i * 1000, v)).ToList())])));
        var bar = Html(Bar(new BarChart("T", "D", values.Select((v, i) => new BarValue($"Category {i}", v)).ToList())));
        var hbar = Html(Bar(new BarChart("T", "D", values.Select((v, i) => new BarValue($"Category {i}", v)).ToList()) { Orientation = BarOrientation.Horizontal }));
        var capability = Html(Capability(new CapabilityChartData("T", "D", values.Select((v, i) => new CapabilityPoint(Day.AddDays(i), v, v, v - 1, v + 1, SignalClassification.None, 0)).ToList())));

        foreach (var html in new[] { line, numeric, bar, hbar, capability })
        {
            html.ShouldNotContain("NaN");
            html.ShouldNotContain("Infinity");
            var doc = Parse(html);
            AllCoordinatesFinite(doc);
            var cells = TableCells(doc);
            foreach (var v in values)
            {
                cells.ShouldContain(ValueText(v));
            }
        }
    }

    [Fact]
    public void Scale_PadsASinglePoint_AndKeepsTicksRound()
    {
        var single = Scale.Nice([5], 100, 0, includeZero: false);
        single.Min.ShouldBeLessThan(5);
        single.Max.ShouldBeGreaterThan(5);
        single.Map(5).ShouldBeInRange(0, 100);

        var big = Scale.Nice([0, 2_750_000_000], 100, 0, includeZero: true);
        big.Ticks.ShouldAllBe(t => t % 500_000_000 == 0);
        big.Max.ShouldBeGreaterThanOrEqualTo(2_750_000_000);

        var negative = Scale.Nice([-20, 3], 100, 0, includeZero: true);
        negative.Min.ShouldBeLessThanOrEqualTo(-20);
        negative.Ticks.ShouldContain(0);
    }

    [Fact]
    public void Pareto_SortsLargestFirst_AndEndsAtOneHundredPercent()
    {
        var doc = Parse(Html(Pareto(new ParetoChart("Failure demand", "Types.", [new("Chasing", 10), new("Repeat", 50), new("Not done right", 40)]))));

        var rows = doc.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(c => c.Value).ToList()).ToList();
        rows.Select(r => r[1]).ShouldBe(["Repeat", "Not done right", "Chasing"]);
        rows.Select(r => r[4]).ShouldBe(["50%", "90%", "100%"]);
    }

    [Fact]
    public void Timeline_LinksEveryRecord_ForKeyboards_AndKeepsToTheDateRange()
    {
        var lanes = new List<TimelineLane>
        {
            new("Council", [new(new DateOnly(2025, 3, 1), "Assessment") { Href = "/Flow/Record/1" }, new(new DateOnly(2026, 2, 1), "Review") { Href = "/Flow/Record/2" }]),
            new("NHS Trust", [new(new DateOnly(2025, 6, 1), "Admission") { Href = "javascript:alert(1)" }]),
        };

        var html = Html(Timeline(new TimelineChart("Ruth's year", "Everything that happened.", lanes) { From = new(2025, 1, 1), To = new(2025, 12, 31) }));

        var doc = Parse(html);
        var svg = doc.Descendants(SvgNs + "svg").First(s => s.Attribute("role") is not null);
        svg.Attribute("role")!.Value.ShouldBe("group");
        var links = svg.Descendants(SvgNs + "a").ToList();
        links.Select(a => a.Attribute("href")!.Value).ShouldBe(["/Flow/Record/1"]);
        links[0].Attribute("aria-label")!.Value.ShouldContain("Assessment");
        links[0].Descendants(SvgNs + "title").ShouldNotBeEmpty();
        html.ShouldNotContain("javascript:");
        var cells = TableCells(doc);
        cells.ShouldContain("1 Jun 2025");
        cells.ShouldNotContain("1 Feb 2026");
    }

    [Fact]
    public void Capability_MarksSignalsByShapeAndColour_AndExplainsThemInTheLegend()
    {
        var points = new List<CapabilityPoint>
        {
            new(Day, 10, 12, 4, 20, SignalClassification.None, 0),
            new(Day.AddDays(7), 25, 12, 4, 20, SignalClassification.Concern, 0),
            new(Day.AddDays(14), 6, 8, 2, 14, SignalClassification.Improvement, 1),
            new(Day.AddDays(21), 7, 8, null, 14, SignalClassification.Neutral, 1),
        };

        var html = Html(Capability(new CapabilityChartData("Re-referrals", "Re-referrals each week.", points) { Phases = [new(Day, "Before"), new(Day.AddDays(14), "After the locality team")] }));

        var doc = Parse(html);
        var legend = doc.Descendants("ul").Single().Value;
        legend.ShouldContain("Signal: improvement");
        legend.ShouldContain("Signal: concern");
        legend.ShouldContain("Signal: neutral");
        legend.ShouldContain("natural process limits");
        var marks = doc.Descendants(SvgNs + "path").Where(p => p.Attribute("class")?.Value == "lf-chart__mark" && p.Parent!.Name.LocalName == "svg").ToList();
        marks.Select(m => (m.Attribute("fill")!.Value, m.Attribute("d")!.Value[..1])).Distinct().Count().ShouldBe(4);
        doc.Descendants(SvgNs + "text").Select(t => t.Value).ShouldContain(t => t.Contains("After the locality team (from 7 Dec 2026)", StringComparison.Ordinal));
        doc.Descendants(SvgNs + "g").Count(g => g.Attribute("class")?.Value == "lf-chart__phase").ShouldBe(2);
        TableCells(doc).ShouldContain("none");
    }

    [Fact]
    public void CumulativeCost_AddsUpInPounds_BesideWhatMattered()
    {
        var costs = new List<CostItem> { new(new(2008, 1, 1), 100_000m, "Care"), new(new(2010, 5, 1), 6_777m, "Assessments") };

        var doc = Parse(Html(CumulativeCost(new CostCurveChart("Ruth", "What was done and what mattered.", costs) { ReferenceAmount = 20_760m })));

        var cells = TableCells(doc);
        cells.ShouldContain("£106,777");
        cells.ShouldContain("£20,760");
        doc.Descendants(SvgNs + "line").Count(l => l.Attribute("class")?.Value == "lf-chart__reference").ShouldBe(1);
    }

    [Fact]
    public void HandOffMap_DrawsAnArrowPerPair_AndTabulatesCountsAndWaits()
    {
        var handOffs = new List<HandOff> { new("Council", "NHS Trust", 12, TimeSpan.FromDays(3.5)), new("NHS Trust", "Council", 4, TimeSpan.FromHours(5)), new("Police", "Council", 1, null) };

        var doc = Parse(Html(HandOffMap(new HandOffMapChart("Hand-offs", "Between agencies.", handOffs))));

        doc.Descendants(SvgNs + "path").Count(p => p.Attribute("class")?.Value == "lf-chart__handoff").ShouldBe(3);
        doc.Descendants(SvgNs + "circle").Count(c => c.Attribute("class")?.Value == "lf-chart__node").ShouldBe(3);
        var cells = TableCells(doc);
        cells.ShouldContain("3.5 days");
        cells.ShouldContain("5 hours");
        cells.ShouldContain("not known");
        cells.ShouldContain("12");
    }

    [Fact]
    public void TwoCharts_WithDifferentTitles_HaveDifferentIds()
    {
        var a = Parse(Sample("bar", "One", "D")).Root!.Element("figure")!.Attribute("id")!.Value;
        var b = Parse(Sample("bar", "Two", "D")).Root!.Element("figure")!.Attribute("id")!.Value;

        a.ShouldNotBe(b);
    }

    private static string Sample(string kind, string title, string description, string label = "Council") => kind switch
    {
        "line" => Html(Line(new LineChart(title, description, [new(label, [LinePoint.On(Day, 3), LinePoint.On(Day.AddDays(7), 5)]), new("Second", [LinePoint.On(Day, 1)])]))),
        "bar" => Html(Bar(new BarChart(title, description, [new(label, 3), new("Phone", -2)]) { Orientation = BarOrientation.Vertical })),
        "hbar" => Html(Bar(new BarChart(title, description, [new(label, 3) { Href = "/x" }, new("Phone", 2)]) { Orientation = BarOrientation.Horizontal })),
        "pareto" => Html(Pareto(new ParetoChart(title, description, [new(label, 3), new("Phone", 9)]))),
        "timeline" => Html(Timeline(new TimelineChart(title, description, [new(label, [new(Day, label) { Href = "/Flow/1" }, new(Day, "Same day")]), new("Police", [new(Day.AddDays(40), "Attendance")])]))),
        "capability" => Html(Capability(new CapabilityChartData(title, description, [new(Day, 3, 4, 1, 7, SignalClassification.None, 0), new(Day.AddDays(1), 9, 4, 1, 7, SignalClassification.Concern, 0)]) { Phases = [new(Day, label)] })),
        "cost" => Html(CumulativeCost(new CostCurveChart(title, description, [new(Day, 450m, label), new(Day.AddDays(30), 1800m, "Admission")]) { Comparison = [new(Day, 100m, "Cleaner")] })),
        "handoffs" => Html(HandOffMap(new HandOffMapChart(title, description, [new(label, "Police", 3, TimeSpan.FromDays(2)), new("Police", label, 1, null)]))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Empty(string kind) => kind switch
    {
        "line" => Html(Line(new LineChart("Nothing", "D", []))),
        "bar" => Html(Bar(new BarChart("Nothing", "D", []))),
        "hbar" => Html(Bar(new BarChart("Nothing", "D", []) { Orientation = BarOrientation.Horizontal })),
        "pareto" => Html(Pareto(new ParetoChart("Nothing", "D", [new("Zero", 0)]))),
        "timeline" => Html(Timeline(new TimelineChart("Nothing", "D", [new("Council", [])]))),
        "capability" => Html(Capability(new CapabilityChartData("Nothing", "D", []))),
        "cost" => Html(CumulativeCost(new CostCurveChart("Nothing", "D", []))),
        "handoffs" => Html(HandOffMap(new HandOffMapChart("Nothing", "D", []))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static XDocument Parse(string html) => XDocument.Parse("<root>" + html + "</root>");

    private static List<string> TableCells(XDocument doc) =>
        doc.Descendants("tbody").SelectMany(b => b.Descendants("tr")).SelectMany(r => r.Elements()).Select(c => c.Value).ToList();

    private static string ValueText(double v) => v switch
    {
        5 => "5",
        3 => "3",
        0 => "0",
        -5 => "-5",
        -20 => "-20",
        -1 => "-1",
        -7 => "-7",
        1_500_000_000 => "1,500,000,000",
        2_750_000_000 => "2,750,000,000",
        12 => "12",
        0.0001 => "0.0001",
        0.0002 => "0.0002",
        _ => throw new ArgumentOutOfRangeException(nameof(v)),
    };

    private static void AllCoordinatesFinite(XDocument doc)
    {
        foreach (var attribute in doc.Descendants().Where(e => e.Name.Namespace == SvgNs).Attributes().Where(a => a.Name.LocalName is "x" or "y" or "x1" or "x2" or "y1" or "y2" or "cx" or "cy" or "width" or "height" && !a.Value.EndsWith('%')))
        {
            double.TryParse(attribute.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value).ShouldBeTrue($"{attribute.Name}={attribute.Value}");
            double.IsFinite(value).ShouldBeTrue();
        }
    }
}
