using Microsoft.Playwright;

namespace LocalFlow.Web.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download) against the real app on a real port.
/// One app per test class, and one browser for the whole run (each launch costs a second or two of the run's two
/// cores); each test gets its own browser context, so nothing is shared between tests but the browser process. Every console error, uncaught
/// script error and content security policy violation in a page is recorded, and fails the test that caused it
/// (see <see cref="BrowserTest"/> and <see cref="PageExtensions.AssertAccessibleAsync"/>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Chromium also logs violations itself; the listener makes each one a console error whatever the browser's wording.
    private const string ReportViolations =
        "document.addEventListener('securitypolicyviolation', e => console.error('Content security policy violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline content') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, BrowserErrors> ErrorsByContext = new();

    private static readonly Lazy<Task<IBrowser>> SharedBrowser = new(LaunchAsync);

    private readonly List<BrowserErrors> _errors = [];
    private readonly List<IBrowserContext> _contexts = [];

    public LocalFlowApp App { get; } = new(households: 120);
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath} (./test.sh installs Debian's chromium when run as root).");
        }
        BaseUrl = App.StartKestrel();
        Browser = await SharedBrowser.Value;
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--headless", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // Closed when the test run ends; a browser that will not close in time is ended with its driver.
            Task.WhenAny(browser.CloseAsync(), Task.Delay(TimeSpan.FromSeconds(10))).GetAwaiter().GetResult();
            playwright.Dispose();
        };
        return browser;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-GB", TimezoneId = "Europe/London" });
        // Generous: CI machines have two cores shared with the app, the database and other test classes.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        await context.AddInitScriptAsync(ReportViolations);
        lock (_contexts)
        {
            _contexts.Add(context);
        }
        var errors = new BrowserErrors();
        ErrorsByContext.Add(context, errors);
        lock (_errors)
        {
            _errors.Add(errors);
        }
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Console(message.Text, message.Location);
            }
        };
        page.PageError += (_, error) => errors.Console("Uncaught script error: " + error, page.Url);
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Status >= 400)
            {
                errors.FailedNavigation(response.Url);
            }
        };
        return page;
    }

    /// <summary>Fails with every console error, script error and policy violation of the pages opened since the last check, then forgets them.</summary>
    public void AssertNoBrowserErrors()
    {
        List<BrowserErrors> all;
        lock (_errors)
        {
            all = [.. _errors];
            _errors.Clear();
        }
        all.SelectMany(e => e.Take()).ToList().ShouldBeEmpty("the browser reported errors");
    }

    /// <summary>The errors recorded for a page's browser context (none for pages this fixture did not open).</summary>
    internal static IReadOnlyList<string> TakeErrors(IPage page) =>
        ErrorsByContext.TryGetValue(page.Context, out var errors) ? errors.Take() : [];

    public async Task DisposeAsync()
    {
        // The browser is the run's: only this class's contexts are closed.
        List<IBrowserContext> contexts;
        lock (_contexts)
        {
            contexts = [.. _contexts];
        }
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
        App.Dispose();
    }
}

/// <summary>
/// What the browser reported as an error in one context. A page the test itself opened and the server refused
/// (a 403 or 404 on purpose) makes Chromium log "Failed to load resource" for that address; only those are
/// expected. A refused script, style sheet or image is still an error.
/// </summary>
internal sealed class BrowserErrors
{
    private readonly List<(string Text, string Url)> _messages = [];
    private readonly HashSet<string> _refusedPages = new(StringComparer.Ordinal);

    /// <summary>A console error and where it came from ("address:line:column").</summary>
    public void Console(string text, string url)
    {
        lock (_messages)
        {
            _messages.Add((text, url));
        }
    }

    public void FailedNavigation(string url)
    {
        lock (_messages)
        {
            _refusedPages.Add(url);
        }
    }

    public IReadOnlyList<string> Take()
    {
        lock (_messages)
        {
            var errors = _messages
                .Where(m => !(m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && _refusedPages.Any(p => m.Url == p || m.Url.StartsWith(p + ":", StringComparison.Ordinal))))
                .Select(m => $"{m.Text} ({m.Url})").ToList();
            _messages.Clear();
            return errors;
        }
    }
}

/// <summary>A browser test class: after each test, any console error, script error or policy violation in its pages fails it.</summary>
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>The class's app and browser.</summary>
    protected BrowserFixture Browser { get; } = browser;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Browser.AssertNoBrowserErrors();
        return Task.CompletedTask;
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
        var from = page.Url;
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
                if (page.Url != from)
                {
                    // The press did arrive and the browser has moved on; its page is only slow to arrive: wait longer.
                    await page.WaitForURLAsync(urlGlob, new PageWaitForURLOptions { Timeout = 60_000, WaitUntil = WaitUntilState.DOMContentLoaded });
                    return;
                }
                if (!await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selector))
                {
                    await page.TabToAsync(selector, maxPresses);
                }
            }
        }
    }

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private const string RunAxe = @"async () => {
        const results = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations'],
        });
        return JSON.stringify(results.violations.map(v =>
            v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', ')));
    }";

    /// <summary>Pages axe-core has already passed in this run, by what it would see (see <see cref="AssertAccessibleAsync"/>).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> AxePassed = new(StringComparer.Ordinal);

    // What axe-core sees: the document, the window's size and the focused element. The per-request antiforgery token
    // and script nonce are left out, so that the same page drawn twice is known as the same.
    private const string AxeInputs = @"() => {
        const html = document.documentElement.outerHTML
            .replace(/name=""__RequestVerificationToken"" type=""hidden"" value=""[^""]*""/g, '')
            .replace(/ nonce=""[^""]*""/g, '');
        const focused = document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : '';
        return window.innerWidth + 'x' + window.innerHeight + '\n' + focused + '\n' + html;
    }";

    /// <summary>
    /// Runs axe-core (WCAG 2.2 A and AA rules) and fails with every violation listed. A page exactly as already
    /// passed in this run (the same markup at the same window size; the style sheets and scripts are the app's own)
    /// is not checked again. axe-core (the copy Deque.AxeCore.Commons ships) is put into the page once and run there
    /// directly, asking for violations only: Deque's Playwright wrapper took three to four times as long a page,
    /// which was the largest single cost of the browser tests.
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        BrowserFixture.TakeErrors(page).ShouldBeEmpty($"the browser reported errors on {page.Url}");
        var seen = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(await page.EvaluateAsync<string>(AxeInputs))));
        if (AxePassed.ContainsKey(seen))
        {
            return;
        }
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }
        var found = await page.EvaluateAsync<string>(RunAxe);
        var problems = System.Text.Json.JsonSerializer.Deserialize<List<string>>(found)!;
        problems.ShouldBeEmpty($"axe-core found accessibility problems on {page.Url}");
        AxePassed.TryAdd(seen, true);
    }
}
