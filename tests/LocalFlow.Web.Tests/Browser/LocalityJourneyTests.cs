using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>
/// A key worker signs in, opens one of "my people", records a good-life conversation for the household and adds an
/// action done by a volunteer found in the directory — by keyboard only; axe-core checks each page.
/// </summary>
public class LocalityJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task KeyWorker_RecordsAConversation_AndAddsAnActionWithAVolunteer_ByKeyboard()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "keyworker");

        await page.GotoAsync("/Locality");
        (await page.Locator("#my-people").CountAsync()).ShouldBe(1);
        (await page.Locator("body").InnerTextAsync()).ShouldContain("Help me live a good life or die a good death");
        await page.AssertAccessibleAsync();
        await page.FollowLinkByKeyboardAsync("table a.govuk-link[href^='/Locality/Person/']", "**/Locality/Person/**", maxPresses: 120);
        (await page.Locator("#working").CountAsync()).ShouldBe(1);
        await page.AssertAccessibleAsync();

        // The good-life conversation: what is already known is shown, and the words are kept exactly.
        await page.FollowLinkByKeyboardAsync("#record-conversation", "**/Locality/Conversation/**", maxPresses: 200);
        (await page.Locator("h2:has-text('Already known')").CountAsync()).ShouldBe(1);
        await page.AssertAccessibleAsync();
        await page.TabToAsync("#GoodLife", maxPresses: 60);
        await page.Keyboard.TypeAsync("Having the grandchildren round on Sundays");
        await page.TabToAsync("#Said_0_", maxPresses: 40);
        const string said = "I want to get up the stairs to my own bed again";
        await page.Keyboard.TypeAsync(said);
        await page.TabToAsync("#save-conversation", maxPresses: 40);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Locality/Person/**");
        (await page.Locator("#working ~ ul, body").First.InnerTextAsync()).ShouldContain(said);
        await page.AssertAccessibleAsync();

        // An action by a volunteer found in the directory by skill.
        await page.FollowLinkByKeyboardAsync("#add-action", "**/Locality/Action/**", maxPresses: 250);
        await page.TabToAsync("#Skill", maxPresses: 40);
        await page.Keyboard.TypeAsync("handyperson");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**Skill=handyperson**");
        await page.AssertAccessibleAsync();
        await page.TabToAsync("#What", maxPresses: 40);
        await page.Keyboard.TypeAsync("Fit a stair rail");
        await page.TabToAsync("#Kind", maxPresses: 10);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.TabToAsync("#Who", maxPresses: 20);
        var volunteer = await page.Locator("#Who option:has-text('Dave Marsh')").GetAttributeAsync("value");
        await page.Locator("#Who").SelectOptionAsync(volunteer!);
        await page.TabToAsync("#save-action", maxPresses: 20);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Locality/Person/**");
        var actions = await page.Locator("table:has(caption:has-text('Actions'))").InnerTextAsync();
        actions.ShouldContain("Fit a stair rail");
        actions.ShouldContain("Dave Marsh (directory)");
        (await page.Locator("#working + dl").InnerTextAsync()).ShouldContain("Dave Marsh");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task TeamBoard_ShowsWhoWeWorkWith_ContinuityAndCapacity_HidesWhatIsRestricted_AndPrintsOnA3()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "teamworker");
        await page.GotoAsync("/Locality");
        await page.FollowLinkByKeyboardAsync("#team-board", "**/Locality/Board", maxPresses: 150);
        await page.AssertAccessibleAsync();
        (await page.Locator("body").InnerTextAsync()).ShouldContain("Help me live a good life or die a good death");
        var rows = page.Locator("#working-with tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(40, "the demo team works with about 60 households");
        (await page.Locator("#working-with tbody tr:has-text('Kim Key')").CountAsync()).ShouldBeGreaterThan(2);
        // Theo Team is not named on the restricted household: it shows as restricted, with nothing of what it hides.
        var restricted = page.Locator("#working-with tbody tr:has(.govuk-tag--red)");
        (await restricted.CountAsync()).ShouldBe(1);
        (await restricted.InnerTextAsync()).ShouldContain("Hidden (restricted)");
        var hiddenName = await restricted.Locator("a").InnerTextAsync();
        (await page.Locator("#waiting ~ ul, #need-visit ~ ul").AllInnerTextsAsync()).ShouldNotContain(t => t.Contains(hiddenName, StringComparison.Ordinal));
        // Continuity comes from the records: somebody has met at least one worker since the team began.
        (await page.Locator("#working-with tbody td:has-text('in 1 meeting'), #working-with tbody td:has-text(' meetings')").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#capacity tbody tr").CountAsync()).ShouldBe(8, "the demo team's eight workers");

        var pdf = await PrintAsync(page);
        var sizes = PrintA4Tests.PageSizes(pdf);
        sizes.ShouldNotBeEmpty();
        sizes.ShouldAllBe(s => Math.Abs(s.Width - 1191) < 2 && Math.Abs(s.Height - 842) < 2, "A3 landscape sheets");
        sizes.Length.ShouldBeLessThanOrEqualTo(3, "about 60 households fit on a few sheets for the wall");

        // Kim Key is named on the restricted household, so the board shows it to her in full.
        var named = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(named, "keyworker");
        await named.GotoAsync("/Locality/Board");
        (await named.Locator("#working-with tbody tr:has(.govuk-tag--red)").CountAsync()).ShouldBe(0);
    }

    private static async Task<byte[]> PrintAsync(Microsoft.Playwright.IPage page)
    {
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        return await page.PdfAsync(new Microsoft.Playwright.PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
    }
}
