using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The user's own account: choosing a new password, choosing which of their localities to look at, and signing out. In AccountText.resx (English) and AccountText.cy.resx (Welsh).</summary>
public static class AccountText
{
    private static readonly ResourceManager Resources = new(typeof(AccountText));

    public static string NewPasswordTitle => Get();

    public static string OneTimePassword => Get();

    public static string CurrentPassword => Get();

    public static string NewPassword => Get();

    public static string NewPasswordHint => Get();

    public static string ConfirmPassword => Get();

    public static string SavePassword => Get();

    public static string EnterCurrent => Get();

    public static string MustDiffer => Get();

    public static string NoMatch => Get();

    public static string PasswordSaved => Get();

    public static string ChooseLocalityTitle => Get();

    public static string NoLocality => Get();

    public static string OneLocality => Get();

    public static string ManyLocalities => Get();

    public static string WhichLocality => Get();

    public static string Continue => Get();

    public static string ChooseLocalityRequired => Get();

    public static string SignedOutTitle => Get();

    public static string SignedOut => Get();

    public static string SignInAgain => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
