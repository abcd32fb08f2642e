using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>
/// The redesign programme by keyboard, with axe-core on each page: the study team raises a question from a system
/// condition; the steering group is refused a stop without a reason, then lets it go on; and answers the change jigsaw,
/// which then shows a newly missing piece and its symptom; then opens the user pathway and is refused an empty
/// commissioning strategy; then adds a citizen member to a commissioning group.
/// </summary>
public class RedesignJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task QuestionRaisedFromACondition_PassesAGateway_AndTheJigsawShowsWhatIsMissing_ByKeyboard()
    {
        var study = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(study, "study");
        await study.GotoAsync("/Conditions");
        await study.FollowLinkByKeyboardAsync("table a.lf-condition", "**/Conditions/Condition/**", maxPresses: 120);
        var condition = await study.Locator("h1").InnerTextAsync();
        await study.FollowLinkByKeyboardAsync("#raise-question", "**/Redesign/Raise?condition=**");
        (await study.Locator("#raised-from").InnerTextAsync()).ShouldContain(condition);
        await study.TabToAsync("#raise", maxPresses: 40);
        await study.Keyboard.PressAsync("Enter");
        await study.Locator(".govuk-error-summary").WaitForAsync();
        (await study.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Describe the outcome");
        await study.AssertAccessibleAsync();

        await study.TabToAsync("#Input_Title", maxPresses: 40);
        await study.Keyboard.TypeAsync("Could the first person people meet stay with them?");
        await study.TabToAsync("#Input_Outcome", maxPresses: 10);
        await study.Keyboard.TypeAsync("People are known and not passed on");
        await study.TabToAsync("#Input_Measure", maxPresses: 10);
        await study.Keyboard.TypeAsync("Hand-offs per person");
        await study.TabToAsync("#raise", maxPresses: 10);
        await study.Keyboard.PressAsync("Enter");
        await study.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await study.Locator("#evidence-title").InnerTextAsync()).ShouldContain(condition);
        (await study.Locator("#reach").InnerTextAsync()).ShouldContain("Failure demands");
        await study.AssertAccessibleAsync();
        var question = study.Url;

        var steering = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(steering, "steering");
        await steering.GotoAsync(question);
        await steering.FollowLinkByKeyboardAsync("#gateway", "**/Redesign/Gateway/**");
        await steering.TabToAsync("#Decision", maxPresses: 40);
        await steering.Keyboard.PressAsync("ArrowDown");
        await steering.Keyboard.PressAsync("ArrowDown");
        await steering.TabToAsync("#decide", maxPresses: 10);
        await steering.Keyboard.PressAsync("Enter");
        await steering.Locator(".govuk-error-summary").WaitForAsync();
        (await steering.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("cannot be dropped without one");
        await steering.AssertAccessibleAsync();

        await steering.TabToAsync("#Decision-3", maxPresses: 40);
        await steering.Keyboard.PressAsync("ArrowUp");
        await steering.Keyboard.PressAsync("ArrowUp");
        await steering.TabToAsync("#Reason", maxPresses: 10);
        await steering.Keyboard.TypeAsync("The condition's reach makes this worth a feasibility study.");
        await steering.TabToAsync("#decide", maxPresses: 10);
        await steering.Keyboard.PressAsync("Enter");
        await steering.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await steering.Locator("#stage").InnerTextAsync()).ShouldBe("Feasibility");
        (await steering.Locator("#decisions-table").InnerTextAsync()).ShouldContain("worth a feasibility study");
        await steering.AssertAccessibleAsync();

        // The demo's answers leave "communicate and engage" partly in place; the steering group's "not in place" tips it.
        await steering.GotoAsync("/Redesign/Jigsaw");
        var row = steering.Locator("#jigsaw-table tr:has-text('Communicate and engage')");
        (await row.InnerTextAsync()).ShouldNotContain("Missing");
        await steering.AssertAccessibleAsync();
        await steering.TabToAsync("#Answers_CommunicateAndEngage_-2", maxPresses: 80);
        await steering.Keyboard.PressAsync("ArrowLeft");
        await steering.TabToAsync("#save-jigsaw", maxPresses: 80);
        await steering.Keyboard.PressAsync("Enter");
        await steering.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await row.InnerTextAsync()).ShouldContain("Missing");
        (await row.InnerTextAsync()).ShouldContain("Rumour and resistance");
        (await steering.Locator("#missing-summary").InnerTextAsync()).ShouldContain("missing");
        (await steering.Locator("#change-curve").CountAsync()).ShouldBe(1);
        await steering.AssertAccessibleAsync();

        // The resource database's totals and chart, a refused line of money, and the needs database.
        await steering.GotoAsync("/Redesign/Resources");
        (await steering.Locator("#partner-table").InnerTextAsync()).ShouldContain("Citizens' own contributions");
        await steering.AssertAccessibleAsync();
        await steering.GotoAsync("/Redesign/Money");
        await steering.TabToAsync("#save", maxPresses: 40);
        await steering.Keyboard.PressAsync("Enter");
        await steering.Locator(".govuk-error-summary").WaitForAsync();
        await steering.AssertAccessibleAsync();
        await steering.GotoAsync("/Redesign/Needs");
        await steering.Locator("#needs a").First.ClickAsync();
        await steering.Locator("#raise-from-need").WaitForAsync();
        await steering.AssertAccessibleAsync();

        // The user pathway (its chart and tables), and a commissioning strategy refused with nothing chosen.
        await steering.GotoAsync("/Redesign");
        await steering.FollowLinkByKeyboardAsync("a[href='/Redesign/Pathway']", "**/Redesign/Pathway");
        (await steering.Locator("#pathway-chart svg").CountAsync()).ShouldBe(1);
        (await steering.Locator("#stages").InnerTextAsync()).ShouldContain("Pregnancy");
        await steering.AssertAccessibleAsync();
        await steering.GotoAsync("/Redesign/Strategies");
        await steering.FollowLinkByKeyboardAsync("#new-strategy", "**/Redesign/EditStrategy");
        await steering.TabToAsync("#save-strategy", maxPresses: 60);
        await steering.Keyboard.PressAsync("Enter");
        await steering.Locator(".govuk-error-summary").WaitForAsync();
        (await steering.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Choose at least one approved commissioning question");
        await steering.AssertAccessibleAsync();

        // A member added to the first group by keyboard: refused without staff or citizen, then saved.
        await steering.GotoAsync("/Redesign/Groups");
        await steering.AssertAccessibleAsync();
        await steering.FollowLinkByKeyboardAsync("a[id^='add-member-']", "**/Redesign/Member/**");
        await steering.TabToAsync("#Input_Name", maxPresses: 40);
        await steering.Keyboard.TypeAsync("Rhian Evans");
        await steering.TabToAsync("#Input_Background", maxPresses: 10);
        await steering.Keyboard.TypeAsync("Lives on the Meadows estate");
        await steering.TabToAsync("#save", maxPresses: 10);
        await steering.Keyboard.PressAsync("Enter");
        await steering.Locator(".govuk-error-summary").WaitForAsync();
        (await steering.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Choose whether they are a member of staff or a citizen");
        (await steering.Locator("#Input_Name").InputValueAsync()).ShouldBe("Rhian Evans");
        await steering.AssertAccessibleAsync();
        await steering.TabToAsync("#Input_Kind", maxPresses: 40);
        await steering.Keyboard.PressAsync("Space");
        await steering.Keyboard.PressAsync("ArrowRight");
        await steering.TabToAsync("#save", maxPresses: 10);
        await steering.Keyboard.PressAsync("Enter");
        await steering.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await steering.Locator("main").InnerTextAsync()).ShouldContain("Rhian Evans\tCitizen\tLives on the Meadows estate");
        await steering.AssertAccessibleAsync();
    }
}
