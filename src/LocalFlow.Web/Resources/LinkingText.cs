using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The linking pages translated so far: the review queue and a pair to decide. In LinkingText.resx (English) and LinkingText.cy.resx (Welsh).</summary>
public static class LinkingText
{
    private static readonly ResourceManager Resources = new(typeof(LinkingText));

    public static string ReviewTitle => Get();

    public static string BackToLinking => Get();

    public static string ReviewIntro => Get();

    public static string PairsOne => Get();

    public static string PairsMany => Get();

    public static string HiddenOne => Get();

    public static string HiddenMany => Get();

    public static string QueueEmpty => Get();

    public static string WaitingOne => Get();

    public static string WaitingMany => Get();

    public static string FirstRecord => Get();

    public static string SecondRecord => Get();

    public static string MatchWeight => Get();

    public static string Probability => Get();

    public static string Review => Get();

    public static string ReviewOf => Get();

    public static string ClusterFlagged => Get();

    public static string PairTitle => Get();

    public static string BackToQueue => Get();

    public static string WeightCaption => Get();

    public static string ClusterWarning => Get();

    public static string CompareCaption => Get();

    public static string Detail => Get();

    public static string RecordId => Get();

    public static string Differs => Get();

    public static string GivenNames => Get();

    public static string Surname => Get();

    public static string PreviousSurnames => Get();

    public static string DateOfBirth => Get();

    public static string Sex => Get();

    public static string Address => Get();

    public static string Postcode => Get();

    public static string NhsNumber => Get();

    public static string OtherId => Get();

    public static string Phone => Get();

    public static string Email => Get();

    public static string Recorded => Get();

    public static string YourDecision => Get();

    public static string Same => Get();

    public static string SameHint => Get();

    public static string Different => Get();

    public static string DifferentHint => Get();

    public static string SaveDecision => Get();

    public static string ChooseSame => Get();

    public static string Linked => Get();

    public static string KeptApart => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
