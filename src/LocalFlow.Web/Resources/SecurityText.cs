using System.Resources;
using System.Runtime.CompilerServices;
using LocalFlow.Data.Trust;

namespace LocalFlow.Web.Resources;

/// <summary>The security, data sharing and retention pages of the administration, and the names of the kinds of records, purposes and lawful bases they show (LocalFlow.Data keeps the English for exports and refusals). In SecurityText.resx (English) and SecurityText.cy.resx (Welsh).</summary>
public static class SecurityText
{
    private static readonly ResourceManager Resources = new(typeof(SecurityText));

    public static string GrantHeld => Get();

    public static string Approved => Get();

    public static string Refused => Get();

    public static string OwnGrant => Get();

    public static string AlreadyDecided => Get();

    public static string SecurityIntro => Get();

    public static string AuditTrailLink => Get();

    public static string NoGrantsWaiting => Get();

    public static string GrantsForApprovalOne => Get();

    public static string GrantsForApprovalMany => Get();

    public static string For => Get();

    public static string Access => Get();

    public static string AskedForBy => Get();

    public static string Decision => Get();

    public static string AnotherMustDecide => Get();

    public static string Approve => Get();

    public static string Refuse => Get();

    public static string AccessFor => Get();

    public static string LatestDecisions => Get();

    public static string ApprovedBy => Get();

    public static string RefusedBy => Get();

    public static string GrantRoles => Get();

    public static string GrantRestricted => Get();

    public static string GrantLocalities => Get();

    public static string RemovedLocality => Get();

    public static string Unknown => Get();

    public static string SharingNoLocality => Get();

    public static string SharingIntro => Get();

    public static string SharingFigures => Get();

    public static string Agreements => Get();

    public static string Agreement => Get();

    public static string AgenciesHeader => Get();

    public static string RecordsShared => Get();

    public static string LawfulBasis => Get();

    public static string InForce => Get();

    public static string NotInForce => Get();

    public static string NoAgreements => Get();

    public static string Version => Get();

    public static string ForPurposes => Get();

    public static string ConsentNeeded => Get();

    public static string FromDate => Get();

    public static string ToDate => Get();

    public static string MakeAgreement => Get();

    public static string ChangeAgreement => Get();

    public static string NewVersion => Get();

    public static string MakeNewInstead => Get();

    public static string Name => Get();

    public static string NameHint => Get();

    public static string SharedFor => Get();

    public static string InAgreementWords => Get();

    public static string Purposes => Get();

    public static string PurposesHint => Get();

    public static string Parties => Get();

    public static string PartiesHint => Get();

    public static string Categories => Get();

    public static string CategoriesHint => Get();

    public static string Article6 => Get();

    public static string Article9 => Get();

    public static string Article9Hint => Get();

    public static string ConsentQuestion => Get();

    public static string ConsentHint => Get();

    public static string Starts => Get();

    public static string StartsHint => Get();

    public static string Ends => Get();

    public static string EndsHint => Get();

    public static string SaveAgreement => Get();

    public static string ChooseBasis => Get();

    public static string ChooseCondition => Get();

    public static string Yes => Get();

    public static string No => Get();

    public static string ConsentYesHint => Get();

    public static string EnterStart => Get();

    public static string EnterEnd => Get();

    public static string AgreementSaved => Get();

    public static string CategoryHealth => Get();

    public static string CategorySocialCare => Get();

    public static string CategoryPolice => Get();

    public static string CategoryHousing => Get();

    public static string CategoryFireAndRescue => Get();

    public static string CategoryBenefitsAndWork => Get();

    public static string CategoryVoluntarySector => Get();

    public static string CategoryEducation => Get();

    public static string CategoryOther => Get();

    public static string PurposeSupport => Get();

    public static string PurposeStudy => Get();

    public static string PurposeDataManagement => Get();

    public static string BasisConsent => Get();

    public static string BasisContract => Get();

    public static string BasisLegalObligation => Get();

    public static string BasisVitalInterests => Get();

    public static string BasisPublicTask => Get();

    public static string BasisLegitimateInterests => Get();

    public static string ConditionNone => Get();

    public static string ConditionExplicitConsent => Get();

    public static string ConditionSocialProtection => Get();

    public static string ConditionVitalInterests => Get();

