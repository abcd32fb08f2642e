using System.Globalization;
using System.Resources;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace LocalFlow.Web.Resources;

/// <summary>
/// Looks up interface text in the request's language (docs/welsh.md). A key with no English text is a programming
/// error and shows as <c>[key]</c>, which the tests look for; a key with no Welsh text falls back to English, and
/// the resource test fails on it.
/// </summary>
public static class Text
{
    /// <summary>Encodes as the pages do (Program.cs): markup characters only, Welsh letters as they are.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The text under <paramref name="key"/> in the current UI culture.</summary>
    public static string Of(ResourceManager resources, string key) => resources.GetString(key, CultureInfo.CurrentUICulture) ?? $"[{key}]";

    /// <summary>Fills a text's placeholders ("{0}") in the request's culture.</summary>
    public static string Format(string text, params object?[] values) => string.Format(CultureInfo.CurrentCulture, text, values);

    /// <summary>
    /// Fills a text's placeholders with markup (a link, a name in <c>bdi</c>): the text and any plain value are
    /// HTML-encoded, an <see cref="IHtmlContent"/> value is written as it is.
    /// </summary>
    public static IHtmlContent Html(string text, params object?[] values)
    {
        var filled = values.Select(v => (object?)(v is IHtmlContent h ? Markup(h) : Encoder.Encode(Convert.ToString(v, CultureInfo.CurrentCulture) ?? ""))).ToArray();
        return new HtmlString(Format(Encoder.Encode(text), filled));
    }

    /// <summary>Text isolated for direction (<c>bdi</c>): a name or a person's words inside a sentence of ours.</summary>
    public static IHtmlContent Bdi(string? text) => new HtmlString($"<bdi>{Encoder.Encode(text ?? "")}</bdi>");

    private static string Markup(IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, Encoder);
        return writer.ToString();
    }

    /// <summary>
    /// "{0} household" or "{0} households" in English. Welsh keeps one form for any number ("Aelwydydd: 5"), so both
    /// of its keys may hold the same text.
    /// </summary>
    public static string Count(long n, string one, string many) =>
        Format(n == 1 ? one : many, n.ToString("N0", CultureInfo.CurrentCulture));

    /// <summary>
    /// A date on a translated page: "7 December 2026" in English (as <see cref="Infrastructure.Gov.Date"/>), and with
    /// the month's Welsh name from .NET's Welsh culture in Welsh ("7 Rhagfyr 2026").
    /// </summary>
    public static string Date(DateOnly d) => Infrastructure.Languages.IsWelsh
        ? d.ToString("d MMMM yyyy", Infrastructure.Languages.Welsh)
        : Infrastructure.Gov.Date(d);

    /// <summary>
    /// A UTC instant on a translated page, in London time: "23 November 2026, 9:41am" in English (as
    /// <see cref="Infrastructure.Gov.LocalTime"/>), "23 Tachwedd 2026, 9:41yb" in Welsh.
    /// </summary>
    public static string LocalTime(DateTime utc) => Infrastructure.Languages.IsWelsh
        ? Infrastructure.Gov.ToLondon(utc).ToString("d MMMM yyyy, h:mmtt", Infrastructure.Languages.Welsh)
        : Infrastructure.Gov.LocalTime(utc);
}
