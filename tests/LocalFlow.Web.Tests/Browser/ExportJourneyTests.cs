using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>A chart downloads as PNG (drawn in the browser from the server's SVG) and a table as CSV, by keyboard.</summary>
public class ExportJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Commissioner_DownloadsTheHandOffMap_AsPng_AndItsTable_AsCsv()
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "commissioner");
        await page.GotoAsync("/Flow/Handoffs");
        var png = page.Locator("a[data-lf-png='handoff-map']");
        (await png.IsVisibleAsync()).ShouldBeTrue("with scripts running the PNG link is shown");

        var download = await page.RunAndWaitForDownloadAsync(async () =>
        {
            await png.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        });
        download.SuggestedFilename.ShouldBe("handoff-map.png");
        var file = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(file!);
        bytes.Take(8).ShouldBe(PngSignature);
        // The width in the PNG header is twice the chart's 720 px.
        ((bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]).ShouldBe(1440);

        var csv = await page.RunAndWaitForDownloadAsync(async () =>
        {
            // The map's own table: in the demo no single path is taken by 5 or more people, so a commissioner is shown none (docs/disclosure.md).
            await page.Locator("a[href*='of=handoff-map-table']").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        });
        csv.SuggestedFilename.ShouldBe("flow-handoffs-handoff-map-table.csv");
        (await File.ReadAllTextAsync((await csv.PathAsync())!)).ShouldContain("\r\n");
        await page.AssertAccessibleAsync();
    }
}
