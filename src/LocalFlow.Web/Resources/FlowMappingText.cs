using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The flow import page (/Flow/Import): choosing the file and agency, which column is which, the preview and its errors. In FlowMappingText.resx (English) and FlowMappingText.cy.resx (Welsh).</summary>
public static class FlowMappingText
{
    private static readonly ResourceManager Resources = new(typeof(FlowMappingText));

    public static string ImportTitle => Get();

    public static string UploadIntro => Get();

    public static string UploadPeople => Get();

    public static string AgencyHint => Get();

    public static string FileHint => Get();

    public static string UploadButton => Get();

    public static string FileFrom => Get();

    public static string ChooseAnotherFile => Get();

    public static string FirstRowsCaption => Get();

    public static string StartFromSaved => Get();

    public static string SavedOption => Get();

    public static string UseMapping => Get();

    public static string FilledFrom => Get();

    public static string WhichColumn => Get();

    public static string Optional => Get();

    public static string NotInFile => Get();

    public static string FieldPerson => Get();

    public static string HintPerson => Get();

    public static string FieldStart => Get();

    public static string HintStart => Get();

    public static string FieldKind => Get();

    public static string HintKind => Get();

    public static string FieldSourceRecordId => Get();

    public static string HintSourceRecordId => Get();

    public static string FieldAgency => Get();

    public static string HintAgency => Get();

    public static string FieldTeam => Get();

    public static string HintMatchedByName => Get();

    public static string FieldWorker => Get();

    public static string FieldSubtype => Get();

    public static string FieldEnd => Get();

    public static string FieldReferredToAgency => Get();

    public static string FieldReferredToTeam => Get();

    public static string FieldCost => Get();

    public static string HintCost => Get();

    public static string FieldHelped => Get();

    public static string FieldHelpedReason => Get();

    public static string HintHelpedReason => Get();

    public static string FieldText => Get();

    public static string FieldActivity => Get();

    public static string HintSourceSystem => Get();

    public static string FieldLifecycle => Get();

    public static string HintLifecycle => Get();

    public static string KindsLabel => Get();

    public static string KindsHint => Get();

    public static string TimeZoneLabel => Get();

    public static string TimeZoneHint => Get();

    public static string TimeFormatLabel => Get();

    public static string TimeFormatHint => Get();

    public static string SystemLinked => Get();

    public static string AnotherSystem => Get();

    public static string TypeItsName => Get();

    public static string SystemsHint => Get();

    public static string AnotherSourceSystem => Get();

    public static string NoIdentitiesHint => Get();

    public static string SaveMappingFor => Get();

    public static string SaveAsLabel => Get();

    public static string SaveAsHint => Get();

    public static string PreviewButton => Get();

    public static string RowsRead => Get();

    public static string ReadyToStore => Get();

    public static string ReadyValue => Get();

    public static string WithErrors => Get();

    public static string ExactDuplicates => Get();

    public static string DuplicatesOne => Get();

    public static string DuplicatesMany => Get();

    public static string PricedFromCatalogue => Get();

    public static string ErrorOne => Get();

    public static string ErrorMany => Get();

    public static string FirstListed => Get();

    public static string RowHeader => Get();

    public static string ColumnHeader => Get();

    public static string ProblemHeader => Get();

    public static string FirstRecordsCaption => Get();

    public static string PersonAsGiven => Get();

    public static string WhenUk => Get();

    public static string AgencyTeamWorker => Get();

    public static string What => Get();

    public static string RecordIdHeader => Get();

    public static string CostHeader => Get();

    public static string Catalogue => Get();

    public static string ImportRecords => Get();

    public static string RowsHaveErrorsOne => Get();

    public static string RowsHaveErrorsMany => Get();

    public static string ImportValidOnly => Get();

    public static string NothingToStore => Get();

    public static string ActivityRecordOne => Get();

    public static string ActivityRecordMany => Get();

    public static string PersonOne => Get();

    public static string PeopleMany => Get();

    public static string ImportRowOne => Get();

    public static string ImportRowMany => Get();

    public static string ChooseAgency => Get();

    public static string ChooseFile => Get();

    public static string FileTooBig => Get();

    public static string WrongType => Get();

    public static string PreviewsBusy => Get();

    public static string TypeSourceSystem => Get();

    public static string KindLine => Get();

    public static string NameTheMapping => Get();

    public static string QuotaOneFile => Get();

    public static string QuotaMine => Get();

    public static string QuotaFull => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
