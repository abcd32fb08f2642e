using System.Globalization;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>
/// Issue 12's "Done when", in Chromium with axe-core on each page: the locality picture opened and a tier changed with
/// a note, the distribution moving with it; a purpose measure saved with an experiment, its phase on the chart; records
/// judged as helped, the value-to-waste ratio moving.
/// </summary>
public class LeaderJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private static int Number(string text) => int.Parse(text.Trim().Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>The households in each tier, from the tier chart's table.</summary>
    private static async Task<int[]> TiersAsync(Microsoft.Playwright.IPage page)
        => (await page.Locator("#tiers-table tbody td.govuk-table__cell--numeric").AllTextContentsAsync()).Select(Number).ToArray();

    [Fact]
    public async Task TheLocalityTeam_ChangesATier_TheDistributionMoves_AMeasureGetsAnExperiment_AndJudgingMovesTheRatio()
    {
        var page = await Browser.NewPageAsync();

        // 1–2. The picture; a household the rule places is placed in another tier, with a note.
        await SignInJourneyTests.SignInAsync(page, "worker");
        await page.GotoAsync("/Locality");
        await page.FollowLinkByKeyboardAsync("main a#locality-picture", "**/Locality/Picture");
        await page.AssertAccessibleAsync();
        var before = await TiersAsync(page);
        before.Length.ShouldBe(3);
        var row = page.Locator("#household-table tbody tr", new() { HasNotText = "Set by the team" }).First;
        var cells = await row.Locator("td").AllInnerTextsAsync();
        var from = cells[^1].Contains("I need serious help", StringComparison.Ordinal) ? 2 : cells[^1].Contains("I could go either way", StringComparison.Ordinal) ? 1 : 0;
        var to = from == 2 ? 0 : 2;
        var address = cells[0].Split('\n')[0].Trim();
        var option = page.Locator("#Household option", new() { HasText = address }).First;
        await page.Locator("#Household").SelectOptionAsync((await option.GetAttributeAsync("value"))!);
        await page.Locator($"input[name='NewTier'][value='{to + 1}']").CheckAsync();
        await page.Locator("#Note").FillAsync("Known to us: things have changed since these records");
        await page.Locator("#save-tier").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        var after = await TiersAsync(page);
        after[from].ShouldBe(before[from] - 1, "the household left its tier");
        after[to].ShouldBe(before[to] + 1, "and joined the one the team chose");

        // 3. A purpose measure saved, an experiment on it, and the experiment's phase on its chart.
        await page.GotoAsync("/Measures/Define");
        await page.AssertAccessibleAsync();
        await page.Locator("#Name").FillAsync("Contacts per household (leader journey)");
        await page.Locator("#Purpose").FillAsync("Households get what they need without having to come back");
        await page.Locator("#Owner").FillAsync("Northfield locality team leader");
        await page.Locator("input[name='Level'][value='Geography']").CheckAsync();
        await page.Locator("input[name='Counts'][value='ContactsPerHousehold']").CheckAsync();
        await page.Locator("input[name='Period'][value='Month']").CheckAsync();
        await page.Locator("#From").FillAsync("1");
        await page.Locator("#FromMonth").FillAsync("1");
        await page.Locator("#FromYear").FillAsync("2025");
        await page.Locator("#Definition").FillAsync("Contacts each month into every agency divided by the households with a record that month");
        await page.Locator("input[name='Improvement'][value='down']").CheckAsync();
        await page.Locator("#save-measure").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#measure-definition").WaitForAsync();
        await page.FollowLinkByKeyboardAsync("#add-experiment", "**/Measures/Experiment**");
        await page.AssertAccessibleAsync();
        await page.Locator("#Change").FillAsync("One worker per household");
        await page.Locator("#ForWhom").FillAsync("Households on the demo's streets");
        await page.Locator("#StartedOn").FillAsync("1");
        await page.Locator("#StartedOnMonth").FillAsync("1");
        await page.Locator("#StartedOnYear").FillAsync("2026");
        await page.Locator("#save-experiment").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#experiments").WaitForAsync();
        (await page.Locator("main").InnerHTMLAsync()).ShouldContain("Phase 2: One worker per household");
        (await page.Locator("[data-verdict]").CountAsync()).ShouldBe(1);
        await page.AssertAccessibleAsync();

        // 4. The study team judges records as helped, and the value-to-waste ratio moves.
        Guid person;
        using (var scope = Browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
            person = await db.ActivityRecords.Where(r => r.Helped == null && !db.People.Any(p => p.Id == r.PersonId && (p.Restricted || (p.Household != null && p.Household.Restricted))))
                .GroupBy(r => r.PersonId).Where(g => g.Count() >= 3).OrderByDescending(g => g.Key).Select(g => g.Key).FirstAsync();
        }
        var study = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(study, "study");
        await study.GotoAsync($"/Flow/Judge/{person}");
        await study.AssertAccessibleAsync();
        var share = await study.Locator("#helped-share").InnerTextAsync();
        var unjudged = study.Locator(".govuk-checkboxes__item", new() { HasText = "Not judged" });
        for (var i = 0; i < 3; i++)
        {
            await unjudged.Nth(i).Locator("input").CheckAsync();
        }
        await study.Locator("input[name='Judgement'][value='helped']").CheckAsync();
        await study.Locator("#judge").FocusAsync();
        await study.Keyboard.PressAsync("Enter");
        await study.Locator(".govuk-notification-banner--success").WaitForAsync();
        var moved = await study.Locator("#helped-share").InnerTextAsync();
        moved.ShouldNotBe(share);
        moved.ShouldContain("value to waste");
    }
}
