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

    public static string LinkingTitle => Get();

    public static string LinkingIntro => Get();

    public static string PendingLabel => Get();

    public static string ReviewPairs => Get();

    public static string PeopleInSeveral => Get();

    public static string RecordsFromSystems => Get();

    public static string ImportLink => Get();

    public static string PrivacyLabel => Get();

    public static string PrivacyHint => Get();

    public static string LinkNow => Get();

    public static string LinkNowHint => Get();

    public static string SystemsCaption => Get();

    public static string System => Get();

    public static string RecordsHeader => Get();

    public static string LinkedToPerson => Get();

    public static string LatestQuality => Get();

    public static string RunKey => Get();

    public static string RunWhen => Get();

    public static string RecordsAndPairs => Get();

    public static string RecordsAndPairsValue => Get();

    public static string Decisions => Get();

    public static string DecisionsValue => Get();

    public static string Thresholds => Get();

    public static string ThresholdsValue => Get();

    public static string Mode => Get();

    public static string ModePrivacy => Get();

    public static string ModeClear => Get();

    public static string EstimateLabel => Get();

    public static string EstimateValue => Get();

    public static string CannotEstimate => Get();

    public static string CaveatNotConverged => Get();

    public static string CaveatTooFew => Get();

    public static string CaveatNoHousehold => Get();

    public static string CaveatSourceCheck => Get();

    public static string People => Get();

    public static string PeopleValue => Get();

    public static string ClustersFlagged => Get();

    public static string ClustersFlaggedValue => Get();

    public static string ModelKey => Get();

    public static string ModelValue => Get();

    public static string NotConverged => Get();

    public static string BandsCaption => Get();

    public static string PairsHeader => Get();

    public static string ExpectedMatches => Get();

    public static string BandBelow => Get();

    public static string BandAbove => Get();

    public static string BandRange => Get();

    public static string NoRunYet => Get();

    public static string RecentRuns => Get();

    public static string Started => Get();

    public static string By => Get();

    public static string State => Get();

    public static string ForReview => Get();

    public static string StatusRunning => Get();

    public static string StatusFinished => Get();

    public static string StatusFailed => Get();

    public static string HowItWorks => Get();

    public static string CannotPromise => Get();

    public static string Promise1 => Get();

    public static string Promise2 => Get();

    public static string Promise3 => Get();

    public static string Promise4 => Get();

    public static string Promise5 => Get();

    public static string Promise6 => Get();

    public static string RecordOne => Get();

    public static string RecordMany => Get();

    public static string SystemOne => Get();

    public static string SystemMany => Get();

    public static string PairOne => Get();

    public static string PairMany => Get();

    public static string PersonOne => Get();

    public static string PeopleMany => Get();

    public static string NewPersonOne => Get();

    public static string NewPeopleMany => Get();

    public static string ClusterOne => Get();

    public static string ClusterMany => Get();

    public static string ForReviewOne => Get();

    public static string ForReviewMany => Get();

    public static string RunTitle => Get();

    public static string RunHeading => Get();

    public static string RunPrivacy => Get();

    public static string RunRunning => Get();

    public static string ProgressLabel => Get();

    public static string RefreshPage => Get();

    public static string RefreshLink => Get();

    public static string DidNotFinish => Get();

    public static string NothingChanged => Get();

    public static string Finished => Get();

    public static string FinishedBody => Get();

    public static string FinishedSummary => Get();

    public static string StageStarting => Get();

    public static string StageBlocking => Get();

    public static string StageComparing => Get();

    public static string StageEstimating => Get();

    public static string StageScoring => Get();

    public static string StageClustering => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
