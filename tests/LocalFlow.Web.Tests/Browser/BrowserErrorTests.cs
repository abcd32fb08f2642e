using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>No page logs a console error or breaks the content security policy, and every browser test class is held to that.</summary>
public class BrowserErrorTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public void EveryBrowserTestClass_FailsOnBrowserErrors()
    {
        var classes = typeof(BrowserErrorTests).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i == typeof(IClassFixture<BrowserFixture>))).ToList();

        classes.Count.ShouldBeGreaterThan(5);
        classes.Where(t => !t.IsSubclassOf(typeof(BrowserTest))).Select(t => t.Name).ShouldBeEmpty("browser test classes must derive from BrowserTest");
    }

    [Theory]
    [InlineData(null, "/")]
    [InlineData(null, "/SignIn")]
    [InlineData(DemoUsers.Study, "/Demand")]
    [InlineData(DemoUsers.Analyst, "/Flow/Handoffs")]
    [InlineData(DemoUsers.DataOfficer, "/Flow/Import")]
    public async Task Page_LogsNoConsoleError_UnderTheStrictPolicy(string? user, string path)
    {
        var page = await Browser.NewPageAsync();
        if (user is not null)
        {
            await page.GotoAsync("/SignIn");
            await page.FillAsync("#UserName", user);
            await page.FillAsync("#Password", LocalFlowApp.DemoPassword);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(Browser.BaseUrl + "/");
        }

        var response = await page.GotoAsync(path);

        response!.Status.ShouldBe(200);
        response.Headers["content-security-policy"].ShouldContain("style-src 'self';");
        // htmx reads its configuration on load and would otherwise add its indicator style, which the policy refuses.
        (await page.EvaluateAsync<bool>("() => window.htmx !== undefined && htmx.config.includeIndicatorStyles === false")).ShouldBeTrue();
        (await page.EvaluateAsync<int>("() => document.querySelectorAll('style').length")).ShouldBe(0);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AnInlineStyle_IsReportedAsAnError()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.EvaluateAsync("() => document.head.insertAdjacentHTML('beforeend', '<style>body { color: red }</style>')");
        await page.WaitForTimeoutAsync(200);

        var errors = BrowserFixture.TakeErrors(page);
        errors.ShouldContain(e => e.Contains("Content security policy violation", StringComparison.Ordinal) || e.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
