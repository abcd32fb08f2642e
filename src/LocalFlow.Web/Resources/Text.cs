using System.Globalization;
using System.Resources;

namespace LocalFlow.Web.Resources;

/// <summary>
/// Looks up interface text in the request's language (docs/welsh.md). A key with no English text is a programming
/// error and shows as <c>[key]</c>, which the tests look for; a key with no Welsh text falls back to English, and
/// the resource test fails on it.
/// </summary>
public static class Text
{
    /// <summary>The text under <paramref name="key"/> in the current UI culture.</summary>
    public static string Of(ResourceManager resources, string key) => resources.GetString(key, CultureInfo.CurrentUICulture) ?? $"[{key}]";

    /// <summary>Fills a text's placeholders ("{0}") in the request's culture.</summary>
    public static string Format(string text, params object?[] values) => string.Format(CultureInfo.CurrentCulture, text, values);

    /// <summary>
    /// "{0} household" or "{0} households" in English. Welsh keeps one form for any number ("Aelwydydd: 5"), so both
    /// of its keys may hold the same text.
    /// </summary>
    public static string Count(int n, string one, string many) =>
        Format(n == 1 ? one : many, n.ToString("N0", CultureInfo.CurrentCulture));
}
