using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>
/// Pages as Chromium draws them: no console error or content security policy violation (and every browser test
/// class is held to that), and chart labels that do not overlap in the browser's own fonts.
/// </summary>
public class BrowserPageTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public void EveryBrowserTestClass_FailsOnBrowserErrors()
    {
        var classes = typeof(BrowserPageTests).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i == typeof(IClassFixture<BrowserFixture>))).ToList();

        classes.Count.ShouldBeGreaterThan(5);
        classes.Where(t => !t.IsSubclassOf(typeof(BrowserTest))).Select(t => t.Name).ShouldBeEmpty("browser test classes must derive from BrowserTest");
    }

    [Fact]
    public async Task TheAccessibilityCheck_FailsOnAProblemPlantedInAPage_NamingTheRuleAndTheElement()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/Accessibility");
        await page.EvaluateAsync("() => { const input = document.createElement('input'); input.id = 'planted-unlabelled'; document.querySelector('main').appendChild(input); }");

        var failure = await Record.ExceptionAsync(page.AssertAccessibleAsync);

        failure.ShouldBeOfType<ShouldAssertException>().Message.ShouldContain("label (critical)");
        failure.Message.ShouldContain("#planted-unlabelled");
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
            await SignInJourneyTests.SignInAsync(page, user);
        }

        var response = await page.GotoAsync(path);

        response!.Status.ShouldBe(200);
        response.Headers["content-security-policy"].ShouldContain("style-src 'self';");
        // htmx reads its configuration on load and would otherwise add its indicator style, which the policy refuses.
        (await page.EvaluateAsync<bool>("() => window.htmx !== undefined && htmx.config.includeIndicatorStyles === false")).ShouldBeTrue();
        (await page.EvaluateAsync<int>("() => document.querySelectorAll('style').length")).ShouldBe(0);
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("/Flow/Handoffs")]
    [InlineData("/Flow/Handoffs?level=Team")]
    public async Task HandOffMapLabels_DoNotOverlap_AsTheBrowserDrawsThem(string path)
    {
        var page = await Browser.NewPageAsync();
        await SignInJourneyTests.SignInAsync(page, DemoUsers.Commissioner);
        await page.GotoAsync(path);

        // Each label's box in the SVG's own units, measured by the browser with the fonts it has.
        var boxes = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('#handoff-map text.lf-chart__handoff-label, #handoff-map text.lf-chart__node-label')]
                .map(t => { const b = t.getBBox(); return [b.x, b.y, b.width, b.height]; })
            """);

        boxes.Length.ShouldBeGreaterThan(10);
        var overlaps = new List<string>();
        for (var i = 0; i < boxes.Length; i++)
        {
            for (var j = i + 1; j < boxes.Length; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var across = Math.Min(a[0] + a[2], b[0] + b[2]) - Math.Max(a[0], b[0]);
                var down = Math.Min(a[1] + a[3], b[1] + b[3]) - Math.Max(a[1], b[1]);
                // A pixel of the fonts' line spacing may touch; anything more is two labels over each other.
                if (across > 1 && down > 1.5)
                {
                    overlaps.Add($"{i} and {j}: ({a[0]:0},{a[1]:0},{a[2]:0}x{a[3]:0}) ({b[0]:0},{b[1]:0},{b[2]:0}x{b[3]:0})");
                }
            }
        }
        overlaps.ShouldBeEmpty();
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
