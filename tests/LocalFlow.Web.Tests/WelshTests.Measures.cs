using System.Globalization;
using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>The measures pages in Welsh (issue 15): measures and any measure's chart, defining a purpose measure, a measure, an experiment and population curves.</summary>
public partial class WelshTests
{
    /// <summary>
    /// A measures page asked for in Welsh by the analyst ("{measure}" stands for the demo's first purpose measure),
    /// the Welsh the page must show, and English of that page that must not show.
    /// </summary>
    public static TheoryData<string, string, string[]> MeasuresPages => new()
    {
        { "/Measures", "Mesurau pwrpas", ["A capability chart shows", "Purpose measures", "Chart any measure", "What is measured", "Which way is better", "Draw the chart", "Limits per phase", "Moving ranges screened out", "from the command line"] },
        { "/Measures/Define", "Diffinio mesur pwrpas", ["Define a purpose measure", "What the measure is called", "Who owns it", "The individual", "Each month", "Operational definition", "Higher is better", "Save the measure"] },
        { "/Measures/Measure/{measure}", "Arbrofion", ["Back to measures", "Operational definition", "Which way is better", "saved by", "Experiments", "What the signals say", "Limits per phase", "Became normal practice"] },
        { "/Measures/Experiment?measure={measure}", "Cofnodi arbrawf", ["Record an experiment", "Study, plan, do", "What was changed", "For whom", "The date the change began", "Save the experiment"] },
        { "/Measures/Population", "Cromliniau poblogaeth", ["Population curves", "Has the curve turned", "Each measure at the geography", "Whether each curve has turned", "Trend before", "The measure and its experiments", "Owner:"] },
    };

    [Theory]
    [MemberData(nameof(MeasuresPages))]
    public async Task AMeasuresPage_IsAllWelsh(string path, string welsh, string[] english)
    {
        await AskedInWelsh_IsAllWelshAsync(DemoUsers.Analyst, path.Replace("{measure}", FirstMeasure().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), welsh, english);
    }

    /// <summary>An empty purpose measure posted in Welsh is refused with Welsh errors, and nothing is saved.</summary>
    [Fact]
    public async Task DefiningAnEmptyMeasure_InWelsh_IsRefusedInWelsh()
    {
        var client = await WelshClientAsync(DemoUsers.Analyst);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Measures/Define");
        var before = MeasureCount();
        var response = await client.PostAsync("/Measures/Define", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), "/Measures/Define (empty)", "Rhowch enw'r mesur", ["Enter what the measure is called", "Choose the level", "There is a problem", "Error:"]);
        MeasureCount().ShouldBe(before);
    }

    private int FirstMeasure()
    {
        using var scope = _app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>().SavedMeasures.Min(m => m.Id);
    }

    private int MeasureCount()
    {
        using var scope = _app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>().SavedMeasures.Count();
    }
}
