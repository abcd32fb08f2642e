using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>Economics by keyboard only, with axe-core on each page: the cohort's costs restated at another price year, and the price index edited.</summary>
public class EconomicsJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Commissioner_SeesCostByAgency_AndRestatesItAtAnotherPriceYear_ByKeyboard()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "commissioner");
        await page.GotoAsync("/");
        await page.FollowLinkByKeyboardAsync("a.govuk-service-navigation__link[href='/Economics']", "**/Economics");
        await page.AssertAccessibleAsync();
        (await page.Locator("#by-agency + .lf-table-scroll caption").InnerTextAsync()).ShouldContain("at 2023 prices");
        var before2023 = await page.Locator("#by-agency + .lf-table-scroll tbody tr:last-child").InnerTextAsync();
        (await page.Locator("#extrapolation").CountAsync()).ShouldBe(1);
        (await page.Locator("main").InnerTextAsync()).ShouldContain("This is an estimate, not a finding");

        // A year the index does not hold: the form says so and keeps what was typed.
        await page.TabToAsync("details.govuk-details summary", maxPresses: 60);
        await page.Keyboard.PressAsync("Enter");
        await page.TabToAsync("#year", maxPresses: 10);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("1850");
        await page.TabToAsync("details button.govuk-button", maxPresses: 20);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("price year the price index holds");
        (await page.Locator("#year").InputValueAsync()).ShouldBe("1850");
        await page.AssertAccessibleAsync();

        await page.Locator("#year").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("2009");
        await page.TabToAsync("details button.govuk-button", maxPresses: 20);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Economics?**year=2009**");
        (await page.Locator("#by-agency + .lf-table-scroll caption").InnerTextAsync()).ShouldContain("at 2009 prices");
        // The same records at 2009's prices cost less than at 2023's.
        (await page.Locator("#by-agency + .lf-table-scroll tbody tr:last-child").InnerTextAsync()).ShouldNotBe(before2023);
        (await page.Locator("figure svg").CountAsync()).ShouldBeGreaterThan(0);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Administrator_AddsAYearToThePriceIndex_AfterAMistake_ByKeyboard()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "admin");
        await page.GotoAsync("/Admin");
        await page.FollowLinkByKeyboardAsync("main a[href='/Admin/PriceIndex']", "**/Admin/PriceIndex");
        await page.AssertAccessibleAsync();

        await page.TabToAsync("#Input_Year", maxPresses: 60);
        await page.Keyboard.TypeAsync("2031");
        await page.TabToAsync("#Input_Value", maxPresses: 5);
        await page.Keyboard.TypeAsync("-4");
        await page.TabToAsync("main form button.govuk-button", maxPresses: 10);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter the index as a number above 0");
        (await page.Locator("#Input_Year").InputValueAsync()).ShouldBe("2031");
        await page.AssertAccessibleAsync();

        await page.Locator("#Input_Value").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("121.5");
        await page.TabToAsync("main form button.govuk-button", maxPresses: 10);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.Locator("main table").InnerTextAsync()).ShouldContain("121.5");
        await page.AssertAccessibleAsync();
    }
}
