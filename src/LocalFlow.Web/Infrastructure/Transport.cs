using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// How requests arrive (docs/operations.md): directly or through a reverse proxy that sends X-Forwarded-For and
/// X-Forwarded-Proto (<c>LocalFlow:ForwardedHeaders:Enabled</c>, trusted only from <c>KnownProxies</c> and
/// <c>KnownNetworks</c>, loopback unless set), and over TLS. Cookies are Secure on any request that came over TLS;
/// HSTS is sent on every such response; plain HTTP is redirected to HTTPS when the site is served over TLS (an HTTPS
/// address in <c>urls</c>, or <c>LocalFlow:HttpsPort</c> / <c>HTTPS_PORT</c> for the port the proxy serves TLS on).
/// </summary>
public static class Transport
{
    /// <summary>What <see cref="Configure"/> decided, for <see cref="Use"/>.</summary>
    public sealed record Choices(bool Forwarded, bool RedirectToHttps);

    public static Choices Configure(IServiceCollection services, IConfiguration configuration)
    {
        var forwarded = configuration.GetSection("LocalFlow:ForwardedHeaders");
        var useForwarded = forwarded.GetValue("Enabled", false);
        if (useForwarded)
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                foreach (var proxy in List(forwarded["KnownProxies"]))
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                }
                foreach (var network in List(forwarded["KnownNetworks"]))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            });
        }
        var port = configuration["LocalFlow:HttpsPort"] ?? configuration["HTTPS_PORT"] ?? configuration["https_port"];
        var urls = configuration["urls"] ?? configuration["URLS"] ?? "";
        var redirect = port is not null || urls.Contains("https://", StringComparison.OrdinalIgnoreCase)
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => (e["Url"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (redirect)
        {
            services.AddHttpsRedirection(o =>
            {
                if (int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p))
                {
                    o.HttpsPort = p;
                }
            });
        }
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return new Choices(useForwarded, redirect);
    }

    /// <summary>First in the pipeline: the proxy's headers, then the redirect to HTTPS, then HSTS (only ever sent over TLS, never to localhost).</summary>
    public static void Use(WebApplication app, Choices choices)
    {
        if (choices.Forwarded)
        {
            app.UseForwardedHeaders();
        }
        if (choices.RedirectToHttps)
        {
            app.UseHttpsRedirection();
        }
        app.UseHsts();
    }

    private static IEnumerable<string> List(string? value) => (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
