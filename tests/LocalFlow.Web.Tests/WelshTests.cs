using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests;

/// <summary>Cymraeg: the interface in Welsh by the user's choice, its text in resource files (docs/welsh.md).</summary>
public partial class WelshTests : IClassFixture<SmokeTests.App>
{
    private readonly LocalFlowApp _app;

    public WelshTests(SmokeTests.App app) => _app = app.Factory;

    /// <summary>Every resource file of the web app: each English text has Welsh, none is empty, and both fill the same places.</summary>
    [Fact]
    public void EveryText_HasWelsh_WithTheSamePlaceholders()
    {
        // The web app's texts and the messages LocalFlow.Data gives when it refuses something (DataText).
        var names = new[] { typeof(Languages).Assembly, typeof(LocalFlow.Data.Resources.DataText).Assembly }
            .SelectMany(a => a.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal)).Select(n => (Assembly: a, Name: n))).ToList();
        names.Select(n => n.Name).ShouldContain("LocalFlow.Web.Resources.LayoutText.resources");
        names.Select(n => n.Name).ShouldContain("LocalFlow.Data.Resources.DataText.resources");
        var problems = new List<string>();
        foreach (var (assembly, name) in names)
        {
            var manager = new ResourceManager(name[..^".resources".Length], assembly);
            var english = Entries(manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!);
            var welsh = manager.GetResourceSet(Languages.Welsh, createIfNotExists: true, tryParents: false) is { } set ? Entries(set) : [];
            foreach (var (key, text) in english)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{name}: {key} has no English text");
                }
                if (!welsh.TryGetValue(key, out var cy) || string.IsNullOrWhiteSpace(cy))
                {
                    problems.Add($"{name}: {key} has no Welsh text");
                }
                else if (!Placeholders(text).SetEquals(Placeholders(cy)))
                {
                    problems.Add($"{name}: {key} fills {{{string.Join(",", Placeholders(text))}}} in English but {{{string.Join(",", Placeholders(cy))}}} in Welsh");
                }
            }
            problems.AddRange(welsh.Keys.Except(english.Keys).Select(k => $"{name}: {k} is Welsh only"));
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheChoiceOfWelsh_IsKeptInACookie_AndTheSignInPageIsInWelsh_ErrorsToo()
    {
        var client = await _app.ClientAsync();
        var chosen = await client.GetAsync("/Language?to=cy&returnUrl=%2FSignIn");
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        chosen.Headers.Location!.ToString().ShouldBe("/SignIn");
        var cookie = chosen.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Languages.CookieName + "=", StringComparison.Ordinal));
        cookie.ShouldContain("expires=", Case.Insensitive, "kept between sessions, not only for this one");
        cookie.ShouldContain("uic%3Dcy");

        var page = await client.GetStringAsync("/SignIn");
        page.ShouldContain("<html lang=\"cy\"");
        page.ShouldContain("Mewngofnodi i LocalFlow");
        page.ShouldContain("Neidio i&#x27;r prif gynnwys");
        page.ShouldContain(">English</a>");
        page.ShouldNotContain("Nid yw&#x27;r dudalen hon ar gael yn Gymraeg eto", Case.Sensitive, "the sign-in page is translated");

        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/SignIn");
        var refused = await client.PostAsync("/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "",
            ["Password"] = "",
            ["__RequestVerificationToken"] = token,
        }));
        var errors = await refused.Content.ReadAsStringAsync();
        errors.ShouldContain("Mae problem wedi codi");
        errors.ShouldContain("Rhowch eich enw defnyddiwr");
        errors.ShouldContain("Gwall:");

        var missing = await client.GetAsync("/No/Such/Page");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var notFound = await missing.Content.ReadAsStringAsync();
        notFound.ShouldContain("Heb ddod o hyd i&#x27;r dudalen");
        WebUtility.HtmlDecode(notFound).ShouldContain("Gallwch <a class=\"govuk-link\" href=\"/\">fynd i'r hafan</a> i ddod o hyd");

        var back = await client.GetAsync("/Language?to=en&returnUrl=%2F");
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await client.GetStringAsync("/");
        home.ShouldContain("<html lang=\"en-GB\"");
        home.ShouldContain(">Cymraeg</a>");
        home.ShouldContain("What LocalFlow does");
    }

    [Fact]
    public async Task AWelshBrowser_GetsWelsh_AndAPageNotYetTranslated_SaysSo_AndMarksItsContentAsEnglish()
    {
        var client = await _app.ClientAsync(DemoUsers.Analyst);
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("cy-GB,cy;q=0.9,en;q=0.5");
        var home = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        home.ShouldContain("<html lang=\"cy\"");
        home.ShouldContain("Beth mae LocalFlow yn ei wneud");
        home.ShouldContain("Astudiaeth llif");
        home.ShouldContain("Allgofnodi");

        // The locality measures report is built in English on purpose until it is translated (docs/welsh.md).
        (await client.GetAsync("/Language?to=cy&returnUrl=%2FMeasures%2FReport")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await client.GetStringAsync("/Measures/Report");
        report.ShouldContain("<html lang=\"cy\"");
        report.ShouldContain("Nid yw&#x27;r dudalen hon ar gael yn Gymraeg eto");
        report.ShouldContain("<main class=\"govuk-main-wrapper\" id=\"main-content\" lang=\"en-GB\">");
        CrawlTests.NotWelsh(report).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/Language?to=fr&returnUrl=%2F", 400, null)]
    [InlineData("/Language", 400, null)]
    [InlineData("/Language?to=cy&returnUrl=%2F%2Fevil.example%2F", 302, "/")]
    [InlineData("/Language?to=cy&returnUrl=https%3A%2F%2Fevil.example%2F", 302, "/")]
    [InlineData("/Language?to=cy&returnUrl=%2F%5Cevil.example", 302, "/")]
    [InlineData("/Language?to=cy&returnUrl=%2FDemand%3Fstudy%3D2", 302, "/Demand?study=2")]
    public async Task TheLanguageChoice_RefusesAnUnknownLanguage_AndGoesBackOnlyToThisSite(string url, int status, string? location)
    {
        var client = await _app.ClientAsync();
        var response = await client.GetAsync(url);
        ((int)response.StatusCode).ShouldBe(status);
        if (location is null)
        {
            (await response.Content.ReadAsStringAsync()).ShouldContain("\"cy\" for Cymraeg");
            response.Headers.Contains("Set-Cookie").ShouldBeFalse("a refused choice changes nothing");
        }
        else
        {
            response.Headers.Location!.ToString().ShouldBe(location);
        }
    }

    private static Dictionary<string, string> Entries(ResourceSet set)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in set)
        {
            entries[(string)e.Key] = e.Value as string ?? "";
        }
        return entries;
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
