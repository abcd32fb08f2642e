using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The search page: its form, the groups of what was found, and its message. In SearchText.resx (English) and SearchText.cy.resx (Welsh).</summary>
public static class SearchText
{
    private static readonly ResourceManager Resources = new(typeof(SearchText));

    public static string Title => Get();

    public static string Label => Get();

    public static string Hint => Get();

    public static string Button => Get();

    public static string TooShort => Get();

    public static string People => Get();

    public static string Studies => Get();

    public static string Types => Get();

    public static string Conditions => Get();

    public static string Nothing => Get();

    public static string FoundOne => Get();

    public static string FoundMany => Get();

    public static string Born => Get();

    public static string Started => Get();

    public static string InStudy => Get();

    /// <summary>"5 results for “smith”"; in Welsh one form for any number.</summary>
    public static string Found(int n, string q) => Text.Format(n == 1 ? FoundOne : FoundMany, n.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), q);

    /// <summary>"born 3 March 1950" after a person's name.</summary>
    public static string BornOn(DateOnly d) => Text.Format(Born, Text.Date(d));

    /// <summary>"started 1 April 2026" after a demand study.</summary>
    public static string StartedOn(DateOnly d) => Text.Format(Started, Text.Date(d));

    /// <summary>"in the study of Adult social care" after a type of demand.</summary>
    public static string InStudyOf(string service) => Text.Format(InStudy, service);

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
