using System.Net;
using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Measures;

/// <summary>The Measures page charts any dated measure; the figures come from the engine, and bad input keeps what was typed.</summary>
public class MeasuresPageTests : IClassFixture<SmokeTests.App>
{
    private readonly LocalFlowApp _app;

    public MeasuresPageTests(SmokeTests.App app) => _app = app.Factory;

    private static string TwoLevels()
    {
        var lines = new List<string> { "date,value" };
        for (var i = 0; i < 20; i++)
        {
            lines.Add($"{new DateOnly(2026, 10, 1).AddDays(i):yyyy-MM-dd},{(i < 10 ? 10 : 20) + (i % 2 == 0 ? 0 : 2)}");
        }
        return string.Join('\n', lines);
    }

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string user, Dictionary<string, string> form)
    {
        var client = await _app.ClientAsync(user);
        form["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Measures");
        var response = await client.PostAsync("/Measures", new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FirstVisit_ShowsAWorkedExample_WithItsChartAndDataTable()
    {
        var client = await _app.ClientAsync(DemoUsers.Analyst);
        var html = await client.GetStringAsync("/Measures");
        html.ShouldContain("<svg");
        html.ShouldContain("Limits per phase");
        html.ShouldContain("<table");
        html.ShouldContain("2026-09-29");
    }

    [Fact]
    public async Task PostedValues_WithAPhase_GiveEachPhaseItsOwnHandWorkedLimits()
    {
        var (status, html) = await PostAsync(DemoUsers.Study, new()
        {
            ["Input.Title"] = "Demands per day",
            ["Input.Values"] = TwoLevels(),
            ["Input.Phases"] = "2026-10-11",
            ["Input.Improvement"] = "neither",
            ["Input.Screen"] = "on",
        });
        status.ShouldBe(HttpStatusCode.OK);
        // Phase 1: mean 11, mean moving range 2, limits 11 ± 5.32; phase 2: mean 21.
        html.ShouldContain("5.68");
        html.ShouldContain("16.32");
        html.ShouldContain("15.68");
        html.ShouldContain("26.32");
        html.ShouldContain("No signals");
    }

    [Fact]
    public async Task WithoutAPhase_TheShiftShowsAsSignals()
    {
        var (_, html) = await PostAsync(DemoUsers.Study, new()
        {
            ["Input.Values"] = TwoLevels(),
            ["Input.Improvement"] = "down",
            ["Input.Screen"] = "on",
        });
        html.ShouldContain("run on one side");
        html.ShouldContain("(concern)");
        html.ShouldContain("(improvement)");
    }

    [Fact]
    public async Task BadLines_AreListedByLine_AndWhatWasTypedIsKept()
    {
        var typed = "date,value\n2026-10-01,4\n1/10/2026,5\n2026-10-03,lots";
        var (status, html) = await PostAsync(DemoUsers.Commissioner, new()
        {
            ["Input.Title"] = "Bed days ✓ (عربى)",
            ["Input.Values"] = typed,
            ["Input.Phases"] = "next week",
            ["Input.Improvement"] = "up",
        });
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("There is a problem");
        html.ShouldContain("Line 3: &quot;1/10/2026&quot; is not a date");
        html.ShouldContain("Line 4: &quot;lots&quot; is not a number");
        html.ShouldContain("&quot;next&quot; is not a date");
        html.ShouldContain("1/10/2026");
        html.ShouldContain("value=\"Bed days ✓ (عربى)\"");
        html.ShouldNotContain("Limits per phase");
    }

    [Fact]
    public async Task EmptyValues_AreRefusedWithAClearMessage()
    {
        var (_, html) = await PostAsync(DemoUsers.Worker, new() { ["Input.Values"] = "  " });
        html.ShouldContain("Enter the values to chart");
    }

    [Fact]
    public async Task AnAdministratorWithoutMeasuresRights_IsRefused()
    {
        var client = await _app.ClientAsync(DemoUsers.Admin);
        var response = await client.GetAsync("/Measures");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/AccessDenied");
    }
}
