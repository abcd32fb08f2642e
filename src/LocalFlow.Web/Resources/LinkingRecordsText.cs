using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The linking pages about records: a person's agency records, bringing in an agency's records, and who a demand came from. In LinkingRecordsText.resx (English) and LinkingRecordsText.cy.resx (Welsh).</summary>
public static class LinkingRecordsText
{
    private static readonly ResourceManager Resources = new(typeof(LinkingRecordsText));

    public static string PersonTitle => Get();

    public static string BackTo => Get();

    public static string PersonIntro => Get();

    public static string NoRecords => Get();

    public static string LinkedCaption => Get();

    public static string SystemAndRecord => Get();

    public static string Name => Get();

    public static string NotRecorded => Get();

    public static string DemandLink => Get();

    public static string UnlinkHeading => Get();

    public static string WhichNotAbout => Get();

    public static string RecordOption => Get();

    public static string WhyNotAbout => Get();

    public static string WhyNotAboutHint => Get();

    public static string UnlinkRecord => Get();

    public static string LinkAnother => Get();

    public static string FindRecord => Get();

    public static string FindRecordHint => Get();

    public static string Search => Get();

    public static string NoOtherRecord => Get();

    public static string RecordsMatching => Get();

    public static string FirstOnly => Get();

    public static string Born => Get();

    public static string NoPostcode => Get();

    public static string NowWith => Get();

    public static string NotLinkedToAnyone => Get();

    public static string WhyAbout => Get();

    public static string WhyAboutHint => Get();

    public static string LinkTo => Get();

    public static string ChooseRecordToLink => Get();

    public static string SayWhyAbout => Get();

    public static string NoRecordYet => Get();

    public static string RecordGone => Get();

    public static string AlreadyLinked => Get();

    public static string LinkedDone => Get();

    public static string ChooseRecordToUnlink => Get();

    public static string SayWhyNotAbout => Get();

    public static string UnlinkedDone => Get();

    public static string MovedOne => Get();

    public static string MovedMany => Get();

    public static string SearchTooLong => Get();

    public static string ImportIntro => Get();

    public static string SourceLabel => Get();

    public static string SourceHint => Get();

    public static string AgencyLabel => Get();

    public static string NotSaid => Get();

    public static string UploadLabel => Get();

    public static string CheckFile => Get();

    public static string PreviewSummary => Get();

    public static string MappingCaption => Get();

    public static string Column => Get();

    public static string UsedAs => Get();

    public static string FileErrorsOne => Get();

    public static string FileErrorsMany => Get();

    public static string LineProblem => Get();

    public static string AndMore => Get();

    public static string WarningsOne => Get();

    public static string WarningsMany => Get();

    public static string WarningLine => Get();

    public static string FirstRecordsCaption => Get();

    public static string RecordIdHeader => Get();

    public static string StoreRecords => Get();

    public static string ChooseAnotherFile => Get();

    public static string NameTheSystem => Get();

    public static string ChooseExtract => Get();

    public static string FileTooBig => Get();

    public static string UploadAgain => Get();

    public static string NoLocality => Get();

    public static string ChooseListedAgency => Get();

    public static string NoRecordsInFile => Get();

    public static string StoredDone => Get();

    public static string FieldNone => Get();

    public static string FieldRecordId => Get();

    public static string FieldGivenNames => Get();

    public static string FieldSurname => Get();

    public static string FieldFullName => Get();

    public static string FieldMiddleNames => Get();

    public static string FieldTitle => Get();

    public static string FieldPreviousSurnames => Get();

    public static string FieldDateOfBirth => Get();

    public static string FieldSex => Get();

    public static string FieldAddressLine => Get();

    public static string FieldHouseNumber => Get();

    public static string FieldPostcode => Get();

    public static string FieldPreviousPostcodes => Get();

    public static string FieldNhsNumber => Get();

    public static string FieldOtherId => Get();

    public static string FieldPhone => Get();

    public static string FieldEmail => Get();

    public static string FieldRecordDate => Get();

    public static string DemandTitle => Get();

    public static string Back => Get();

    public static string DemandIntro => Get();

    public static string Received => Get();

    public static string FrontDoor => Get();

    public static string WhatTheyWanted => Get();

    public static string LinkedPerson => Get();

    public static string NotLinked => Get();

    public static string UnlinkDemand => Get();

    public static string WhyNotFrom => Get();

    public static string WhyNotFromHint => Get();

    public static string HeardFrom => Get();

    public static string HeardFromIntro => Get();

    public static string PhoneNumber => Get();

    public static string DobHint => Get();

    public static string SaveDetails => Get();

    public static string LinkDemandHeading => Get();

    public static string FindPerson => Get();

    public static string FindPersonHint => Get();

    public static string NobodyFound => Get();

    public static string PeopleMatching => Get();

    public static string WhyFrom => Get();

    public static string WhyFromHint => Get();

    public static string LinkDemand => Get();

    public static string DobReal => Get();

    public static string DobPast => Get();

    public static string TooLong => Get();

    public static string SavedDetails => Get();

    public static string ChoosePerson => Get();

    public static string SayWhyFrom => Get();

    public static string PersonNotFound => Get();

    public static string LinkedDemandDone => Get();

    public static string SayWhyNotFrom => Get();

    public static string UnlinkedDemandDone => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
