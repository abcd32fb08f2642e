using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The text of the pages anyone may reach: "you cannot open this page", the error pages and the accessibility statement. In CommonText.resx (English) and CommonText.cy.resx (Welsh).</summary>
public static class CommonText
{
    private static readonly ResourceManager Resources = new(typeof(CommonText));

    public static string CannotOpenTitle => Get();

    public static string CannotOpenRole => Get();

    public static string CannotOpenAsk => Get();

    public static string GoHome => Get();

    public static string NotFoundTitle => Get();

    public static string NotFoundTyped => Get();

    public static string NotFoundPasted => Get();

    public static string NotFoundHome => Get();

    public static string NotFoundHomeLink => Get();

    public static string ForbiddenRole => Get();

    public static string TooBigTitle => Get();

    public static string TooBigLimit => Get();

    public static string TooBigText => Get();

    public static string TooBigBack => Get();

    public static string TooManyTitle => Get();

    public static string TooManyAgain => Get();

    public static string BadRequestTitle => Get();

    public static string BadRequestText => Get();

    public static string ServiceProblemTitle => Get();

    public static string ServiceProblemText => Get();

    public static string AccessibilityTitle => Get();

    public static string AccessibilityHeading => Get();

    public static string AccessibilityStandard => Get();

    public static string AccessibilityCharts => Get();

    public static string AccessibilityTests => Get();

    public static string AccessibilityWelsh => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
