using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LocalFlow.Web.Tests.Support;
using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>A key worker, by keyboard only, adds an I statement in the person's words, scores the statements on two dates, sees the chart, and prints "my plan" on A4.</summary>
public partial class StatementsJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task KeyWorker_ScoresIStatementsOnTwoDates_SeesTheChart_AndPrintsMyPlan()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "keyworker");
        await page.GotoAsync("/Locality/People?q=NF");
        var people = await page.Locator("tr:not(:has(.lf-restricted)) a[href^='/Locality/Person/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        people.ShouldNotBeEmpty();
        await page.GotoAsync(people[0]);
        await page.FollowLinkByKeyboardAsync("#statements-link", "**/Locality/Statements/**", maxPresses: 200);
        await page.AssertAccessibleAsync();

        // Their own words, kept exactly.
        const string own = "I can walk to the shops — on my own";
        await page.TabToAsync("#OwnWords", maxPresses: 200);
        await page.Keyboard.TypeAsync(own);
        await page.TabToAsync("#add-statements", maxPresses: 20);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.Locator(".lf-statement bdi", new() { HasText = own }).CountAsync()).ShouldBe(1);

        // A score out of range is refused, naming the statement, and what was typed stays.
        await ScoreAsync(page, DateTime.UtcNow.AddDays(-9), "12");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("must be a whole number from 0 to 10");
        (await page.Locator("input[name^='Scores']").First.InputValueAsync()).ShouldBe("12");
        await page.AssertAccessibleAsync();

        await ScoreAsync(page, DateTime.UtcNow.AddDays(-9), "3");
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        await ScoreAsync(page, DateTime.UtcNow.AddDays(-2), "6");
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();

        var radar = page.Locator("#statements-radar");
        (await radar.Locator("g.lf-chart__series").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        (await radar.Locator("text.lf-chart__spoke-label").AllTextContentsAsync()).ShouldContain(t => own.Contains(t.Trim('\u2068', '\u2069', ' '), StringComparison.Ordinal));
        ((await page.Locator("#statements-lines-table").TextContentAsync()) ?? "").ShouldContain(Date(DateTime.UtcNow.AddDays(-2)));
        await page.AssertAccessibleAsync();

        // "My plan": printed on A4, and a large-print version.
        await page.FollowLinkByKeyboardAsync("#plan-link", "**/Locality/MyPlan/**", maxPresses: 200);
        (await page.Locator("article.lf-plan").InnerTextAsync()).ShouldContain(own);
        await page.AssertAccessibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = Encoding.Latin1.GetString(await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true }));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        var boxes = MediaBox().Matches(pdf).Select(m => (W: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        boxes.ShouldNotBeEmpty();
        // A4 portrait is 595 × 842 points.
        boxes.ShouldAllBe(b => Math.Abs(b.W - 595.3) < 2 && Math.Abs(b.H - 841.9) < 2);
        await page.FollowLinkByKeyboardAsync("#large-print", "**print=large", maxPresses: 200);
        (await page.Locator("article.lf-plan--large").CountAsync()).ShouldBe(1);
        await page.AssertAccessibleAsync();
    }

    private static async Task ScoreAsync(IPage page, DateTime day, string score)
    {
        foreach (var (field, value) in new[] { ("#Day", day.Day), ("#Month", day.Month), ("#Year", day.Year) })
        {
            await page.TabToAsync(field, maxPresses: 200);
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(value.ToString(CultureInfo.InvariantCulture));
        }
        var count = await page.Locator("input[name^='Scores']").CountAsync();
        for (var i = 0; i < count; i++)
        {
            await page.TabToAsync($"#Scores_{i}_", maxPresses: 20);
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(score);
        }
        await page.TabToAsync("#save-scores", maxPresses: 20);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static string Date(DateTime d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
