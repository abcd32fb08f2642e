using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The demand study's pages beyond capture and the list: the studies, starting a study, correcting a demand, the types and a type, import and export. In DemandStudyText.resx (English) and DemandStudyText.cy.resx (Welsh).</summary>
public static class DemandStudyText
{
    private static readonly ResourceManager Resources = new(typeof(DemandStudyText));

    public static string StudiesTitle => Get();

    public static string StudiesIntro => Get();

    public static string StartStudy => Get();

    public static string NoStudies => Get();

    public static string Studies => Get();

    public static string Service => Get();

    public static string Kind => Get();

    public static string Dates => Get();

    public static string Demands => Get();

    public static string Open => Get();

    public static string InProgress => Get();

    public static string Finished => Get();

    public static string DateRange => Get();

    public static string CaptureFor => Get();

    public static string AnalysisOf => Get();

    public static string BoardFor => Get();

    public static string Transactional => Get();

    public static string PeopleCentred => Get();

    public static string CreateIntro => Get();

    public static string ServiceQ => Get();

    public static string ServiceHint => Get();

    public static string KindQ => Get();

    public static string TransactionalHint => Get();

    public static string PeopleCentredHint => Get();

    public static string PurposeQ => Get();

    public static string PurposeHint => Get();

    public static string FrontDoorsQ => Get();

    public static string FrontDoorsHint => Get();

    public static string FirstDay => Get();

    public static string LastDay => Get();

    public static string TeamQ => Get();

    public static string NotOneTeam => Get();

    public static string StudyTeam => Get();

    public static string StudyTeamHint => Get();

    public static string PredictableQ => Get();

    public static string PredictableHint => Get();

    public static string ReadyMadeStart => Get();

    public static string Warning => Get();

    public static string ReadyMadeWarning => Get();

    public static string ReadyMadeTypes => Get();

    public static string ReadyMadeTypesHint => Get();

    public static string StartTheStudy => Get();

    public static string NoLocality => Get();

    public static string StartedReadyMade => Get();

    public static string Started => Get();

    public static string CorrectTitle => Get();

    public static string CapturedBy => Get();

    public static string NewTypeInstead => Get();

    public static string WhyCorrect => Get();

    public static string WhyCorrectHint => Get();

    public static string SaveCorrection => Get();

    public static string HandToTeam => Get();

    public static string HandedOverBy => Get();

    public static string NotPickedUp => Get();

    public static string PickedUp => Get();

    public static string TakeBackWhy => Get();

    public static string TakeBackHint => Get();

    public static string TakeBack => Get();

    public static string HandOverIntro => Get();

    public static string HandoverNote => Get();

    public static string HandoverNoteHint => Get();

    public static string TakenBack => Get();

    public static string TakenBackLine => Get();

    public static string LinkedPerson => Get();

    public static string OnTheRecordOf => Get();

    public static string NotLinked => Get();

    public static string WhoFrom => Get();

    public static string Corrections => Get();

    public static string NotCorrected => Get();

    public static string CorrectionsOldestFirst => Get();

    public static string When => Get();

    public static string Who => Get();

    public static string Why => Get();

    public static string WhatChanged => Get();

    public static string EnterWhen => Get();

    public static string CorrectionSaved => Get();

    public static string HandedOver => Get();

    public static string HandoverTakenBack => Get();

    public static string TypesTitle => Get();

    public static string TypesIntro => Get();

    public static string ReadyMadeTypesWarning => Get();

    public static string TypesInUseOne => Get();

    public static string TypesInUseMany => Get();

    public static string MergedAway => Get();

    public static string UntypedOne => Get();

    public static string UntypedMany => Get();

    public static string TypesCaption => Get();

    public static string InPeoplesWords => Get();

    public static string UsuallyFailure => Get();

    public static string UsuallyValue => Get();

    public static string CreateType => Get();

    public static string Name => Get();

    public static string NameHint => Get();

    public static string UsuallyQ => Get();

    public static string DescriptionOptional => Get();

    public static string CreateTypeButton => Get();

    public static string TypeCreated => Get();

    public static string MergedInto => Get();

    public static string TypeDemandsOne => Get();

    public static string TypeDemandsMany => Get();

    public static string AddAsEvidence => Get();

    public static string RenameOrDescribe => Get();

    public static string Description => Get();

    public static string Save => Get();

    public static string MergeHeading => Get();

    public static string MergeInto => Get();

    public static string MergeHint => Get();

    public static string Merge => Get();

    public static string History => Get();

    public static string SplitHeading => Get();

    public static string ShowOnlyWords => Get();

    public static string ShowOnlyWordsHint => Get();

    public static string ShowAllOfType => Get();

    public static string NoneSay => Get();

    public static string BelongToNew => Get();

    public static string MatchingOne => Get();

    public static string MatchingMany => Get();

    public static string NewestShown => Get();

    public static string AllShown => Get();

    public static string NewTypeName => Get();

    public static string Split => Get();

    public static string SavedType => Get();

    public static string MergedOne => Get();

    public static string MergedMany => Get();

    public static string SplitOne => Get();

    public static string SplitMany => Get();

    public static string ImportTitle => Get();

    public static string Export => Get();

    public static string ExportLine => Get();

    public static string ExportLink => Get();

    public static string Import => Get();

    public static string ImportWarning => Get();

    public static string CsvFile => Get();

    public static string CsvFileHint => Get();

    public static string UploadAndMap => Get();

    public static string WhichColumn => Get();

    public static string Optional => Get();

    public static string NotInFile => Get();

    public static string Preview => Get();

    public static string PreviewOne => Get();

    public static string PreviewMany => Get();

    public static string NewTypesReadyMade => Get();

    public static string ImportAllOne => Get();

    public static string ImportAllMany => Get();

    public static string ImportValid => Get();

    public static string EveryRow => Get();

    public static string Line => Get();

    public static string Problems => Get();

    public static string None => Get();

    public static string ChooseFile => Get();

    public static string FileTooBig => Get();

    public static string FileEmpty => Get();

    public static string RowsHaveProblemsOne => Get();

    public static string RowsHaveProblemsMany => Get();

    public static string ValidRowOne => Get();

    public static string ValidRowMany => Get();

    public static string ImportedOne => Get();

    public static string ImportedMany => Get();

    public static string LeftOutOne => Get();

    public static string LeftOutMany => Get();

    public static string NothingImported => Get();

    public static string FieldVerbatim => Get();

    public static string FieldLanguage => Get();

    public static string FieldReceivedAt => Get();

    public static string FieldFrontDoor => Get();

    public static string FieldChannel => Get();

    public static string FieldWhatTheyWanted => Get();

    public static string FieldValueOrFailure => Get();

    public static string FieldFailureKind => Get();

    public static string FieldFailureOther => Get();

    public static string FieldType => Get();

    public static string FieldWhatHappened => Get();

    public static string FieldReferredTo => Get();

    public static string FieldLifeContext => Get();

    public static string Conflict => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
