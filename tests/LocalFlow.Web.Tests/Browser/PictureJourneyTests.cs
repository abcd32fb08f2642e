using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>The locality picture by keyboard only, with axe-core: a commissioner sees areas and counts (never households), the locality team sees households with their flags and tiers.</summary>
public class PictureJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Commissioner_OpensThePictureFromEconomics_SeesStreetsAndTiers_ButNoHouseholds()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "commissioner");
        await page.GotoAsync("/Economics");
        await page.FollowLinkByKeyboardAsync("main a#locality-picture", "**/Locality/Picture");
        await page.AssertAccessibleAsync();
        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain("not a threshold");
        main.ShouldContain("I need serious help");
        (await page.Locator("#street-table tbody tr").CountAsync()).ShouldBeGreaterThan(3);
        (await page.Locator("#flag-table tbody tr").CountAsync()).ShouldBe(7);
        (await page.Locator("#household-table").CountAsync()).ShouldBe(0);
        (await page.Locator("figure svg").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task LocalityWorker_SeesFlaggedHouseholds_WithTheirTierAndWhy()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "worker");
        await page.GotoAsync("/Locality");
        await page.FollowLinkByKeyboardAsync("main a#locality-picture", "**/Locality/Picture");
        await page.AssertAccessibleAsync();
        (await page.Locator("#household-table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#household-table tbody tr").First.InnerTextAsync()).ShouldContain("Records from");

        // A tier without a note is refused, keeping the choice; with a note it is set, and the household says so.
        var household = await page.Locator("#Household option:nth-child(2)").GetAttributeAsync("value");
        await page.Locator("#Household").SelectOptionAsync(household!);
        await page.Locator("input[name='NewTier'][value='1']").CheckAsync();
        await page.Locator("#save-tier").ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Say why you know better than the rule");
        (await page.Locator("#Household").InputValueAsync()).ShouldBe(household);
        await page.AssertAccessibleAsync();
        await page.Locator("#Note").FillAsync("Moved in with her sister; settled now");
        await page.Locator("#save-tier").ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        var row = page.Locator("#household-table tbody tr", new() { HasText = "Set by the team" });
        (await row.CountAsync()).ShouldBe(1);
        (await row.InnerTextAsync()).ShouldContain("Moved in with her sister; settled now");
        (await row.InnerTextAsync()).ShouldContain("I am in balance but need a little help");
    }
}
