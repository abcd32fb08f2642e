using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The demand study's capture page and list of demands, and the study's navigation. In DemandText.resx (English) and DemandText.cy.resx (Welsh).</summary>
public static class DemandText
{
    private static readonly ResourceManager Resources = new(typeof(DemandText));

    public static string AllStudies => Get();

    public static string ThisStudy => Get();

    public static string NavCapture => Get();

    public static string NavDemands => Get();

    public static string NavTypes => Get();

    public static string NavAnalysis => Get();

    public static string NavBoard => Get();

    public static string NavImport => Get();

    public static string CaptureTitle => Get();

    public static string CaptureIntro => Get();

    public static string Saved => Get();

    public static string DemandSaved => Get();

    public static string Verbatim => Get();

    public static string VerbatimHint => Get();

    public static string Language => Get();

    public static string LanguageHint => Get();

    public static string WhatWanted => Get();

    public static string WhatWantedHint => Get();

    public static string ValueOrFailureQ => Get();

    public static string ValueDemand => Get();

    public static string ValueHint => Get();

    public static string FailureDemand => Get();

    public static string FailureHint => Get();

    public static string FailureKindQ => Get();

    public static string FailureOther => Get();

    public static string NewType => Get();

    public static string NewTypeHint => Get();

    public static string OutcomeQ => Get();

    public static string ReferredTo => Get();

    public static string LifeContext => Get();

    public static string LifeContextHint => Get();

    public static string FrontDoor => Get();

    public static string Channel => Get();

    public static string AsTheFrontDoor => Get();

    public static string When => Get();

    public static string WhenHint => Get();

    public static string Save => Get();

    public static string CapturedSoFar => Get();

    public static string LastNewest => Get();

    public static string InTheirWords => Get();

    public static string ValueOrFailure => Get();

    public static string Type => Get();

    public static string Correct => Get();

    public static string ThisDemand => Get();

    public static string Failure => Get();

    public static string Value => Get();

    public static string TimeFormat => Get();

    public static string MergedType => Get();

    public static string NotTyped => Get();

    public static string TypeOfDemand => Get();

    public static string SuggestedFrom => Get();

    public static string PickOne => Get();

    public static string Suggested => Get();

    public static string AllTypes => Get();

    public static string ReadyMade => Get();

    public static string SuggestTypes => Get();

    public static string RePresenting => Get();

    public static string ProgressChasing => Get();

    public static string ProgressChasingHint => Get();

    public static string NotUnderstood => Get();

    public static string NotUnderstoodHint => Get();

    public static string NotDoneRight => Get();

    public static string Other => Get();

    public static string ResolvedThere => Get();

    public static string AdviceOnly => Get();

    public static string ReferredOn => Get();

    public static string ScreenedOut => Get();

    public static string Booked => Get();

    public static string ChannelPhone => Get();

    public static string ChannelFaceToFace => Get();

    public static string ChannelEmail => Get();

    public static string ChannelWebForm => Get();

    public static string ChannelLetter => Get();

    public static string ChannelReferral => Get();

    public static string ChannelEmergency => Get();

    public static string ChannelHomeVisit => Get();

    public static string ChannelOther => Get();

    public static string FailureRePresenting => Get();

    public static string FailureProgressChasing => Get();

    public static string FailureNotUnderstood => Get();

    public static string FailureNotDoneRight => Get();

    public static string FailureOtherName => Get();

    public static string DemandsTitle => Get();

    public static string AllTypesFilter => Get();

    public static string Both => Get();

    public static string Show => Get();

    public static string DemandsCaptionOne => Get();

    public static string DemandsCaptionMany => Get();

    public static string Arrived => Get();

    public static string WhatHappened => Get();

    public static string FailureOf => Get();

    public static string TheDemandArrived => Get();

    public static string Corrected => Get();

    public static string PagesOfDemands => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
