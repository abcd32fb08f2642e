using System.Text;
using System.Text.RegularExpressions;
using LocalFlow.Web.Tests.Support;
using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>What Chromium's print to PDF makes of the pages people put on the wall.</summary>
public partial class PrintTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheDemandBoard_PrintsOnOneA3Sheet()
    {
        var page = await browser.NewPageAsync();
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

    // A page object in the PDF ("/Type /Page", not the "/Type /Pages" tree).
    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PdfPage();
}
