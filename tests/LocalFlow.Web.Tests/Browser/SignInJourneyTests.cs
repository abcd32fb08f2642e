using LocalFlow.Web.Tests.Support;
using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Browser;

/// <summary>
/// Each demo role signs in by keyboard, sees its menu, follows its sections and is refused a page it may not open;
/// axe-core checks every kind of page visited.
/// </summary>
public class SignInJourneyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string[], string[]> Roles => new()
    {
        { "admin", ["Admin"], ["/Locality/People"] },
        { "study", ["Demand", "Conditions", "Flow", "Measures", "Redesign"], ["/Admin"] },
        { "worker", ["Demand", "Locality", "Measures"], ["/Flow"] },
        { "analyst", ["Demand", "Conditions", "Flow", "Measures", "Economics", "Redesign"], ["/Linking"] },
        { "commissioner", ["Demand", "Conditions", "Flow", "Measures", "Economics", "Redesign"], ["/Admin/Users"] },
        { "dataofficer", ["Conditions", "Flow", "Linking", "Locality"], ["/Demand"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task DemoRole_SignsInByKeyboard_ReachesItsPages_AndIsRefusedTheOthers(string user, string[] allowed, string[] refused)
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/");
        await AccessibleOnceAsync(page, "home");

        // Keyboard only: Tab to the start button, Enter, type the name and password, Enter.
        await page.FollowLinkByKeyboardAsync("a.govuk-button--start", "**/SignIn");
        await AccessibleOnceAsync(page, "sign-in");
        await page.TabToAsync("#UserName");
        await page.Keyboard.TypeAsync(user);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(LocalFlowApp.DemoPassword);
        (await page.InputValueAsync("#UserName")).ShouldBe(user);
        (await page.InputValueAsync("#Password")).ShouldBe(LocalFlowApp.DemoPassword);
        await SubmitSignInAsync(page, Browser.BaseUrl + "/");
        (await page.TextContentAsync(".lf-account__name"))!.ShouldContain(char.ToUpperInvariant(user[0]).ToString(), Case.Sensitive);
        await page.AssertAccessibleAsync();

        var nav = await page.Locator(".govuk-service-navigation__link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        nav.ShouldBe(allowed.Select(s => "/" + s), ignoreOrder: true, $"{user}'s menu");

        // Each section is followed by keyboard once in the class, by the first role whose menu holds it, and each role is
        // refused one page here: RoleAccessTests try every page for every role, and CrawlTests open every page each role
        // can reach, over HTTP at a fraction of a browser's cost.
        foreach (var section in allowed.Where(s => { lock (Followed) { return Followed.Add(s); } }))
        {
            await page.GotoAsync("/");
            await page.FollowLinkByKeyboardAsync($".govuk-service-navigation__link[href='/{section}']", $"**/{section}");
            (await page.Locator("h1").First.InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
            (await page.ContentAsync()).ShouldNotContain("You cannot open this page");
            await AccessibleOnceAsync(page, section);
        }

        foreach (var path in refused)
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(403, $"{user} should be refused {path}");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("You cannot open this page");
            await AccessibleOnceAsync(page, "refused");
        }
    }

    private static readonly HashSet<string> CheckedWithAxe = [];

    private static readonly HashSet<string> Followed = [];

    /// <summary>
    /// axe-core on the first visit in this class to a kind of page (home, sign-in, a section, the refusal page): the
    /// same page for another role differs mostly in its menu, which axe checks for each role on the home page it signs in to.
    /// Any browser error is still a failure on every page.
    /// </summary>
    private static async Task AccessibleOnceAsync(IPage page, string kind)
    {
        bool first;
        lock (CheckedWithAxe)
        {
            first = CheckedWithAxe.Add(kind);
        }
        if (first)
        {
            await page.AssertAccessibleAsync();
        }
        else
        {
            BrowserFixture.TakeErrors(page).ShouldBeEmpty($"the browser reported errors on {page.Url}");
        }
    }

    [Fact]
    public async Task Administrator_AddsAFrontDoor_ByKeyboard_AndSeesItListed()
    {
        var page = await Browser.NewPageAsync();
        await SignInAsync(page, "admin");
        await page.GotoAsync("/Admin/FrontDoors");
        await page.AssertAccessibleAsync();
        // First without a name: the error summary appears and keeps what was chosen.
        await page.TabToAsync("#Input_Channel");
        await page.SelectOptionAsync("#Input_Channel", "Phone");
        await page.TabToAsync("form[method=post] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.InputValueAsync("#Input_Channel")).ShouldBe("Phone");
        await page.AssertAccessibleAsync();
        await page.TabToAsync("#Input_Name");
        await page.Keyboard.TypeAsync("Library drop-in (Tuesdays)");
        await page.SelectOptionAsync("#Input_AgencyId", new SelectOptionValue { Label = "Northfield Borough Council" });
        await page.TabToAsync("form[method=post] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.ContentAsync()).ShouldContain("Library drop-in (Tuesdays)");
        await ScreenshotAsync(page, "admin-front-doors.png");
    }

    [Fact]
    public async Task HomePage_ForAFirstTimeVisitor_LeadsToSignInAndEachCapability()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/");
        (await page.Locator(".lf-card h3").AllInnerTextsAsync()).Count.ShouldBe(8);
        (await page.Locator("a.govuk-button--start").InnerTextAsync()).ShouldContain("Sign in");
        await ScreenshotAsync(page, "home.png");
    }

    [Fact]
    public async Task Analyst_ChartsAMeasure_ByKeyboard_AndAPhaseChangesTheLimits()
    {
        var page = await Browser.NewPageAsync();
        await SignInAsync(page, "analyst");
        await page.GotoAsync("/Measures");
        await page.AssertAccessibleAsync();
        (await page.Locator("#phase-limits tbody tr").CountAsync()).ShouldBe(2);

        // Remove the example's phase by keyboard and draw again: one phase, and the drop shows as signals.
        await page.TabToAsync("#Input_Phases");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.TabToAsync("form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync();
        await page.Locator("#signals").WaitForAsync();
        (await page.Locator("#phase-limits tbody tr").CountAsync()).ShouldBe(1);
        (await page.Locator("#signals li").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("svg").CountAsync()).ShouldBeGreaterThan(0);
        await page.AssertAccessibleAsync();
        await ScreenshotAsync(page, "measures.png");
    }

    /// <summary>Saves a full-page screenshot when LOCALFLOW_SCREENSHOTS names a folder (docs/screenshots is made this way).</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = Environment.GetEnvironmentVariable("LOCALFLOW_SCREENSHOTS");
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name), FullPage = true });
        }
    }

    [Fact]
    public async Task AWelshSpeaker_ChoosesCymraeg_ByKeyboard_SignsInInWelsh_AndKeepsTheChoice()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/Accessibility");
        await ChooseLanguageByKeyboardAsync(page, "cy");
        (await page.Locator(".govuk-skip-link").TextContentAsync()).ShouldBe("Neidio i'r prif gynnwys");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/");
        (await page.Locator("h2.govuk-heading-l").InnerTextAsync()).ShouldBe("Beth mae LocalFlow yn ei wneud");
        await page.FollowLinkByKeyboardAsync("a.govuk-button--start", "**/SignIn");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Mewngofnodi i LocalFlow");
        (await page.Locator("label[for=UserName]").InnerTextAsync()).ShouldBe("Enw defnyddiwr");
        await page.AssertAccessibleAsync();
        await page.TabToAsync("#UserName");
        await page.Keyboard.TypeAsync("analyst");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(LocalFlowApp.DemoPassword);
        await SubmitSignInAsync(page, Browser.BaseUrl + "/");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("cy", "the choice outlives signing in");
        (await page.Locator("form[action='/SignOut'] button").InnerTextAsync()).ShouldBe("Allgofnodi");
        (await page.Locator(".govuk-service-navigation__link[href='/Flow']").InnerTextAsync()).ShouldBe("Llif");
        await page.AssertAccessibleAsync();

        // A page not yet translated (the locality measures report) says so in Welsh, and its content is marked as English for screen readers.
        await page.GotoAsync("/Measures/Report");
        (await page.Locator(".govuk-inset-text").First.InnerTextAsync()).ShouldContain("Nid yw'r dudalen hon ar gael yn Gymraeg eto");
        (await page.Locator("main").GetAttributeAsync("lang")).ShouldBe("en-GB");
        await page.AssertAccessibleAsync();

        await ChooseLanguageByKeyboardAsync(page, "en-GB");
        (await page.Locator("form[action='/SignOut'] button").InnerTextAsync()).ShouldBe("Sign out");
        page.Url.ShouldEndWith("/Measures/Report", Case.Sensitive, "the choice goes back to the same page");
    }

    /// <summary>Tab to the language link in the phase banner and follow it, then wait for the page in that language.</summary>
    private static async Task ChooseLanguageByKeyboardAsync(IPage page, string lang)
    {
        var link = $".lf-language a[hreflang='{lang}']";
        await page.TabToAsync(link);
        for (var attempt = 1; ; attempt++)
        {
            await page.Keyboard.PressAsync("Enter");
            try
            {
                await page.Locator($"html[lang='{lang}']").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000, State = WaitForSelectorState.Attached });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                if (await page.Locator(link).CountAsync() > 0 && !await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", link))
                {
                    await page.TabToAsync(link);
                }
            }
        }
    }

    internal static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/SignIn");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", LocalFlowApp.DemoPassword);
        await SubmitSignInAsync(page, null);
    }

    /// <summary>
    /// Enter in the password box, then wait for the page it leads to (<paramref name="home"/>, or any page but the sign-in
    /// page). On a loaded two-core machine a press that arrives while the page is starting its scripts is now and then
    /// lost: if the sign-in page is still there, unanswered, after 20 s, Enter is pressed again (once).
    /// </summary>
    private static async Task SubmitSignInAsync(IPage page, string? home)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Keyboard.PressAsync("Enter");
            var options = new PageWaitForURLOptions { Timeout = attempt == 1 ? 20_000 : 60_000, WaitUntil = WaitUntilState.DOMContentLoaded };
            try
            {
                if (home is null)
                {
                    await page.WaitForURLAsync(u => !u.Contains("/SignIn", StringComparison.Ordinal), options);
                }
                else
                {
                    await page.WaitForURLAsync(home, options);
                }
                return;
            }
            catch (TimeoutException) when (attempt == 1)
            {
                if (!page.Url.Contains("/SignIn", StringComparison.Ordinal) || await page.Locator(".govuk-error-summary").CountAsync() > 0)
                {
                    throw;
                }
                await page.FocusAsync("#Password");
            }
        }
    }
}
