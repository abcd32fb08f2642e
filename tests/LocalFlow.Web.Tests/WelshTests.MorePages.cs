using System.Net;
using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests;

/// <summary>More pages in Welsh (issue 15): search, the help pages' index and the user's own account pages, each declared translated and showing none of its English.</summary>
public partial class WelshTests
{
    /// <summary>
    /// A demo user, a page they ask for in Welsh ("{family}" stands for the family name of a demo person the team works
    /// with), the Welsh the page must show, and English of that page that must not show.
    /// </summary>
    public static TheoryData<string, string, string, string[]> MoreTranslatedPages => new()
    {
        { DemoUsers.Worker, "/Search?q={family}", "Canlyniadau ar gyfer", ["Search LocalFlow", "A person's name", "result for", "results for", "born ", "People", "Nothing found"] },
        { DemoUsers.Study, "/Search?q=zzqqzz", "Ni chafwyd hyd i ddim", ["Search LocalFlow", "result", "Nothing found", "Check the spelling"] },
        { DemoUsers.Study, "/Search?q=a", "Rhowch o leiaf 2 nod", ["There is a problem", "Error:", "Enter at least", "Search LocalFlow"] },
        { DemoUsers.Worker, "/Help", "Beth yw diben pob rhan", ["What each part", "Demand study", "Locality working", "Listen to demand", "Chart any measure", "Downloading charts"] },
        { DemoUsers.Analyst, "/Account/ChangePassword", "Dewis cyfrinair newydd", ["Choose a new password", "Current password", "New password", "characters", "Type the new password", "Save password"] },
        { DemoUsers.Commissioner, "/ChooseLocality", "Dewis ardal", ["Choose a locality", "You work in", "You do not work", "Which locality", "Continue"] },
    };

    [Theory]
    [MemberData(nameof(MoreTranslatedPages))]
    public async Task AnotherTranslatedPage_IsAllWelsh(string user, string path, string welsh, string[] english)
    {
        var (_, family, _) = TeamWorksWith(_app);
        var client = await _app.ClientAsync(user);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await client.GetAsync(path.Replace("{family}", Uri.EscapeDataString(family), StringComparison.Ordinal));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), path, welsh, english);
    }

    /// <summary>Signing out in Welsh says so in Welsh (a user none of the other Welsh tests signs in as: it ends their sessions).</summary>
    [Fact]
    public async Task SigningOut_InWelsh_IsInWelsh()
    {
        var client = await _app.FreshSignInAsync(DemoUsers.Steering);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/");
        var response = await client.PostAsync("/SignOut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), "/SignOut", "Rydych wedi allgofnodi", ["You have signed out", "Sign in again"]);
    }

    /// <summary>
    /// What every translated page must be in Welsh: the Welsh frame and lang, no "not yet in Welsh" notice, an unmarked
    /// main, the Welsh shown (<paramref name="welsh"/>), and none of the page's <paramref name="english"/>.
    /// </summary>
    private static void ShouldBeAllWelsh(string html, string path, string welsh, string[] english)
    {
        CrawlTests.NotWelsh(html).ShouldBeEmpty();
        html.ShouldContain("<html lang=\"cy\"");
        html.ShouldNotContain("Nid yw&#x27;r dudalen hon ar gael yn Gymraeg eto");
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        html[start..html.IndexOf('>', start)].ShouldNotContain("lang=", Case.Sensitive, "the page's content is Welsh, not marked as English");
        var main = CrawlTests.VisibleText(html[start..html.LastIndexOf("</main>", StringComparison.Ordinal)]);
        main.ShouldContain(welsh);
        foreach (var text in english)
        {
            main.ShouldNotContain(text, Case.Sensitive, $"{path} in Welsh");
        }
    }
}
