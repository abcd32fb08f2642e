using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>Adding an action for a person, and the local directory of people, groups and volunteers who can help. In ActionText.resx (English) and ActionText.cy.resx (Welsh).</summary>
public static class ActionText
{
    private static readonly ResourceManager Resources = new(typeof(ActionText));

    public static string Title => Get();

    public static string NotWorking => Get();

    public static string ChooseKeyWorkerFirst => Get();

    public static string FindHelp => Get();

    public static string Skill => Get();

    public static string SkillHint => Get();

    public static string Street => Get();

    public static string FindHelpButton => Get();

    public static string FoundOne => Get();

    public static string FoundMany => Get();

    public static string MatchOne => Get();

    public static string MatchMany => Get();

    public static string DirectoryEntry => Get();

    public static string What => Get();

    public static string Kind => Get();

    public static string Who => Get();

    public static string WhoHint => Get();

    public static string When => Get();

    public static string WhenHint => Get();

    public static string Serves => Get();

    public static string NoneOfThese => Get();

    public static string Save => Get();

    public static string ChooseKind => Get();

    public static string Visit => Get();

    public static string PracticalHelp => Get();

    public static string Meeting => Get();

    public static string Call => Get();

    public static string DirectoryTitle => Get();

    public static string DirectoryIntro => Get();

    public static string DirectorySkillHint => Get();

    public static string Search => Get();

    public static string EntriesOne => Get();

    public static string EntriesMany => Get();

    public static string Name => Get();

    public static string Skills => Get();

    public static string Available => Get();

    public static string StreetAndArea => Get();

    public static string Contact => Get();

    public static string KindPerson => Get();

    public static string KindVolunteer => Get();

    public static string KindGroup => Get();

    public static string KindOrganisation => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
