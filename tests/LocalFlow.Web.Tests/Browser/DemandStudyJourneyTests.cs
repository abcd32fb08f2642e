using LocalFlow.Web.Tests.Support;
using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>
/// A study team member starts a study, captures 20 demands (seven by keyboard only; htmx swaps the form in place),
/// creates, merges and splits types, and sees the Pareto, the predictability figure and the capability chart change.
/// </summary>
public class DemandStudyJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private sealed record Said(string Words, bool Failure, string Type, bool NewType);

    private static readonly Said[] Demands =
    [
        new("My bin was not emptied on Monday", true, "Missed bins", true),
        new("I want to pay my council tax by direct debit", false, "Paying council tax", true),
        new("Where is my new recycling box? I ordered it weeks ago", true, "Recycling box chase", true),
        new("My bin was not emptied again this week", true, "Missed bins", false),
        new("Can I pay my council tax by direct debit from next month", false, "Paying council tax", false),
        new("The recycling box never came 🙄", true, "Box not delivered", true),
        new("Can you collect an old sofa from the front garden?", false, "Sofa collection", true),
        new("Bin not emptied, the whole street was missed", true, "Missed bins", false),
        new("Where is my recycling box, still waiting", true, "Recycling box chase", false),
        new("How do I pay my council tax online by debit card", false, "Paying council tax", false),
        new("My bin was not emptied, third time now", true, "Missed bins", false),
        new("Has my council tax direct debit gone through yet?", true, "Paying council tax", false),
        new("The recycling box never came, nobody delivered it", true, "Box not delivered", false),
        new("Bin missed again on our road", true, "Missed bins", false),
        new("Pay council tax by direct debit please", false, "Paying council tax", false),
        new("Recycling box still not here", true, "Recycling box chase", false),
        new("Bin not emptied Tuesday", true, "Missed bins", false),
        new("I'd like to pay my council tax by direct debit", false, "Paying council tax", false),
        new("My bin was not emptied and it is overflowing", true, "Missed bins", false),
        new("صندوق القمامة لم يُفرغ — my bin was not emptied", true, "Missed bins", false),
    ];

    [Fact]
    public async Task StudyTeam_CapturesTwentyDemandsByKeyboard_ShapesTheTypes_AndSeesTheAnalysisChange()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "study");

        // Start a study (transactional, one front door).
        await page.GotoAsync("/Demand/Create");
        await page.AssertAccessibleAsync();
        await page.FillAsync("#Input_Service", "Bins and council tax line (browser test)");
        await page.CheckAsync("input[name='Input.Kind'][value='Transactional']");
        await page.FillAsync("#Input_Purpose", "Sort out what I rang about, first time");
        var door = await page.Locator("label.govuk-checkboxes__label", new() { HasText = "Council web form" }).GetAttributeAsync("for");
        await page.CheckAsync($"#{door}");
        await page.ClickAsync("#start-study");
        await page.WaitForURLAsync("**/Demand/Capture/*");
        var studyId = page.Url.Split('/').Last().Split('?')[0];

        // Before any demand: nothing to chart.
        await page.GotoAsync($"/Demand/Analysis/{studyId}");
        (await page.Locator("#capability-volume-empty").CountAsync()).ShouldBe(1);
        (await page.Locator("#figure-total").InnerTextAsync()).ShouldBe("0");

        // Capture 20 demands with the keyboard only.
        await page.GotoAsync($"/Demand/Capture/{studyId}");
        await page.AssertAccessibleAsync();
        var urlBefore = page.Url;
        for (var i = 0; i < Demands.Length; i++)
        {
            try
            {
                // By keyboard for the first six (new types, value and failure, an emoji) and the last (right-to-left
                // words); the rest through the same form with the mouse, which is quicker to drive.
                if (i < 6 || i == Demands.Length - 1)
                {
                    await CaptureByKeyboardAsync(page, Demands[i], i + 1);
                }
                else
                {
                    await CaptureWithTheMouseAsync(page, Demands[i], i + 1);
                }
            }
            catch (Exception ex) when (ex is TimeoutException or Shouldly.ShouldAssertException)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/dmshots/fail.png", FullPage = true });
                throw new InvalidOperationException($"Demand {i + 1}: {ex.Message}; errors: {string.Join(" | ", await page.Locator(".govuk-error-message").AllInnerTextsAsync())}", ex);
            }
        }
        page.Url.ShouldBe(urlBefore, "htmx swapped the form in place: no page load");
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/Demand/Analysis/{studyId}");
        await page.AssertAccessibleAsync();
        (await page.Locator("#figure-total").InnerTextAsync()).ShouldBe("20");
        (await page.Locator("#capability-volume-empty").CountAsync()).ShouldBe(0, "the capability chart now has points");
        (await page.Locator("#capability-volume-table tbody tr").CountAsync()).ShouldBe(1);
        (await page.Locator("#capability-failure-table").TextContentAsync())!.ShouldContain("70%");
        var failureParetoBefore = (await page.Locator("#pareto-failure-table").TextContentAsync())!;
        failureParetoBefore.ShouldContain("Box not delivered");
        var chanceBefore = await page.Locator("#new-type-chance").InnerTextAsync();
        chanceBefore.ShouldBe("5.0%", "one type (Sofa collection) heard once in 20 demands");
        (await page.Locator("#predictability-reading").InnerTextAsync()).ShouldContain("1 in 20");

        // Types: create one by keyboard, merge two that are the same, split one that is two.
        await page.GotoAsync($"/Demand/Types/{studyId}");
        await page.AssertAccessibleAsync();
        await page.TabToAsync("#Input_Name");
        await page.Keyboard.TypeAsync("Parking permits");
        await page.TabToAsync("input[name='Input.Nature']");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("#create-type");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.Locator("#types").InnerTextAsync()).ShouldContain("Parking permits");

        var boxType = await page.Locator("#types a", new() { HasText = "Box not delivered" }).GetAttributeAsync("href");
        await page.GotoAsync(boxType!);
        await page.AssertAccessibleAsync();
        await page.TabToAsync("#IntoTypeId");
        await page.Keyboard.TypeAsync("Recycling");
        (await page.EvalOnSelectorAsync<string>("#IntoTypeId", "s => s.options[s.selectedIndex].text")).ShouldBe("Recycling box chase");
        await page.TabToAsync("#merge");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Recycling box chase");
        (await page.Locator("#history").InnerTextAsync()).ShouldContain("\"Box not delivered\" merged in");

        await page.GotoAsync($"/Demand/Types/{studyId}");
        var payingType = await page.Locator("#types a", new() { HasText = "Paying council tax" }).GetAttributeAsync("href");
        await page.GotoAsync(payingType!);
        // Narrow the list to the demands that say "direct debit" (any case), then choose one.
        await page.TabToAsync("#Words");
        await page.Keyboard.TypeAsync("DIRECT DEBIT");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("[?&]Words=", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        var shown = await page.Locator("#DemandIds label").AllInnerTextsAsync();
        shown.ShouldNotBeEmpty();
        shown.ShouldAllBe(t => t.Contains("direct debit", StringComparison.OrdinalIgnoreCase));
        await page.AssertAccessibleAsync();
        var debit = page.Locator("#DemandIds label", new() { HasText = "Has my council tax direct debit gone through yet?" });
        var checkboxId = await debit.GetAttributeAsync("for");
        await page.TabToAsync($"#{checkboxId}");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("#NewName");
        await page.Keyboard.TypeAsync("Chasing a direct debit");
        await page.TabToAsync("input[name='NewNature']");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.TabToAsync("#split");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Chasing a direct debit");
        await page.AssertAccessibleAsync();

        // The analysis has changed with the types.
        await page.GotoAsync($"/Demand/Analysis/{studyId}");
        var failureParetoAfter = (await page.Locator("#pareto-failure-table").TextContentAsync())!;
        failureParetoAfter.ShouldNotContain("Box not delivered");
        failureParetoAfter.ShouldContain("Chasing a direct debit");
        failureParetoAfter.ShouldNotBe(failureParetoBefore);
        (await page.Locator("#pareto-failure-table tbody tr", new() { HasText = "Recycling box chase" }).TextContentAsync())!.ShouldContain("5");
        (await page.Locator("#new-type-chance").InnerTextAsync()).ShouldBe("10.0%", "the split-off type has been heard once");
        (await page.Locator("#figure-types").InnerTextAsync()).ShouldBe("5");
        await ScreenshotAsync(page, "demand-analysis.png");

        // And the board reads the same, for the people who take the demand.
        await page.GotoAsync($"/Demand/Board/{studyId}");
        await page.AssertAccessibleAsync();
        (await page.Locator("#board-total").InnerTextAsync()).ShouldBe("20");
    }

    [Fact]
    public async Task AfterStartingTheStudy_TheCursorIsInTheVerbatimBox_AndTheBannerGoesWithTheFirstSave()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "study");
        await page.GotoAsync("/Demand/Create");
        await page.FillAsync("#Input_Service", "Focus check (browser test)");
        await page.CheckAsync("input[name='Input.Kind'][value='Transactional']");
        await page.FillAsync("#Input_Purpose", "Sort out what I rang about, first time");
        var door = await page.Locator("label.govuk-checkboxes__label", new() { HasText = "Council web form" }).GetAttributeAsync("for");
        await page.CheckAsync($"#{door}");
        await page.ClickAsync("#start-study");
        await page.WaitForURLAsync("**/Demand/Capture/*");
        (await page.Locator("#done").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        // GOV.UK Frontend has initialised the banner by now; the cursor must still be where the typing starts.
        await page.WaitForSelectorAsync("[data-govuk-notification-banner-init]", new() { State = WaitForSelectorState.Attached });
        (await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id")).ShouldBe("Input_Verbatim");
        await CaptureByKeyboardAsync(page, Demands[0], 1);
        (await page.Locator("#done").CountAsync()).ShouldBe(0, "the study-started banner does not stay through saves");
        await page.AssertAccessibleAsync();
    }

    private static async Task CaptureByKeyboardAsync(IPage page, Said d, int number)
    {
        // The cursor starts in the verbatim box (autofocus, also after each htmx swap once it has settled).
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'Input_Verbatim'", null, new() { Timeout = 5000 });
        await page.Keyboard.TypeAsync(d.Words);
        // Let the type suggestions (htmx, as you type) arrive before moving on.
        await page.WaitForTimeoutAsync(700);
        await page.TabToAsync("input[name='Input.Nature']");
        await page.Keyboard.PressAsync(d.Failure ? "ArrowDown" : "Space");
        if (d.Failure)
        {
            await page.TabToAsync("input[name='Input.FailureKind']");
            await page.Keyboard.PressAsync("Space");
        }
        await page.TabToAsync("#Input_TypeId");
        // Typing in a closed list chooses the option starting with those letters.
        await page.Keyboard.TypeAsync(d.NewType ? "Not typed" : d.Type);
        if (d.NewType)
        {
            await page.TabToAsync("#Input_NewTypeName");
            await page.Keyboard.TypeAsync(d.Type);
        }
        await page.TabToAsync("input[name='Input.Outcome']");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("#save-demand");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("n => document.querySelector('#saved-verbatim') && document.querySelector('.govuk-notification-banner__heading').textContent.includes('Demand ' + n + ' saved')", number);
        (await page.Locator("#saved-verbatim").InnerTextAsync()).ShouldBe(d.Words);
        (await page.Locator("#recent tbody tr").First.InnerTextAsync()).ShouldContain(d.Type, Case.Sensitive, $"demand {number} should be typed {d.Type}");
    }

    /// <summary>The same form filled with the mouse: each box filled at once, the type chosen by the start of its name.</summary>
    private static async Task CaptureWithTheMouseAsync(IPage page, Said d, int number)
    {
        await page.FillAsync("#Input_Verbatim", d.Words);
        await page.Locator("input[name='Input.Nature']").Nth(d.Failure ? 1 : 0).CheckAsync();
        if (d.Failure)
        {
            await page.Locator("input[name='Input.FailureKind']").First.CheckAsync();
        }
        var option = await page.EvalOnSelectorAsync<string>("#Input_TypeId",
            "(s, start) => [...s.options].find(o => o.text.startsWith(start)).value", d.NewType ? "Not typed" : d.Type);
        await page.SelectOptionAsync("#Input_TypeId", option);
        if (d.NewType)
        {
            await page.FillAsync("#Input_NewTypeName", d.Type);
        }
        await page.Locator("input[name='Input.Outcome']").First.CheckAsync();
        await page.ClickAsync("#save-demand");
        await page.WaitForFunctionAsync("n => document.querySelector('#saved-verbatim') && document.querySelector('.govuk-notification-banner__heading').textContent.includes('Demand ' + n + ' saved')", number);
        (await page.Locator("#saved-verbatim").InnerTextAsync()).ShouldBe(d.Words);
        (await page.Locator("#recent tbody tr").First.InnerTextAsync()).ShouldContain(d.Type, Case.Sensitive, $"demand {number} should be typed {d.Type}");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = Environment.GetEnvironmentVariable("LOCALFLOW_SCREENSHOTS");
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name), FullPage = true });
        }
    }
}
