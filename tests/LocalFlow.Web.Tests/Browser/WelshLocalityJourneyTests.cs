using LocalFlow.Web.Tests.Support;
using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>
/// Cymraeg for the locality team: a team member chooses Welsh, opens people and households, finds a person and opens
/// their page and their plan, all in Welsh; axe-core checks each page, and the person's own words keep their language.
/// </summary>
public class WelshLocalityJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ATeamMember_WorksInWelsh_FromPeopleToAPersonsPlan_AndTheirWordsKeepTheirLanguage()
    {
        var (person, family, _) = WelshTests.TeamWorksWith(Browser.App);
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "keyworker");
        await page.GotoAsync("/Locality");
        await page.ClickAsync(".lf-language a[hreflang='cy']");
        await page.Locator("html[lang='cy']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Gweithio yn yr ardal");

        await page.ClickAsync("main a[href='/Locality/People']");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Pobl ac aelwydydd");
        await page.FillAsync("#q", family);
        await page.ClickAsync("main form button");
        await page.WaitForURLAsync("**/Locality/People?q=**");
        (await page.Locator("#people-found thead").InnerTextAsync()).ShouldContain("Dyddiad geni");
        await page.AssertAccessibleAsync();

        await page.ClickAsync($"#people-found a[href='/Locality/Person/{person}']");
        await page.WaitForURLAsync($"**/Locality/Person/{person}");
        (await page.Locator("main").GetAttributeAsync("lang")).ShouldBeNull("the page's own content is Welsh");
        (await page.Locator("#working").InnerTextAsync()).ShouldStartWith("Gweithio gyda");
        (await page.Locator("#what-matters + ul bdi").First.GetAttributeAsync("lang")).ShouldBe("en-GB", "what they said in English stays marked as English on a Welsh page");
        await page.AssertAccessibleAsync();

        await page.ClickAsync("#plan-link");
        await page.WaitForURLAsync($"**/Locality/MyPlan/{person}");
        (await page.Locator("#plan-title").InnerTextAsync()).ShouldStartWith("Cynllun ");
        (await page.Locator(".lf-plan h2").AllInnerTextsAsync()).ShouldContain("Beth sy'n bwysig i mi");
        (await page.Locator(".lf-plan__words bdi").First.GetAttributeAsync("lang")).ShouldBe("en-GB");
        await page.AssertAccessibleAsync();
    }
}
