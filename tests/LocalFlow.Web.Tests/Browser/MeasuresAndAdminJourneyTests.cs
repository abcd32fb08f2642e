using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>Measures and Admin by keyboard only, with axe-core on each page: a capability chart drawn from typed values, and the audit trail searched.</summary>
public class MeasuresAndAdminJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Analyst_ChartsAMeasure_WithAPhase_ByKeyboard()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "analyst");
        await page.GotoAsync("/");
        await page.FollowLinkByKeyboardAsync("a.govuk-service-navigation__link[href='/Measures']", "**/Measures");
        await page.AssertAccessibleAsync();

        // A mistake first: values that are not dates keep what was typed and say which line is wrong.
        await page.TabToAsync("#Input_Title", maxPresses: 90);
        await page.Keyboard.TypeAsync("Days from first contact to need met");
        await page.TabToAsync("#Input_Values", maxPresses: 10);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("date,value\nyesterday,4\n");
        await page.TabToAsync("button.govuk-button[type='submit']:not(.lf-button--small)", maxPresses: 40);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator("#Input_Title").InputValueAsync()).ShouldBe("Days from first contact to need met");
        await page.AssertAccessibleAsync();

        // Twenty days at two levels, with the change on the eleventh.
        var lines = string.Join("\n", Enumerable.Range(0, 20).Select(i => $"{new DateOnly(2026, 10, 1).AddDays(i):yyyy-MM-dd},{(i < 10 ? 10 : 20) + (i % 2 == 0 ? 0 : 2)}"));
        await page.Locator("#Input_Values").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("date,value\n" + lines);
        await page.TabToAsync("#Input_Phases", maxPresses: 20);
        await page.Keyboard.TypeAsync("2026-10-11");
        await page.TabToAsync("button.govuk-button[type='submit']:not(.lf-button--small)", maxPresses: 40);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#phase-limits").WaitForAsync();
        var limits = await page.Locator("#phase-limits").InnerTextAsync();
        // Phase 1: mean 11, mean moving range 2, limits 11 ± 5.32; phase 2: mean 21.
        limits.ShouldContain("16.32");
        limits.ShouldContain("26.32");
        (await page.Locator("figure svg").CountAsync()).ShouldBeGreaterThan(0);
        await page.AssertAccessibleAsync();

        // A saved purpose measure: its chart from the demo's records, with the experiment as a phase.
        var measure = await page.Locator("main a.govuk-link", new() { HasText = "Contacts into all agencies per household" }).GetAttributeAsync("href");
        await page.FollowLinkByKeyboardAsync($"main a[href='{measure}']", "**/Measures/Measure/*", maxPresses: 120);
        await page.Locator("#phase-limits").WaitForAsync();
        (await page.Locator("#phase-limits").InnerTextAsync()).ShouldContain("2, from");
        await page.AssertAccessibleAsync();
        // Recording an experiment without saying what changed keeps the form and says what is missing.
        await page.FollowLinkByKeyboardAsync("#add-experiment", "**/Measures/Experiment?measure=*");
        await page.TabToAsync("#ForWhom", maxPresses: 60);
        await page.Keyboard.TypeAsync("Everyone on Mill Lane");
        await page.TabToAsync("#save-experiment", maxPresses: 20);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator("#ForWhom").InputValueAsync()).ShouldBe("Everyone on Mill Lane");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Administrator_SearchesTheAuditTrail_AndOpensAUser_ByKeyboard()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "admin");
        await page.GotoAsync("/");
        await page.FollowLinkByKeyboardAsync("a.govuk-service-navigation__link[href='/Admin']", "**/Admin");
        await page.AssertAccessibleAsync();
        await page.FollowLinkByKeyboardAsync("main a[href='/Admin/Audit']", "**/Admin/Audit");
        await page.AssertAccessibleAsync();

        await page.TabToAsync("#user", maxPresses: 60);
        await page.Keyboard.TypeAsync("admin");
        await page.TabToAsync("main form button.govuk-button", maxPresses: 20);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Admin/Audit?**user=admin**");
        var rows = page.Locator("#audit-events tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        (await rows.First.InnerTextAsync()).ShouldContain("admin");
        (await page.Locator("#user").InputValueAsync()).ShouldBe("admin");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/Admin");
        await page.FollowLinkByKeyboardAsync("main a[href='/Admin/Users']", "**/Admin/Users");
        await page.AssertAccessibleAsync();
        await page.FollowLinkByKeyboardAsync("main table a[href^='/Admin/User/']", "**/Admin/User/**");
        (await page.Locator("h1").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        await page.AssertAccessibleAsync();
    }
}
