using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>Messages that <c>LocalFlow.Data</c> gives when it refuses what was asked, in Welsh on a Welsh page (issue 15, docs/welsh.md).</summary>
public partial class WelshTests
{
    [Fact]
    public async Task ATypeNameAlreadyInUse_IsRefusedInWelsh_ByTheRuleInLocalFlowData_AndInEnglishInEnglish()
    {
        var (study, type, _) = DemandStudyIds();
        string taken;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
            taken = db.DemandTypes.Where(t => t.Id == type).Select(t => t.Name).Single();
        }
        async Task<string> CreateAsync(HttpClient client)
        {
            var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Demand/Types/{study}");
            var response = await client.PostAsync($"/Demand/Types/{study}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Name"] = taken,
                ["Input.Nature"] = "Value",
            }));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await response.Content.ReadAsStringAsync();
        }

        var welsh = await CreateAsync(await WelshClientAsync(DemoUsers.Study));
        welsh.ShouldContain("Mae math o&#x27;r enw &quot;" + System.Net.WebUtility.HtmlEncode(taken).Replace("'", "&#x27;", StringComparison.Ordinal) + "&quot; yn bod yn barod");
        welsh.ShouldNotContain("There is already a type called");
        CrawlTests.NotWelsh(welsh).ShouldBeEmpty();

        var english = await CreateAsync(await _app.ClientAsync(DemoUsers.Study));
        english.ShouldContain("There is already a type called &quot;");
        english.ShouldNotContain("yn bod yn barod");
    }

    [Fact]
    public async Task AGoodLifeConversationWithNothingWritten_IsRefusedInWelsh_ByTheRuleInLocalFlowData()
    {
        var (person, _, _) = TeamWorksWith(_app);
        var client = await WelshClientAsync(DemoUsers.Worker);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Locality/Conversation/{person}");
        var response = await client.PostAsync($"/Locality/Conversation/{person}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Ysgrifennwch o leiaf un peth a ddywedon nhw");
        html.ShouldNotContain("Write down at least one thing");
    }
}
