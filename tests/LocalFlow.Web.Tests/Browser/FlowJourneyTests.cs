using LocalFlow.Web.Tests.Support;
using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>A study team member opens Ruth's case history, her timeline and her cost curve with the keyboard only; axe-core checks each page.</summary>
public class FlowJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StudyTeam_OpensRuthsTimelineAndCostCurve_ByKeyboard()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "study");

        // From the home page, by keyboard: the Flow menu item, then Ruth's case history.
        await page.GotoAsync("/");
        await page.FollowLinkByKeyboardAsync(".govuk-service-navigation__link[href='/Flow']", "**/Flow");
        await page.AssertAccessibleAsync();
        await page.TabToAsync("a.lf-flow-person");
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).ShouldContain("Ruth");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Flow/Person/**");
        (await page.Locator("#summary-sentence").InnerTextAsync()).ShouldContain("129 activity records");
        await page.AssertAccessibleAsync();

        // A mark on the timeline is a link: Enter takes the keyboard user to that record in the list.
        await page.TabToAsync("#timeline a.lf-chart__link", maxPresses: 120);
        var target = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        target.ShouldStartWith("#record-");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**" + target);
        (await page.Locator("tr" + target).CountAsync()).ShouldBe(1);

        // Zoom to 2008 by keyboard: only that year's records remain.
        await page.GotoAsync(page.Url.Split('#')[0]);
        await page.FollowLinkByKeyboardAsync("a.lf-year[href$='year=2008']", "**year=2008", maxPresses: 120);
        (await page.Locator("table.lf-flow-records tbody tr").CountAsync()).ShouldBe(24);
        await page.AssertAccessibleAsync();

        // The cost curve: open its data table by keyboard and read what was done against what mattered.
        await page.TabToAsync("#cost-curve summary.govuk-details__summary", maxPresses: 400);
        await page.Keyboard.PressAsync("Enter");
        var table = page.Locator("#cost-curve-table");
        await table.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var text = await table.InnerTextAsync();
        text.ShouldContain("Cost of what mattered");
        text.ShouldContain("£20,760");
        (await page.Locator("#cost-curve svg").CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
        await page.AssertAccessibleAsync();
    }
}
