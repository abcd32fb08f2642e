using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>
/// A study team member goes, by keyboard only, from the flow study to the hand-off map, the signals list and a
/// record that raised a signal; and chooses a cohort. axe-core checks each page.
/// </summary>
public class FlowViewsJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StudyTeam_GoesFromHandoffsToSignalsToARecord_ByKeyboard()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "study");
        await page.GotoAsync("/Flow");

        await page.FollowLinkByKeyboardAsync("#link-handoffs", "**/Flow/Handoffs");
        (await page.Locator("#handoff-map-title").TextContentAsync()).ShouldBe("Hand-offs between agencies");
        (await page.Locator("#handoff-map-table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await page.AssertAccessibleAsync();

        // Teams instead of agencies, then back to the flow study and on to the signals.
        await page.FollowLinkByKeyboardAsync("#level-team", "**/Flow/Handoffs?level=Team");
        (await page.Locator("#handoff-map-title").TextContentAsync()).ShouldBe("Hand-offs between teams");
        await page.AssertAccessibleAsync();
        await page.FollowLinkByKeyboardAsync("a.govuk-back-link", "**/Flow");
        await page.FollowLinkByKeyboardAsync("#link-signals", "**/Flow/Signals");
        await page.AssertAccessibleAsync();

        // Filter to one kind with the keyboard: the select, an arrow key, then Enter on the button.
        await page.TabToAsync("#kind");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.TabToAsync("#signal-filters button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Flow/Signals?*kind=RePresentation*", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var rows = page.Locator("#signal-table tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        foreach (var kind in await page.Locator("#signal-table tbody tr td:nth-child(2)").AllInnerTextsAsync())
        {
            kind.ShouldBe("Re-presentation");
        }
        await page.AssertAccessibleAsync();

        // The first record that raised the first signal.
        var href = await page.Locator("a.lf-signal-record").First.GetAttributeAsync("href");
        await page.FollowLinkByKeyboardAsync("a.lf-signal-record", "**/Flow/Record/**", maxPresses: 200);
        page.Url.ShouldEndWith(href!);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Analyst_ChoosesACohort_AndSeesItsCountsAndSpreads()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "analyst");
        await page.GotoAsync("/Flow");
        await page.FollowLinkByKeyboardAsync("#link-cohort", "**/Flow/Cohort");
        await page.AssertAccessibleAsync();
        var everyone = await page.Locator("[data-count=people]").InnerTextAsync();

        // A threshold that at least ten people reach (a cohort of fewer than five is withheld from analysts, and counts are rounded to 5).
        int threshold;
        using (var scope = Browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
            var counts = (await db.ActivityRecords.GroupBy(r => r.PersonId).Select(g => g.Count()).ToListAsync()).OrderByDescending(c => c).ToList();
            threshold = counts[9];
        }
        await page.TabToAsync("#MinRecords");
        await page.Keyboard.TypeAsync(threshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.TabToAsync("#cohort-filters button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("[?&]MinRecords=", System.Text.RegularExpressions.RegexOptions.IgnoreCase), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var shown = int.Parse(await page.Locator("[data-count=people]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        shown.ShouldBeGreaterThanOrEqualTo(10);
        shown.ShouldBeLessThan(int.Parse(everyone.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        (await page.Locator("figure.lf-chart--histogram").CountAsync()).ShouldBeGreaterThan(5);
        await page.AssertAccessibleAsync();
    }
}
