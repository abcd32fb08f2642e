using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LocalFlow.Web.Tests.Support;

/// <summary>
/// The real web app on its own SQLite database in a temp folder, with a small demo locality
/// (so tests run quickly) and the documented demo sign-ins. <see cref="StartKestrel"/> serves it on a
/// real port for browser tests.
/// </summary>
/// <remarks>
/// The demo is made once per test run for each set of settings (by starting the real app on an empty folder, as a
/// user's first run does) and each app then starts on its own copy of that folder: the same database a restarted app
/// would find, at a fraction of the cost. <see cref="FreshDemo"/> makes one app build its own, for tests of that first
/// run itself.
/// </remarks>
public sealed partial class LocalFlowApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "northfield-demo";

    private static readonly Dictionary<string, TempDirectory> Templates = new(StringComparer.Ordinal);
    private static readonly Lock TemplatesLock = new();

    private readonly TempDirectory _dir;
    private readonly bool _ownsDir;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private bool _fresh;
    private bool _seeded;

    public LocalFlowApp(int households = 120, string? connectionString = null)
        : this(households, connectionString, new TempDirectory(), ownsDir: true)
    {
    }

    private LocalFlowApp(int households, string? connectionString, TempDirectory dir, bool ownsDir)
    {
        _dir = dir;
        _ownsDir = ownsDir;
        _settings["LocalFlow:DataDirectory"] = _dir.Path;
        _settings["ConnectionStrings:LocalFlow"] = connectionString ?? "";
        _settings["LocalFlow:DemoOptions:Households"] = households.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _settings["LocalFlow:DemoOptions:Today"] = "2026-11-23";
    }

    /// <summary>Adds or replaces a configuration setting before the app starts.</summary>
    public LocalFlowApp With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Build this app's demo itself on first start instead of copying the run's shared one.</summary>
    public LocalFlowApp FreshDemo()
    {
        _fresh = true;
        return this;
    }

    public string DataDirectory => _dir.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (!_fresh && !_seeded && string.IsNullOrEmpty(_settings["ConnectionStrings:LocalFlow"]))
        {
            CopyDirectory(TemplateFor(_settings), _dir.Path);
        }
        _seeded = true;
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }
        builder.UseEnvironment("Production");
    }

    /// <summary>Serve on a real port (for Playwright) and return the base address.</summary>
    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, signed in as a demo user (or anonymous).</summary>
    public async Task<HttpClient> ClientAsync(string? user = null, string password = DemoPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (user is not null)
        {
            var response = await SignInAsync(client, user, password);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Sign-in as {user} failed: {(int)response.StatusCode}");
            }
        }
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/SignIn");
        return await client.PostAsync("/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery token from a page's form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var m = TokenPattern().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {page}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The folder of a first run with these settings, made once per test run and never changed after.</summary>
    private static string TemplateFor(Dictionary<string, string?> settings)
    {
        var key = string.Join("\n", settings.Where(kv => kv.Key != "LocalFlow:DataDirectory").OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
        lock (TemplatesLock)
        {
            if (!Templates.TryGetValue(key, out var template))
            {
                template = new TempDirectory();
                using (var first = new LocalFlowApp(0, null, template, ownsDir: false) { _fresh = true })
                {
                    foreach (var (k, v) in settings.Where(kv => kv.Key != "LocalFlow:DataDirectory"))
                    {
                        first._settings[k] = v;
                    }
                    _ = first.Server;
                }
                Templates[key] = template;
            }
            return template.Path;
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDir)
        {
            _dir.Dispose();
        }
    }
}
