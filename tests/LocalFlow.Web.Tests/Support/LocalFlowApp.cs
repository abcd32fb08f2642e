using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

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

    private static readonly Dictionary<string, Template> Templates = new(StringComparer.Ordinal);
    private static readonly Lock TemplatesLock = new();

    private readonly TempDirectory _dir;
    private readonly bool _owned;
    private readonly bool _postgres;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private bool _fresh;
    private bool _seeded;
    private string? _database;
    private bool _kestrel;
    private Action<IWebHostBuilder>? _host;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<Cookie[]>> _signIns = new(StringComparer.Ordinal);

    /// <summary>
    /// An app on SQLite, or on its own new PostgreSQL database when the run asks for the web tests on PostgreSQL
    /// (<see cref="PostgresDatabases.WebTestsOnPostgres"/>) and no connection string is given.
    /// </summary>
    public LocalFlowApp(int households = 120, string? connectionString = null)
        : this(households, connectionString, new TempDirectory(), owned: true, postgres: connectionString is null && PostgresDatabases.WebTestsOnPostgres)
    {
    }

    private LocalFlowApp(int households, string? connectionString, TempDirectory dir, bool owned, bool postgres)
    {
        _dir = dir;
        _owned = owned;
        _postgres = postgres;
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

    /// <summary>
    /// Configures the host further (logging, services) before it starts, without changing which first run's demo it
    /// starts from (unlike <see cref="With"/>).
    /// </summary>
    public LocalFlowApp WithHost(Action<IWebHostBuilder> configure)
    {
        _host += configure;
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
        if (!_seeded)
        {
            _seeded = true;
            var template = _fresh || !(_postgres || string.IsNullOrEmpty(_settings["ConnectionStrings:LocalFlow"])) ? null : TemplateFor(_settings, _postgres);
            if (template is not null)
            {
                CopyDirectory(template.Folder.Path, _dir.Path);
            }
            if (_postgres)
            {
                (_database, var connectionString) = PostgresDatabases.Create(template?.Database);
                _settings["ConnectionStrings:LocalFlow"] = connectionString;
            }
        }
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }
        builder.UseEnvironment("Production");
        _host?.Invoke(builder);
    }

    /// <summary>Serve on a real port (for Playwright) and return the base address.</summary>
    public string StartKestrel()
    {
        _kestrel = true;
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    /// <summary>
    /// An HTTP client that keeps cookies and does not follow redirects, signed in as a demo user (or anonymous).
    /// Each demo user signs in through the sign-in page once per app; later clients start with that sign-in's cookies
    /// (as a second browser tab would), which spares hundreds of password hashes in the role table.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string? user = null, string password = DemoPassword)
    {
        if (user is null)
        {
            return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        }
        if (password != DemoPassword || _kestrel)
        {
            return await FreshSignInAsync(user, password);
        }
        var signedIn = await _signIns.GetOrAdd(user, SignInCookiesAsync);
        var container = new CookieContainer();
        foreach (var cookie in signedIn)
        {
            container.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain) { Secure = cookie.Secure, HttpOnly = cookie.HttpOnly });
        }
        return CreateDefaultClient(ClientOptions.BaseAddress, new CookieContainerHandler(container));
    }

    /// <summary>A client that signs in through the sign-in page now, for tests about signing in itself (its audit entry).</summary>
    public async Task<HttpClient> FreshSignInAsync(string user, string password = DemoPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInOrThrowAsync(client, user, password);
        return client;
    }

    private async Task<Cookie[]> SignInCookiesAsync(string user)
    {
        var container = new CookieContainer();
        using var client = CreateDefaultClient(ClientOptions.BaseAddress, new CookieContainerHandler(container));
        await SignInOrThrowAsync(client, user, DemoPassword);
        return [.. container.GetCookies(ClientOptions.BaseAddress).Cast<Cookie>()];
    }

    private static async Task SignInOrThrowAsync(HttpClient client, string user, string password)
    {
        var response = await SignInAsync(client, user, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {user} failed: {(int)response.StatusCode}");
        }
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

    /// <summary>A first run's folder, and on PostgreSQL its database: made once per test run and never changed after.</summary>
    private sealed record Template(TempDirectory Folder, string? Database);

    /// <summary>
    /// Settings that change how an app runs but not the demo its first run makes: apps that differ only in these
    /// start from the same first run (each demo made costs seconds of the test run).
    /// </summary>
    private static readonly HashSet<string> RunOnly = new(StringComparer.Ordinal) { "LocalFlow:DataDirectory", "LocalFlow:WarmFlowEnginesSeconds" };

    /// <summary>The first run with these settings (and provider), made on first use.</summary>
    private static Template TemplateFor(Dictionary<string, string?> settings, bool postgres)
    {
        var key = (postgres ? "postgres\n" : "") + string.Join("\n", settings.Where(kv => !RunOnly.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
        lock (TemplatesLock)
        {
            if (!Templates.TryGetValue(key, out var template))
            {
                var folder = new TempDirectory();
                string? database;
                string? connectionString;
                using (var first = new LocalFlowApp(0, null, folder, owned: false, postgres) { _fresh = true })
                {
                    foreach (var (k, v) in settings.Where(kv => !RunOnly.Contains(kv.Key)))
                    {
                        first._settings[k] = v;
                    }
                    _ = first.Server;
                    database = first._database;
                    connectionString = first._settings["ConnectionStrings:LocalFlow"];
                }
                if (postgres && connectionString is not null)
                {
                    PostgresDatabases.ClosePooledConnections(connectionString);
                }
                template = new Template(folder, database);
                Templates[key] = template;
            }
            return template;
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
        if (_owned)
        {
            _dir.Dispose();
            if (_database is not null)
            {
                PostgresDatabases.Drop(_database, _settings["ConnectionStrings:LocalFlow"]!);
            }
        }
    }
}