    public static string ConditionSubstantialPublicInterest => Get();

    public static string ConditionHealthOrSocialCare => Get();

    public static string ConditionPublicHealth => Get();

    public static string RetentionIntro => Get();

    public static string RetentionAudit => Get();

    public static string Rules => Get();

    public static string KindOfRecord => Get();

    public static string KeptFor => Get();

    public static string Why => Get();

    public static string SetBy => Get();

    public static string NoRule => Get();

    public static string SetByOn => Get();

    public static string SetARule => Get();

    public static string YearsToKeep => Get();

    public static string YearsToKeepHint => Get();

    public static string WhyKept => Get();

    public static string WhyKeptHint => Get();

    public static string SaveRule => Get();

    public static string ChooseKindOfRecord => Get();

    public static string YearsWhole => Get();

    public static string NoRuleNow => Get();

    public static string KeptForYears => Get();

    public static string YearsOne => Get();

    public static string YearsMany => Get();

    public static string KindAgencyRecords => Get();

    public static string KindDemands => Get();

    public static string KindLocalityWork => Get();

    public static string KindLinkedRecords => Get();

    public static string KindAuditEntries => Get();

    /// <summary>A kind of record with a retention rule, in the request's language (<see cref="Retention.Describe"/> in English).</summary>
    public static string KindName(RetentionKind kind) => kind switch
    {
        RetentionKind.AgencyRecords => KindAgencyRecords,
        RetentionKind.Demands => KindDemands,
        RetentionKind.LocalityWork => KindLocalityWork,
        RetentionKind.LinkedRecords => KindLinkedRecords,
        RetentionKind.AuditEntries => KindAuditEntries,
        _ => kind.ToString(),
    };

    /// <summary>A category of records shared, in the request's language (<see cref="Sharing.Describe(DataCategory)"/> in English).</summary>
    public static string CategoryName(DataCategory c) => c switch
    {
        DataCategory.Health => CategoryHealth,
        DataCategory.SocialCare => CategorySocialCare,
        DataCategory.Police => CategoryPolice,
        DataCategory.Housing => CategoryHousing,
        DataCategory.FireAndRescue => CategoryFireAndRescue,
        DataCategory.BenefitsAndWork => CategoryBenefitsAndWork,
        DataCategory.VoluntarySector => CategoryVoluntarySector,
        DataCategory.Education => CategoryEducation,
        _ => CategoryOther,
    };

    /// <summary>The purposes of an agreement, in the request's language (<see cref="Sharing.Describe(SharingPurposes)"/> in English).</summary>
    public static string PurposeName(SharingPurposes p) => p switch
    {
        SharingPurposes.Support => PurposeSupport,
        SharingPurposes.Study => PurposeStudy,
        SharingPurposes.DataManagement => PurposeDataManagement,
        _ => string.Join("; ", Enum.GetValues<SharingPurposes>().Where(f => f != SharingPurposes.None && p.HasFlag(f)).Select(PurposeName)),
    };

    /// <summary>A lawful basis, in the request's language (<see cref="Sharing.Describe(Article6Basis)"/> in English).</summary>
    public static string BasisName(Article6Basis b) => b switch
    {
        Article6Basis.Consent => BasisConsent,
        Article6Basis.Contract => BasisContract,
        Article6Basis.LegalObligation => BasisLegalObligation,
        Article6Basis.VitalInterests => BasisVitalInterests,
        Article6Basis.PublicTask => BasisPublicTask,
        Article6Basis.LegitimateInterests => BasisLegitimateInterests,
        _ => b.ToString(),
    };

    /// <summary>A condition for special category data, in the request's language (<see cref="Sharing.Describe(Article9Condition)"/> in English).</summary>
    public static string ConditionName(Article9Condition c) => c switch
    {
        Article9Condition.None => ConditionNone,
        Article9Condition.ExplicitConsent => ConditionExplicitConsent,
        Article9Condition.SocialProtection => ConditionSocialProtection,
        Article9Condition.VitalInterests => ConditionVitalInterests,
        Article9Condition.SubstantialPublicInterest => ConditionSubstantialPublicInterest,
        Article9Condition.HealthOrSocialCare => ConditionHealthOrSocialCare,
        Article9Condition.PublicHealth => ConditionPublicHealth,
        _ => c.ToString(),
    };

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
