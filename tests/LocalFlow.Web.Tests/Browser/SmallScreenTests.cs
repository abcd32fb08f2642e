using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>
/// A phone's width (375 CSS pixels): no page scrolls sideways. Wide tables and charts scroll inside their own box,
/// which a keyboard user can reach (issue 15, item 14).
/// </summary>
public class SmallScreenTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    public static TheoryData<string?, string> Pages => new()
    {
        { null, "/" },
        { DemoUsers.Study, "/Demand" },
        { DemoUsers.Study, "/Measures" },
        { DemoUsers.Study, "/Flow/Person/Ruth" },
        { DemoUsers.Analyst, "/Flow/Cohort" },
        { DemoUsers.Analyst, "/Flow/Handoffs" },
        { DemoUsers.Analyst, "/Economics" },
        { DemoUsers.Worker, "/Locality/Board" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_DoesNotScrollSideways_OnAPhone(string? user, string path)
    {
        var page = await Browser.NewPageAsync();
        await page.SetViewportSizeAsync(375, 800);
        if (user is not null)
        {
            await SignInJourneyTests.SignInAsync(page, user);
        }
        if (path.EndsWith("/Ruth", StringComparison.Ordinal))
        {
            using var scope = Browser.App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
            path = "/Flow/Person/" + await db.People.Where(p => p.GivenName == "Ruth").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }
        var response = await page.GotoAsync(path);
        response!.Status.ShouldBe(200);
        var wider = await page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width) return [];
              // The outermost elements that stick out past the right edge, each named by its tag, id and classes.
              const out = [];
              for (const el of document.body.querySelectorAll('*')) {
                if (el.getBoundingClientRect().right <= width + 1) continue;
                let parent = el.parentElement, inside = false;
                while (parent && parent !== document.body) {
                  if (parent.getBoundingClientRect().right > width + 1 || getComputedStyle(parent).overflowX !== 'visible') { inside = true; break; }
                  parent = parent.parentElement;
                }
                if (!inside) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' ' + Math.round(el.getBoundingClientRect().right) + 'px');
              }
              return out.length ? out.slice(0, 10) : ['the page is ' + document.documentElement.scrollWidth + 'px wide'];
            }
            """);
        wider.ShouldBeEmpty($"{path} scrolls sideways at 375 px");
        await page.AssertAccessibleAsync();
    }
}
