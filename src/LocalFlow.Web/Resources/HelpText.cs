using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>
/// The help pages: the index's lead, each topic's title and purpose under "{slug}Title" and "{slug}Purpose", its steps
/// ("{slug}Step1"…) and the titles of its definitions ("{slug}Def1"…), and the topic page's own words. In HelpText.resx
/// (English) and HelpText.cy.resx (Welsh). The definitions themselves come from docs/ and are English only.
/// </summary>
public static class HelpText
{
    private static readonly ResourceManager Resources = new(typeof(HelpText));

    /// <summary>A topic's title in the language of the request.</summary>
    public static string Title(string slug) => Get(slug + "Title");

    /// <summary>What a topic is for, in the language of the request.</summary>
    public static string Purpose(string slug) => Get(slug + "Purpose");

    public static string PurposeHeading => Get();

    public static string StepsHeading => Get();

    public static string DefinitionsHeading => Get();

    public static string GoTo => Get();

    public static string AllHelp => Get();

    /// <summary>The English text under <paramref name="key"/>, for what is still English only (a topic's own page).</summary>
    public static string English(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) ?? $"[{key}]";

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
