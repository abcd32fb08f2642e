using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Data.Resources;

/// <summary>
/// The messages <c>LocalFlow.Data</c> gives people when it refuses what they asked (docs/welsh.md): in DataText.resx
/// (English) and DataText.cy.resx (Welsh), in the language of the request or command (the current UI culture) when the
/// message is made. So far the demand study's, locality working's (supports and hand-overs) and the workforce gaps'; the others are still
/// written in English where they are made.
/// </summary>
public static class DataText
{
    private static readonly ResourceManager Resources = new(typeof(DataText));

    public static string StudyServiceRequired => Get();
    public static string StudyKindRequired => Get();
    public static string StudyPurposeRequired => Get();
    public static string StudyStartRequired => Get();
    public static string StudyEndBeforeStart => Get();
    public static string StudyFrontDoorRequired => Get();
    public static string PredictableLevelRange => Get();
    public static string TeamFromList => Get();
    public static string NoSuchDemand => Get();
    public static string DemandCorrectedMeanwhile => Get();
    public static string VerbatimRequired => Get();
    public static string VerbatimTooLong(int most, int length) => Format(nameof(VerbatimTooLong), most, length);
    public static string FrontDoorRequired => Get();
    public static string ReceivedInFuture => Get();
    public static string NatureRequired => Get();
    public static string FailureKindRequired => Get();
    public static string FailureOtherRequired => Get();
    public static string OutcomeRequired => Get();
    public static string ReferredToRequired => Get();
    public static string FailureOtherNotOther => Get();
    public static string ReferredToNotReferred => Get();
    public static string LifeContextTooLong(int most) => Format(nameof(LifeContextTooLong), most);
    public static string TypeNameTooLong => Get();
    public static string TypeFromList => Get();
    public static string TypeNameRequired => Get();
    public static string TypeNameTaken(string name) => Format(nameof(TypeNameTaken), name);
    public static string TypeNatureRequired => Get();
    public static string NoSuchType => Get();
    public static string TypeNewNameRequired => Get();
    public static string TypeNameTakenMerge(string name) => Format(nameof(TypeNameTakenMerge), name);
    public static string RenameMerged => Get();
    public static string MergeIntoRequired => Get();
    public static string MergeIntoItself => Get();
    public static string MergeIntoFromStudy => Get();
    public static string AlreadyMerged => Get();
    public static string MergeIntoMerged => Get();
    public static string SplitNameRequired => Get();
    public static string SplitDemandsRequired => Get();
    public static string SplitMerged => Get();
    public static string SplitDemandsMoved => Get();

    // Locality working: supports and hand-overs
    public static string NoLocalityTeam => Get();
    public static string WhyInvolvedRequired => Get();
    public static string ConversationInFuture => Get();
    public static string GoodLifeRequired => Get();
    public static string ActionWhatRequired => Get();
    public static string ActionWhoRequired => Get();
    public static string WhatMatteredRequired => Get();
    public static string ContactWhatRequired => Get();
    public static string ContactInFuture => Get();
    public static string ContactAgencyRequired => Get();
    public static string NeedMetRequired => Get();
    public static string SteppedBackInFuture => Get();
    public static string AvoidedKindRequired => Get();
    public static string AvoidedReasonRequired => Get();
    public static string NameWorkerOnWhom => Get();
    public static string TeamPurposeRequired => Get();
    public static string WorkerFromList => Get();
    public static string DirectoryEntryRequired => Get();
    public static string HandoverNoteTooLong(int length) => Format(nameof(HandoverNoteTooLong), length);
    public static string PersonInLocality => Get();
    public static string HandoverHandledMeanwhile => Get();
    public static string TakeBackReasonRequired => Get();
    public static string TakeBackReasonTooLong(int length) => Format(nameof(TakeBackReasonTooLong), length);
    public static string HandoverChangedMeanwhile => Get();

    // The redesign programme: workforce gaps
    public static string GapSkillRequired => Get();
    public static string GapSkillTooLong(int length) => Format(nameof(GapSkillTooLong), length);
    public static string GapAgencyFromList => Get();
    public static string GapPeopleRequired => Get();
    public static string GapPeopleRange(int most, string typed) => Format(nameof(GapPeopleRange), most, typed);
    public static string GapNoteTooLong(int length) => Format(nameof(GapNoteTooLong), length);

    private static string Get([CallerMemberName] string key = "") => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
