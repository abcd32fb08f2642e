using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The audit trail page: its search, its table, and what happened, to which kind of record and from where, in words. In AuditTrailText.resx (English) and AuditTrailText.cy.resx (Welsh).</summary>
public static class AuditTrailText
{
    private static readonly ResourceManager Resources = new(typeof(AuditTrailText));

    public static string Intro => Get();

    public static string Checked => Get();

    public static string SinceLastCheck => Get();

    public static string EntriesOne => Get();

    public static string EntriesMany => Get();

    public static string CheckNow => Get();

    public static string UserName => Get();

    public static string WhatHappened => Get();

    public static string Anything => Get();

    public static string RecordIdOrName => Get();

    public static string FromDate => Get();

    public static string FromDateHint => Get();

    public static string Search => Get();

    public static string TheseEntries => Get();

    public static string MatchingOne => Get();

    public static string MatchingMany => Get();

    public static string PageOf => Get();

    public static string When => Get();

    public static string Who => Get();

    public static string What => Get();

    public static string Record => Get();

    public static string From => Get();

    public static string Detail => Get();

    public static string EveryEntryForIt => Get();

    public static string PagesLabel => Get();

    public static string ChooseWhatHappened => Get();

    public static string EnterDate => Get();

    public static string OneOf => Get();

    public static string Named => Get();

    public static string SourcePage => Get();

    public static string SourceForm => Get();

    public static string SourceApi => Get();

    public static string SourceCli => Get();

    public static string SourceBackground => Get();

    public static string EventSignIn => Get();

    public static string EventSignInFailed => Get();

    public static string EventSignOut => Get();

    public static string EventPasswordChanged => Get();

    public static string EventUserCreated => Get();

    public static string EventUserChanged => Get();

    public static string EventAccessGrantRequested => Get();

    public static string EventAccessGrantApproved => Get();

    public static string EventAccessGrantRefused => Get();

    public static string EventReferenceDataChanged => Get();

    public static string EventPersonRead => Get();

    public static string EventPersonChanged => Get();

    public static string EventHouseholdRead => Get();

    public static string EventHouseholdChanged => Get();

    public static string EventPersonalDataListed => Get();

    public static string EventPersonalDataChanged => Get();

    public static string EventDemandRead => Get();

    public static string EventDemandChanged => Get();

    public static string EventDemandImported => Get();

    public static string EventDemandExported => Get();

    public static string EventFlowRecordRead => Get();

    public static string EventFlowRecordChanged => Get();

    public static string EventFlowImported => Get();

    public static string EventFlowExported => Get();

    public static string EventConditionChanged => Get();

    public static string EventConditionRead => Get();

    public static string EventLinkRead => Get();

    public static string EventLinkChanged => Get();

    public static string EventLocalityCaseRead => Get();

    public static string EventLocalityCaseChanged => Get();

    public static string EventDataExported => Get();

    public static string EventAuditSearched => Get();

    public static string EventBackupMade => Get();

    public static string EventRestored => Get();

    public static string EventSubjectAccessExported => Get();

    public static string EventPersonErased => Get();

    public static string EventRetentionRuleChanged => Get();

    public static string EventSharingAgreementChanged => Get();

    public static string EventSharingConsentRecorded => Get();

    public static string ChangedWord => Get();

    public static string CreatedWord => Get();

    public static string DeletedWord => Get();

    public static string KindPerson => Get();

    public static string KindUser => Get();

    public static string KindSourceIdentity => Get();

    public static string KindDemandStudy => Get();

    public static string KindFlowImport => Get();

    public static string KindSavedMeasure => Get();

    public static string KindFlagRuleRow => Get();

    public static string KindDemand => Get();

    public static string KindAgency => Get();

    public static string KindUnitCost => Get();

    public static string KindSystemCondition => Get();

    public static string KindRetentionRule => Get();

    public static string KindPriceIndexYear => Get();

    public static string KindLinkReview => Get();

    public static string KindFrontDoorHandover => Get();

    public static string KindDemo => Get();

    public static string KindDemandType => Get();

    public static string KindDatabase => Get();

    public static string KindAuditEvent => Get();

    public static string KindActivityRecord => Get();

    public static string KindWorker => Get();

    public static string KindTierRuleRow => Get();

    public static string KindTeam => Get();

    public static string KindStreet => Get();

    public static string KindSharingAgreement => Get();

    public static string KindPlanRecording => Get();

    public static string KindLocalityTeam => Get();

    public static string KindLocality => Get();

    public static string KindLinkRun => Get();

    public static string KindHousehold => Get();

    public static string KindGoodLifeConversation => Get();

    public static string KindFrontDoor => Get();

    public static string KindFlowMapping => Get();

    public static string KindExperiment => Get();

    /// <summary>A kind of record's name in the request's language ("KindDemandStudy"), or null when the resource files do not name it.</summary>
    public static string? KindName(string kind) => Resources.GetString("Kind" + kind, System.Globalization.CultureInfo.CurrentUICulture);

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
