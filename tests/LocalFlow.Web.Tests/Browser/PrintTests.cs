using System.Text;
using System.Text.RegularExpressions;
using LocalFlow.Web.Tests.Support;
using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>The page as paper and as a phone show it: Chromium's print to PDF of the board people put on the wall, and a 375 px screen.</summary>
public partial class PrintTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheDemandBoard_PrintsOnOneA3Sheet()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "study");
        await page.GotoAsync("/Demand");
        var boards = await page.Locator("a[href^='/Demand/Board/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        boards.ShouldNotBeEmpty();
        foreach (var board in boards.Distinct())
        {
            await page.GotoAsync(board);
            (await page.Locator(".lf-board-type").CountAsync()).ShouldBeGreaterThan(5, $"{board} has types to print");
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
            var pages = PdfPage().Matches(Encoding.Latin1.GetString(pdf)).Count;
            if (Environment.GetEnvironmentVariable("LOCALFLOW_SCREENSHOTS") is { Length: > 0 } dir)
            {
                await File.WriteAllBytesAsync(Path.Combine(dir, "board-" + board.Split('/').Last() + ".pdf"), pdf);
                await page.SetViewportSizeAsync(1497, 1000);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, "board-print-" + board.Split('/').Last() + ".png"), FullPage = true });
            }
            pages.ShouldBe(1, $"{board} printed on {pages} A3 pages");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }
    }

    [Fact]
    public async Task RuthsPage_DoesNotScrollSideways_OnA375PixelScreen()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "study");
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/Flow");
        var ruth = await page.Locator("a.lf-flow-person", new() { HasText = "Ruth" }).First.GetAttributeAsync("href");
        await page.GotoAsync(ruth!);
        (await page.Locator("#summary-sentence").CountAsync()).ShouldBe(1);
        // Everything wider than the screen, outside a box that scrolls on its own, pushes the whole page sideways.
        var wide = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .filter(e => !e.closest('.lf-table-scroll, .lf-chart__table-scroll, .lf-chart__canvas, .govuk-skip-link, .govuk-visually-hidden'))
              .slice(0, 10).map(e => e.tagName + '.' + e.getAttribute('class') + ' ' + Math.round(e.getBoundingClientRect().right))
            """);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(375, "too wide: " + string.Join("; ", wide));
    }

    // A page object in the PDF ("/Type /Page", not the "/Type /Pages" tree).
    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PdfPage();
}
