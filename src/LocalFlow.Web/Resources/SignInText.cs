using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The sign-in page's text. In SignInText.resx (English) and SignInText.cy.resx (Welsh).</summary>
public static class SignInText
{
    private static readonly ResourceManager Resources = new(typeof(SignInText));

    public static string Title => Get();

    public static string Heading => Get();

    public static string UserName => Get();

    public static string Password => Get();

    public static string Button => Get();

    public static string EnterUserName => Get();

    public static string EnterPassword => Get();

    public static string NotRight => Get();

    /// <summary>The account is locked for {0} minutes after repeated wrong passwords.</summary>
    public static string Locked => Get();

    /// <summary>Sign-in attempts from one address are limited per minute.</summary>
    public static string TooManyAttempts => Get();

    /// <summary>The heading over the organisation's sign-in button.</summary>
    public static string OrganisationHeading => Get();

    /// <summary>The organisation's sign-in button, unless the administrator configured its words.</summary>
    public static string OrganisationButton => Get();

    public static string OrganisationRefused => Get();

    public static string OrganisationWaitingTitle => Get();

    /// <summary>An account made at its first sign-in waits for an administrator to give it a role.</summary>
    public static string OrganisationWaiting => Get();

    public static string OrganisationSignedInTitle => Get();

    public static string OrganisationSignedIn => Get();

    public static string Continue => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
