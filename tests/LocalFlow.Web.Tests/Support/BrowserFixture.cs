using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download) against the real app on a real port.
/// One app and one browser per test class; each test gets its own browser context.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public LocalFlowApp App { get; } = new(households: 150);
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath} (./test.sh installs Debian's chromium when run as root).");
        }
        BaseUrl = App.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--headless", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-GB", TimezoneId = "Europe/London" });
        // Generous: CI machines have two cores shared with the app, the database and other test classes.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        App.Dispose();
    }
}

/// <summary>Keyboard and accessibility helpers for browser tests.</summary>
public static class PageExtensions
{
    /// <summary>Press Tab until the focused element matches <paramref name="selector"/> (as a keyboard user would), then return.</summary>
    public static async Task TabToAsync(this IPage page, string selector, int maxPresses = 80)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selector))
            {
                return;
            }
        }
        throw new InvalidOperationException($"Could not reach {selector} with the Tab key on {page.Url}");
    }

    /// <summary>
    /// Tab to a link and follow it with Enter, as a keyboard user does, then wait for its page. On a loaded
    /// two-core CI machine a key press that arrives while the page is still starting its scripts is now and then
    /// lost; following a link is safe to repeat, so a lost press is pressed again (up to three times).
    /// </summary>
    public static async Task FollowLinkByKeyboardAsync(this IPage page, string selector, string urlGlob, int maxPresses = 80)
    {
        await page.TabToAsync(selector, maxPresses);
        for (var attempt = 1; ; attempt++)
        {
            await page.Keyboard.PressAsync("Enter");
            try
            {
                // The page's own HTML is what the test reads next; its "load" event can lag far behind on a busy machine.
                await page.WaitForURLAsync(urlGlob, new PageWaitForURLOptions { Timeout = 20_000, WaitUntil = WaitUntilState.DOMContentLoaded });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                if (!await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selector))
                {
                    await page.TabToAsync(selector, maxPresses);
                }
            }
        }
    }

    /// <summary>Runs axe-core (WCAG 2.2 A and AA rules) and fails with every violation listed.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var results = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var problems = results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ToList();
        problems.ShouldBeEmpty($"axe-core found accessibility problems on {page.Url}");
    }
}
