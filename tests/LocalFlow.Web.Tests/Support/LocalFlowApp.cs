using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LocalFlow.Web.Tests.Support;

/// <summary>
/// The real web app on a fresh SQLite database in a temp folder, with a small demo locality
/// (so tests run quickly) and the documented demo sign-ins. <see cref="StartKestrel"/> serves it on a
/// real port for browser tests.
/// </summary>
public sealed partial class LocalFlowApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "northfield-demo";

    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public LocalFlowApp(int households = 120, string? connectionString = null)
    {
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

    public string DataDirectory => _dir.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
