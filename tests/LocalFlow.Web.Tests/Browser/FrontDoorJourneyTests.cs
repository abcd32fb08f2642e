using LocalFlow.Data;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>
/// From the front door to the team, by keyboard with axe on every page: the study team hands a "help me" demand to the
/// locality team; the key worker adds the person as someone new, sees their words on the person page, and opens their
/// records across agencies; another worker of the team must say why before seeing them.
/// </summary>
public class FrontDoorJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task HelpMeDemand_HandedOver_BecomesSomeoneNewWithTheirWords_AndOthersGiveAReasonToSeeTheirRecords()
    {
        int study;
        Guid demand;
        string words;
        using (var scope = Browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            study = await db.DemandStudies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var d = await db.Demands.Where(x => x.StudyId == study && !db.FrontDoorHandovers.Any(h => h.DemandId == x.Id)).OrderByDescending(x => x.ReceivedAt).ThenBy(x => x.Id).FirstAsync();
            (demand, words) = (d.Id, d.Verbatim);
        }

        var front = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(front, "study");
        await front.GotoAsync($"/Demand/Correct/{study}/{demand}");
        await front.AssertAccessibleAsync();
        await front.TabToAsync("#HandoverNote", maxPresses: 150);
        await front.Keyboard.TypeAsync("She gave her name as Nell Brook");
        await front.TabToAsync("#hand-over", maxPresses: 5);
        await front.Keyboard.PressAsync("Enter");
        await front.WaitForSelectorAsync("#handed-over");
        (await front.Locator("#handed-over").InnerTextAsync()).ShouldContain("The team has not picked it up yet.");
        await front.AssertAccessibleAsync();

        var kim = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(kim, "keyworker");
        await kim.GotoAsync("/Locality");
        await kim.AssertAccessibleAsync();
        Guid handover;
        using (var scope = Browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            handover = await db.FrontDoorHandovers.Where(h => h.DemandId == demand).Select(h => h.Id).SingleAsync();
        }
        await kim.FollowLinkByKeyboardAsync($"#handovers a[href='/Locality/Handover/{handover}']", "**/Locality/Handover/**", maxPresses: 80);
        (await kim.Locator("#heard").InnerTextAsync()).ShouldContain("She gave her name as Nell Brook");
        await kim.AssertAccessibleAsync();
        await kim.FollowLinkByKeyboardAsync("#someone-new", "**/Locality/NewPerson**", maxPresses: 40);
        await kim.AssertAccessibleAsync();
        await kim.TabToAsync("#GivenName", maxPresses: 40);
        await kim.Keyboard.TypeAsync("Nell");
        await kim.TabToAsync("#FamilyName", maxPresses: 5);
        await kim.Keyboard.TypeAsync("Brook");
        await kim.TabToAsync("#AddressLine", maxPresses: 20);
        await kim.Keyboard.TypeAsync("4 Canal Walk");
        await kim.TabToAsync("#add-person", maxPresses: 20);
        await kim.Keyboard.PressAsync("Enter");
        // No postcode: refused, naming the field, keeping what was typed.
        await kim.WaitForSelectorAsync(".govuk-error-summary");
        (await kim.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter their postcode");
        (await kim.Locator("#GivenName").InputValueAsync()).ShouldBe("Nell");
        await kim.AssertAccessibleAsync();
        await kim.TabToAsync("#Postcode", maxPresses: 40);
        await kim.Keyboard.TypeAsync("NF4 4CW");
        await kim.TabToAsync("#add-person", maxPresses: 20);
        await kim.Keyboard.PressAsync("Enter");
        await kim.WaitForURLAsync("**/Locality/Person/**");
        (await kim.Locator("h1").InnerTextAsync()).ShouldBe("Nell Brook");
        (await kim.Locator("#heard + .govuk-inset-text").InnerTextAsync()).ShouldContain(words.Trim());
        await kim.AssertAccessibleAsync();
        var person = kim.Url[(kim.Url.IndexOf("/Locality/Person/", StringComparison.Ordinal) + "/Locality/Person/".Length)..].Split('#')[0];
        await kim.FollowLinkByKeyboardAsync("#records-link", "**/Locality/Records/**", maxPresses: 300);
        (await kim.Locator("#shown-because").InnerTextAsync()).ShouldContain("You work with them.");
        await kim.AssertAccessibleAsync();

        var theo = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(theo, "teamworker");
        await theo.GotoAsync($"/Locality/Records/{person}");
        (await theo.Locator("#timeline").CountAsync()).ShouldBe(0);
        await theo.AssertAccessibleAsync();
        await theo.TabToAsync("#give-reason", maxPresses: 40);
        await theo.Keyboard.PressAsync("Enter");
        await theo.WaitForSelectorAsync(".govuk-error-summary");
        await theo.AssertAccessibleAsync();
        await theo.TabToAsync("#Reason", maxPresses: 40);
        await theo.Keyboard.TypeAsync("Kim is away: Nell rang about the canal flat");
        await theo.TabToAsync("#give-reason", maxPresses: 5);
        await theo.Keyboard.PressAsync("Enter");
        await theo.WaitForSelectorAsync("#shown-because");
        (await theo.Locator("#shown-because").InnerTextAsync()).ShouldContain("Kim is away: Nell rang about the canal flat");
        await theo.AssertAccessibleAsync();
    }
}
