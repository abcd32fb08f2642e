using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>Taking up what was heard at a front door, adding someone who presents, and recording their consent to sharing. In HandoverText.resx (English) and HandoverText.cy.resx (Welsh).</summary>
public static class HandoverText
{
    private static readonly ResourceManager Resources = new(typeof(HandoverText));

    public static string Title => Get();

    public static string HandedFrom => Get();

    public static string HandedBy => Get();

    public static string PickedUp => Get();

    public static string Known => Get();

    public static string NobodyFound => Get();

    public static string WhoIsIt => Get();

    public static string BornOn => Get();

    public static string BirthUnknown => Get();

    public static string KeyWorkerStays => Get();

    public static string Link => Get();

    public static string SomeoneNew => Get();

    public static string AddNew => Get();

    public static string AddNewLink => Get();

    public static string ChooseWho => Get();

    public static string PresentsTitle => Get();

    public static string Back => Get();

    public static string OnlyName => Get();

    public static string HeardAt => Get();

    public static string FirstName => Get();

    public static string AsTheyGiveIt => Get();

    public static string LastName => Get();

    public static string BirthOptional => Get();

    public static string BirthExample => Get();

    public static string PhoneOptional => Get();

    public static string Joins => Get();

    public static string WhereLive => Get();

    public static string NewHousehold => Get();

    public static string NewHouseholdHint => Get();

    public static string Nowhere => Get();

    public static string AddressLine => Get();

    public static string KeyWorkerHint => Get();

    public static string AddPerson => Get();

    public static string BirthFormat => Get();

    public static string SayWhere => Get();

    public static string EnterAddress => Get();

    public static string PickedUpByOther => Get();

    public static string ConsentTitle => Get();

    public static string ConsentCaption => Get();

    public static string ConsentIntro => Get();

    public static string NoAgreement => Get();

    public static string Agreements => Get();

    public static string Agreement => Get();

    public static string Consent => Get();

    public static string RecordedBy => Get();

    public static string NotAsked => Get();

    public static string GivenOn => Get();

    public static string WithdrawnOn => Get();

    public static string RecordWhat => Get();

    public static string WhenSaid => Get();

    public static string ForExample => Get();

    public static string RecordConsent => Get();

    public static string Given => Get();

    public static string GivenHint => Get();

    public static string Withdrawn => Get();

    public static string WithdrawnHint => Get();

    public static string SelectAgreement => Get();

    public static string ChooseAgreement => Get();

    public static string SayGiven => Get();

    public static string EnterDay => Get();

    public static string RecordedGiven => Get();

    public static string RecordedWithdrawn => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
