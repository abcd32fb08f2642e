using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LocalFlow.Web.Tests.Support;
using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>Person timelines, condition pages and analyses print on A4 portrait, nothing wider than the sheet; only the demand board is A3.</summary>
public partial class PrintA4Tests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    // A4 is 595 × 842 points, A3 landscape 1191 × 842.
    internal static (double Width, double Height)[] PageSizes(byte[] pdf) =>
        [.. MediaBox().Matches(Encoding.Latin1.GetString(pdf)).Select(m => (
            double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))];

    private static async Task<byte[]> PrintAsync(IPage page)
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        if (Environment.GetEnvironmentVariable("LOCALFLOW_SCREENSHOTS") is { Length: > 0 } dir)
        {
            await File.WriteAllBytesAsync(Path.Combine(dir, "a4-" + Regex.Replace(new Uri(page.Url).AbsolutePath, "[^A-Za-z0-9]+", "-").Trim('-') + ".pdf"), pdf);
        }
        return pdf;
    }

    [Fact]
    public async Task TimelinesConditionsAndAnalyses_PrintOnA4_NothingWiderThanTheSheet()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "study");
        await page.GotoAsync("/Flow");
        var ruth = await page.Locator("a.lf-flow-person", new() { HasText = "Ruth" }).First.GetAttributeAsync("href");
        await page.GotoAsync("/Conditions");
        var condition = await page.Locator("table a.lf-condition").First.GetAttributeAsync("href");
        await page.GotoAsync("/Demand");
        var analysis = await page.Locator("a[href^='/Demand/Analysis/']").First.GetAttributeAsync("href");

        foreach (var path in new[] { ruth!, condition!, analysis!, "/Flow/Cohort", "/Help/flow" })
        {
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            // The printable width of A4 portrait with 15 mm margins, at 96 px to the inch: 180 mm = 680 px.
            await page.SetViewportSizeAsync(680, 1000);
            await page.GotoAsync(path);
            var pdf = await PrintAsync(page);
            var sizes = PageSizes(pdf);
            sizes.ShouldNotBeEmpty(path);
            foreach (var (w, h) in sizes)
            {
                w.ShouldBe(595, 2, $"{path} prints on A4 width");
                h.ShouldBe(842, 2, $"{path} prints on A4 height");
            }
            var wide = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('main *')]
                  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                  .filter(e => getComputedStyle(e).display !== 'none' && !e.closest('.govuk-visually-hidden'))
                  .slice(0, 5).map(e => e.tagName + '.' + e.getAttribute('class') + ' ' + Math.round(e.getBoundingClientRect().right))
                """);
            wide.ShouldBeEmpty($"{path} is wider than A4 when printed");
        }
    }

    [Fact]
    public async Task TheDemandBoard_IsTheOnlyPageOnA3()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "study");
        await page.GotoAsync("/Demand");
        var board = await page.Locator("a[href^='/Demand/Board/']").First.GetAttributeAsync("href");
        await page.GotoAsync(board!);
        var sizes = PageSizes(await PrintAsync(page));
        sizes.Length.ShouldBe(1);
        sizes[0].Width.ShouldBe(1191, 2);
        sizes[0].Height.ShouldBe(842, 2);
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]")]
    private static partial Regex MediaBox();
}
