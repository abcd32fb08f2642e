using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>A data officer reviews a doubtful pair and decides it by keyboard only; axe-core checks each page.</summary>
public class LinkingJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DataOfficer_ReviewsAndDecidesAPair_ByKeyboard()
    {
        Guid reviewId;
        using (var scope = Browser.App.Services.CreateScope())
        {
            reviewId = await LinkingData.AnyReviewAsync(scope.ServiceProvider.GetRequiredService<LocalFlowDb>());
        }
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "dataofficer");
        await page.GotoAsync("/Linking");
        await page.AssertAccessibleAsync();
        await page.FollowLinkByKeyboardAsync("a[href='/Linking/Review']", "**/Linking/Review");
        await page.AssertAccessibleAsync();
        await page.FollowLinkByKeyboardAsync($"a[href='/Linking/Pair/{reviewId}']", $"**/Linking/Pair/{reviewId}");
        (await page.Locator("#compare").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("figure svg, svg").CountAsync()).ShouldBeGreaterThan(0);
        await page.AssertAccessibleAsync();

        // Save without choosing: the error summary, then choose "different people" with the arrow keys.
        await page.TabToAsync("#decision-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.TabToAsync("input[name=Decision]");
        await page.Keyboard.PressAsync("ArrowDown");
        (await page.EvaluateAsync<string>("() => document.activeElement.value")).ShouldBe("different");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("#decision-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Linking/Review");
        (await page.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("Kept apart");
        await page.AssertAccessibleAsync();

        using var check = Browser.App.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var review = await db.LinkReviews.SingleAsync(r => r.Id == reviewId);
        review.Status.ShouldBe(LinkReviewStatus.Rejected);
        (await db.LinkDecisions.AnyAsync(d => d.IdentityAId == review.IdentityAId && d.IdentityBId == review.IdentityBId && !d.IsMatch)).ShouldBeTrue();
    }

    [Fact]
    public async Task DataOfficer_FindsManualLinking_OnAPersonsPage_AndSearches_ByKeyboard()
    {
        Guid person;
        string surname;
        using (var scope = Browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            person = (await LocalFlow.Data.Flow.FlowQueries.CaseHistoriesAsync(db)).First().PersonId;
            surname = (await db.People.SingleAsync(p => p.Id == person)).FamilyName;
        }
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, "dataofficer");
        await page.GotoAsync($"/Flow/Person/{person}");
        // Ruth's page has hundreds of records to tab through first: check the link is there, then follow its address.
        (await page.Locator("#manage-links").GetAttributeAsync("href")).ShouldBe($"/Linking/Person/{person}");
        await page.GotoAsync($"/Linking/Person/{person}");
        (await page.Locator("#linked-records").IsVisibleAsync()).ShouldBeTrue();
        await page.AssertAccessibleAsync();
        await page.TabToAsync("input[name=Q]");
        await page.Keyboard.TypeAsync(surname[..Math.Min(3, surname.Length)]);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("[?&]Q=", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await page.Locator("#link-form, #nothing-found").First.WaitForAsync();
        await page.AssertAccessibleAsync();

        // Bringing in an extract: the form, and its error summary when nothing is chosen.
        await page.GotoAsync("/Linking/Import");
        await page.AssertAccessibleAsync();
        await page.TabToAsync("#upload-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await page.AssertAccessibleAsync();
    }
}
