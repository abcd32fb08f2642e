using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Redesign;

/// <summary>The redesign pages over the demo programme, by plain HTTP (the crawl's app fixture, reused).</summary>
public partial class RedesignPagesTests(CrawlTests.App app) : IClassFixture<CrawlTests.App>
{
    private readonly LocalFlowApp _app = app.Factory;

    [Fact]
    public async Task Overview_ShowsTheDemoProgramme_WithSavingsOnlyAsEstimates()
    {
        var client = await _app.ClientAsync(DemoUsers.Citizen);

        var overview = WebUtility.HtmlDecode(await client.GetStringAsync("/Redesign"));
        var portfolio = WebUtility.HtmlDecode(await client.GetStringAsync("/Redesign/Questions?status=Stopped"));

        overview.ShouldContain("Northfield together");
        overview.ShouldContain("Cooperation over competition");
        overview.ShouldContain("No payment by results");
        overview.ShouldContain("Estimate: £");
        overview.ShouldNotContain("Not in LocalFlow yet");
        portfolio.ShouldContain("4 questions match");
        Regex.Matches(portfolio, "href=\"/Redesign/Question/").Count.ShouldBe(4);
    }

    [Fact]
    public async Task Citizen_SeesAQuestionsEvidenceInAggregate_NeverAPersonsRecords()
    {
        Guid[] fromConditions;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            fromConditions = await db.CommissioningQuestions.Where(q => q.Source == QuestionSource.SystemCondition).OrderBy(q => q.Number).Select(q => q.Id).ToArrayAsync();
        }
        fromConditions.Length.ShouldBeGreaterThan(5);
        var client = await _app.ClientAsync(DemoUsers.Citizen);

        foreach (var id in fromConditions)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Redesign/Question/{id}"));
            html.ShouldContain("System condition: ");
            html.ShouldContain("Failure demands");
            // The demo's conditions are evidenced by Ruth's, Melvyn's and Paul's case histories: none of them is named.
            foreach (var person in (string[])["Ruth", "Melvyn", "Paul", "/Flow/Person/", "/Locality/Person/", "/Conditions/"])
            {
                html.ShouldNotContain(person, customMessage: $"question {id}");
            }
        }
        (await client.GetAsync("/Conditions")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SecondSaver_IsShownBothVersions_AndKeepsWhatTheyTyped()
    {
        Guid id;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            id = await db.CommissioningQuestions.Where(q => q.Stage == Analytics.Redesign.QuestionStage.Posed && q.Status == Analytics.Redesign.QuestionStatus.Open).OrderBy(q => q.Number).Select(q => q.Id).FirstAsync();
        }
        var first = await _app.ClientAsync(DemoUsers.Commissioner);
        var second = await _app.ClientAsync(DemoUsers.Citizen);
        var page = $"/Redesign/Edit/{id}";
        var version = VersionPattern().Match(await first.GetStringAsync(page)).Groups[1].Value;
        var firstToken = await LocalFlowApp.AntiforgeryTokenAsync(first, page);
        var secondToken = await LocalFlowApp.AntiforgeryTokenAsync(second, page);
        Dictionary<string, string> Form(string token, string outcome) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Version"] = version,
            ["Input.Title"] = "Could the first person people meet stay with them?",
            ["Input.Outcome"] = outcome,
        };

        var saved = await first.PostAsync(page, new FormUrlEncodedContent(Form(firstToken, "The commissioner's outcome")));
        var refused = await second.PostAsync(page, new FormUrlEncodedContent(Form(secondToken, "The citizen's outcome")));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("saved a change to this question while you were editing");
        html.ShouldContain("The commissioner's outcome");
        html.ShouldContain("The citizen's outcome");
        using var check = _app.Services.CreateScope();
        (await check.ServiceProvider.GetRequiredService<LocalFlowDb>().CommissioningQuestions.Where(q => q.Id == id).Select(q => q.Outcome).SingleAsync())
            .ShouldBe("The commissioner's outcome");
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
