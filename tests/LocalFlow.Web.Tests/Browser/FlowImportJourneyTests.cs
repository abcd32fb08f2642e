using LocalFlow.Data;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>A data officer imports a police extract by keyboard: upload, map, preview, import, follow its progress, undo; axe-core checks each page.</summary>
public class FlowImportJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DataOfficer_ImportsAPoliceExtract_AndUndoesIt_ByKeyboard()
    {
        string key;
        using (var scope = Browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            key = await db.SourceIdentities.Where(s => s.Source == "Police (Niche)" && s.PersonId != null).OrderByDescending(s => s.SourceRecordId).Select(s => s.SourceRecordId).FirstAsync();
        }
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "dataofficer");
        await page.GotoAsync("/Flow");
        await page.FollowLinkByKeyboardAsync("#import-link", "**/Flow/Import");
        await page.AssertAccessibleAsync();

        await page.SelectOptionAsync("#AgencyId", new SelectOptionValue { Label = "Northshire Police" });
        await page.SetInputFilesAsync("#Upload", new FilePayload
        {
            Name = "niche-Browser.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"Ref,Subject,Occurred,Type,Outcome\nBR-1,{key},2025-06-01T10:00:00Z,INC,Called about noise\n"),
        });
        await page.TabToAsync("#upload");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Flow/Import?file=**");
        await page.AssertAccessibleAsync();

        await page.SelectOptionAsync("#Map_person_", "Subject");
        await page.SelectOptionAsync("#Map_start_", "Occurred");
        await page.SelectOptionAsync("#Map_kind_", "Type");
        await page.SelectOptionAsync("#Map_sourceRecordId_", "Ref");
        await page.SelectOptionAsync("#Map_subtype_", "Outcome");
        await page.FillAsync("#Kinds", "INC = Contact");
        // The police's own source system is offered, and chosen, from the identities already linked.
        (await page.IsCheckedAsync("input[name='SourceSystem'][value='Police (Niche)']")).ShouldBeTrue();
        await page.TabToAsync("#preview", maxPresses: 120);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#preview-summary").WaitForAsync();
        (await page.Locator("#first-rows").InnerTextAsync()).ShouldContain("BR-1");
        await page.AssertAccessibleAsync();

        await page.TabToAsync("#import-all", maxPresses: 160);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Flow/ImportProgress/**");
        await page.Locator("#done").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        (await page.Locator("#done").InnerTextAsync()).ShouldContain("1 activity records from niche-Browser.csv");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/Flow/Imports");
        await page.AssertAccessibleAsync();
        await page.FollowLinkByKeyboardAsync("#imports a[href^='/Flow/Undo/']", "**/Flow/Undo/**");
        await page.AssertAccessibleAsync();
        await page.TabToAsync("#undo");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Flow/Imports");
        (await page.Locator("#done").InnerTextAsync()).ShouldContain("1 activity records deleted");
        await page.AssertAccessibleAsync();
    }
}
