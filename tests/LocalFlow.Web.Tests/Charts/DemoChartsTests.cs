using LocalFlow.Data;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LocalFlow.Web.Tests.Charts.ChartReading;

namespace LocalFlow.Web.Tests.Charts;

/// <summary>The demo's own charts, as served: Pareto bars carry their types' names and the hand-off map's places and labels stay apart.</summary>
public sealed class DemoChartsTests(DemoChartsTests.App app) : IClassFixture<DemoChartsTests.App>
{
    public sealed class App : IDisposable
    {
        public LocalFlowApp Factory { get; } = new(households: 120);

        public void Dispose() => Factory.Dispose();
    }

    private readonly LocalFlowApp _app = app.Factory;

    [Fact]
    public async Task DemandAnalysis_ParetoBars_CarryEveryTypesName_InWholeWords()
    {
        List<int> studies;
        using (var scope = _app.Services.CreateScope())
        {
            studies = await scope.ServiceProvider.GetRequiredService<LocalFlowDb>().DemandStudies.Select(s => s.Id).ToListAsync();
        }
        var client = await _app.ClientAsync(DemoUsers.Study);
        var charts = 0;
        foreach (var id in studies)
        {
            var html = await client.GetStringAsync($"/Demand/Analysis/{id}");
            foreach (var chart in new[] { "pareto-value", "pareto-failure" }.Where(c => html.Contains($"id=\"{c}\"", StringComparison.Ordinal)))
            {
                var figure = Figure(html, chart);
                if (!figure.Descendants(Svg + "svg").Any())
                {
                    continue;
                }
                var names = TableRows(figure).Select(r => r[1]).ToList();
                CategoryNames(figure).ShouldBe(names, $"study {id}, {chart}");
                var words = names.SelectMany(n => n.Split(' ')).ToHashSet(StringComparer.Ordinal);
                foreach (var line in figure.Descendants(Svg + "text").Where(t => t.Attribute("data-bar") is not null))
                {
                    Visible(line.Value).Split(' ').ShouldAllBe(w => words.Contains(w), $"study {id}, {chart}: \"{Visible(line.Value)}\"");
                }
                charts++;
            }
        }
        charts.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [InlineData("/Flow/Handoffs")]
    [InlineData("/Flow/Handoffs?level=Team")]
    public async Task HandOffMap_PlacesHaveTheirOwnColours_AndNoLabelsOverlap(string page)
    {
        var client = await _app.ClientAsync(DemoUsers.Commissioner);

        var figure = Figure(await client.GetStringAsync(page), "handoff-map");

        var colours = NodeColours(figure);
        if (!page.Contains("Team", StringComparison.Ordinal))
        {
            colours.Count.ShouldBeGreaterThanOrEqualTo(10);
            colours.Values.Distinct(StringComparer.Ordinal).Count().ShouldBe(colours.Count, string.Join(", ", colours.Select(c => $"{c.Key} {c.Value}")));
        }
        var boxes = LabelBoxes(figure, "lf-chart__handoff-label", "lf-chart__node-label");
        boxes.ShouldNotBeEmpty();
        Overlaps(boxes).ShouldBeEmpty();
    }
}
