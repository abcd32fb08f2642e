using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>A person's I statements: scoring them over time, adding and removing them; and the team's purpose and principles. In StatementsText.resx (English) and StatementsText.cy.resx (Welsh).</summary>
public static class StatementsText
{
    private static readonly ResourceManager Resources = new(typeof(StatementsText));

    public static string Title => Get();

    public static string Heading => Get();

    public static string Intro => Get();

    public static string PlanToShow => Get();

    public static string OverTime => Get();

    public static string ScoreThem => Get();

    public static string NoneYet => Get();

    public static string DateOf => Get();

    public static string ForExample => Get();

    public static string Households => Get();

    public static string LastTime => Get();

    public static string ZeroToTen => Get();

    public static string SaveScores => Get();

    public static string TheStatements => Get();

    public static string AddedBy => Get();

    public static string Remove => Get();

    public static string AddStatements => Get();

    public static string OthersUsed => Get();

    public static string OthersHint => Get();

    public static string OwnWords => Get();

    public static string OwnWordsHint => Get();

    public static string Whose => Get();

    public static string TheirOwn => Get();

    public static string HouseholdAsWhole => Get();

    public static string Added => Get();

    public static string RealDate => Get();

    public static string ScoresSaved => Get();

    public static string Removed => Get();

    public static string PurposeTitle => Get();

    public static string PurposeIntro => Get();

    public static string Purpose => Get();

    public static string PurposeHint => Get();

    public static string PrinciplesHint => Get();

    public static string Save => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
