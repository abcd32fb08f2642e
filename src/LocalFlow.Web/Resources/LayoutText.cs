using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The text of every page's frame: header, navigation, phase banner, footer and the GOV.UK component text. In LayoutText.resx (English) and LayoutText.cy.resx (Welsh).</summary>
public static class LayoutText
{
    private static readonly ResourceManager Resources = new(typeof(LayoutText));

    public static string SkipLink => Get();

    public static string Tagline => Get();

    public static string ServiceNavigation => Get();

    public static string Menu => Get();

    public static string NavDemand => Get();

    public static string NavConditions => Get();

    public static string NavFlow => Get();

    public static string NavLinking => Get();

    public static string NavLocality => Get();

    public static string NavMeasures => Get();

    public static string NavEconomics => Get();

    public static string NavRedesign => Get();

    public static string NavAdmin => Get();

    public static string SearchLabel => Get();

    public static string SearchButton => Get();

    public static string SignOut => Get();

    public static string PhaseTag => Get();

    public static string PhaseText => Get();

    public static string NotYetInWelsh => Get();

    public static string LanguageLabel => Get();

    public static string SupportLinks => Get();

    public static string Help => Get();

    public static string Accessibility => Get();

    public static string ApiDescription => Get();

    public static string Licence => Get();

    public static string ErrorSummaryTitle => Get();

    public static string ErrorPrefix => Get();

    public static string LookingAt => Get();

    public static string Change => Get();

    public static string ChangeWhat => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
