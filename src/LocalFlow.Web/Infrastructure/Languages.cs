using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// English and Welsh (Cymraeg): each user's choice, kept in a cookie for a year so that it lasts between sessions,
/// else the browser's own language, else English (docs/welsh.md).
/// </summary>
public static class Languages
{
    public const string CookieName = "localflow-language";

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    public static readonly CultureInfo Welsh = CultureInfo.GetCultureInfo("cy");

    /// <summary>Whether this request is answered in Welsh.</summary>
    public static bool IsWelsh => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "cy";

    /// <summary>The <c>lang</c> attribute of the page: "cy" or "en-GB".</summary>
    public static string Lang => IsWelsh ? "cy" : "en-GB";

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(English),
            SupportedCultures = [English, Welsh],
            SupportedUICultures = [English, Welsh],
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider { CookieName = CookieName },
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return options;
    }

    /// <summary>
    /// <c>GET /Language?to=cy&amp;returnUrl=/Flow</c>: remembers the choice and goes back to the page (only to a
    /// page of this site). Anything but "en" or "cy" is refused with a plain message, and changes nothing.
    /// </summary>
    public static void MapLanguageChoice(this WebApplication app) =>
        app.MapGet("/Language", (HttpContext context, string? to, string? returnUrl) =>
        {
            var culture = to switch { "en" => English, "cy" => Welsh, _ => null };
            if (culture is null)
            {
                return Results.Text("Choose a language: \"en\" for English or \"cy\" for Cymraeg (Welsh). Dewiswch iaith: \"en\" ar gyfer Saesneg neu \"cy\" ar gyfer Cymraeg.", statusCode: StatusCodes.Status400BadRequest);
            }
            context.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>The link to the page in the other language, back to the same address.</summary>
    public static string SwitchHref(HttpRequest request) =>
        $"/Language?to={(IsWelsh ? "en" : "cy")}&returnUrl={Uri.EscapeDataString(request.Path + request.QueryString)}";

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
