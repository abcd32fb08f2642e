using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>
/// The help pages' index: its lead, and each topic's title and purpose under "{slug}Title" and "{slug}Purpose". In
/// HelpText.resx (English) and HelpText.cy.resx (Welsh). The topics' own pages and steps are still English only.
/// </summary>
public static class HelpText
{
    private static readonly ResourceManager Resources = new(typeof(HelpText));

    /// <summary>A topic's title in the language of the request.</summary>
    public static string Title(string slug) => Get(slug + "Title");

    /// <summary>What a topic is for, in the language of the request.</summary>
    public static string Purpose(string slug) => Get(slug + "Purpose");

    /// <summary>The English text under <paramref name="key"/>, for what is still English only (a topic's own page).</summary>
    public static string English(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) ?? $"[{key}]";

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
