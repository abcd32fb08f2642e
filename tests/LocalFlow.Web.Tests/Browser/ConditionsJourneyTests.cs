using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>A study team member reads the system conditions, opens one and links evidence to it, by keyboard only; axe-core checks each page.</summary>
public class ConditionsJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StudyTeam_ReadsTheConditions_AndLinksASignal_ByKeyboard()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "study");

        // From the flow study to the conditions, and into one of them.
        await page.GotoAsync("/Flow");
        await page.FollowLinkByKeyboardAsync("#conditions-link a[href='/Conditions']", "**/Conditions");
        (await page.Locator("h2:has-text('Thresholds and criteria')").CountAsync()).ShouldBe(1);
        (await page.Locator("figure svg").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        await page.AssertAccessibleAsync();
        await page.FollowLinkByKeyboardAsync("table a.lf-condition", "**/Conditions/Condition/**", maxPresses: 120);
        (await page.Locator("#reach-figures").InnerTextAsync()).ShouldContain("People affected");
        await page.AssertAccessibleAsync();

        // Add evidence: a signal, chosen by keyboard; saving without one shows the error summary first.
        await page.FollowLinkByKeyboardAsync("#add-evidence", "**/Conditions/Evidence/**");
        await page.AssertAccessibleAsync();
        await page.FollowLinkByKeyboardAsync("#evidence-kinds a[href$='kind=FlowSignal']", "**kind=FlowSignal");
        await page.TabToAsync("#save-evidence", maxPresses: 120);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Choose a failure-demand signal");
        await page.AssertAccessibleAsync();

        await page.TabToAsync("#Input_SignalKind", maxPresses: 120);
        await page.Locator("#Input_SignalKind").SelectOptionAsync("ReferralPingPong");
        await page.TabToAsync("#Input_Note", maxPresses: 20);
        await page.Keyboard.TypeAsync("Referred on and sent back: the assessment led nowhere.");
        await page.TabToAsync("#save-evidence", maxPresses: 20);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.Locator("#linked-evidence").InnerTextAsync()).ShouldContain("Referred on and sent back");
        await page.AssertAccessibleAsync();

        // The other pickers, and the form to record a condition with its errors, pass the same checks.
        var evidence = page.Url.Split('?')[0];
        await page.GotoAsync(evidence + "?kind=DemandType");
        (await page.Locator("#Input_DemandTypeId option").CountAsync()).ShouldBeGreaterThan(5);
        await page.AssertAccessibleAsync();
        await page.GotoAsync(evidence + "?kind=CaseHistory");
        (await page.Locator("input[name='Input.PersonId']").CountAsync()).ShouldBeGreaterThanOrEqualTo(5);
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/Conditions/Create");
        await page.TabToAsync("#save-condition", maxPresses: 120);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter a title for the system condition");
        await page.AssertAccessibleAsync();
    }
}
