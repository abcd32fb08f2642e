using System.Text.RegularExpressions;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;

namespace LocalFlow.Web.Pages.Admin;

/// <summary>The audit trail in plain words, in the request's language: what happened, to what kind of record, and where it came from.</summary>
public static partial class AuditText
{
    /// <summary>What happened, as a person would say it, in the request's language.</summary>
    public static string EventName(AuditEventType type) => type switch
    {
        AuditEventType.SignIn => AuditTrailText.EventSignIn,
        AuditEventType.SignInFailed => AuditTrailText.EventSignInFailed,
        AuditEventType.SignOut => AuditTrailText.EventSignOut,
        AuditEventType.PasswordChanged => AuditTrailText.EventPasswordChanged,
        AuditEventType.UserCreated => AuditTrailText.EventUserCreated,
        AuditEventType.UserChanged => AuditTrailText.EventUserChanged,
        AuditEventType.AccessGrantRequested => AuditTrailText.EventAccessGrantRequested,
        AuditEventType.AccessGrantApproved => AuditTrailText.EventAccessGrantApproved,
        AuditEventType.AccessGrantRefused => AuditTrailText.EventAccessGrantRefused,
        AuditEventType.ReferenceDataChanged => AuditTrailText.EventReferenceDataChanged,
        AuditEventType.PersonRead => AuditTrailText.EventPersonRead,
        AuditEventType.PersonChanged => AuditTrailText.EventPersonChanged,
        AuditEventType.HouseholdRead => AuditTrailText.EventHouseholdRead,
        AuditEventType.HouseholdChanged => AuditTrailText.EventHouseholdChanged,
        AuditEventType.PersonalDataListed => AuditTrailText.EventPersonalDataListed,
        AuditEventType.PersonalDataChanged => AuditTrailText.EventPersonalDataChanged,
        AuditEventType.DemandRead => AuditTrailText.EventDemandRead,
        AuditEventType.DemandChanged => AuditTrailText.EventDemandChanged,
        AuditEventType.DemandImported => AuditTrailText.EventDemandImported,
        AuditEventType.DemandExported => AuditTrailText.EventDemandExported,
        AuditEventType.FlowRecordRead => AuditTrailText.EventFlowRecordRead,
        AuditEventType.FlowRecordChanged => AuditTrailText.EventFlowRecordChanged,
        AuditEventType.FlowImported => AuditTrailText.EventFlowImported,
        AuditEventType.FlowExported => AuditTrailText.EventFlowExported,
        AuditEventType.ConditionChanged => AuditTrailText.EventConditionChanged,
        AuditEventType.ConditionRead => AuditTrailText.EventConditionRead,
        AuditEventType.LinkRead => AuditTrailText.EventLinkRead,
        AuditEventType.LinkChanged => AuditTrailText.EventLinkChanged,
        AuditEventType.LocalityCaseRead => AuditTrailText.EventLocalityCaseRead,
        AuditEventType.LocalityCaseChanged => AuditTrailText.EventLocalityCaseChanged,
        AuditEventType.DataExported => AuditTrailText.EventDataExported,
        AuditEventType.AuditSearched => AuditTrailText.EventAuditSearched,
        AuditEventType.BackupMade => AuditTrailText.EventBackupMade,
        AuditEventType.Restored => AuditTrailText.EventRestored,
        AuditEventType.SubjectAccessExported => AuditTrailText.EventSubjectAccessExported,
        AuditEventType.PersonErased => AuditTrailText.EventPersonErased,
        AuditEventType.RetentionRuleChanged => AuditTrailText.EventRetentionRuleChanged,
        AuditEventType.SharingAgreementChanged => AuditTrailText.EventSharingAgreementChanged,
        AuditEventType.SharingConsentRecorded => AuditTrailText.EventSharingConsentRecorded,
        _ => KindName(type.ToString()),
    };

    /// <summary>
    /// What happened to the record: <see cref="EventName"/>, saying "created" or "deleted" rather than "changed" where that
    /// is what the change was (the word ends an English name, "Reference data changed", and begins a Welsh one, "Newid data cyfeirio").
    /// </summary>
    public static string What(AuditEventType type, AuditOperation operation)
    {
        var name = EventName(type);
        var changed = AuditTrailText.ChangedWord;
        var done = operation == AuditOperation.Create ? AuditTrailText.CreatedWord : AuditTrailText.DeletedWord;
        if (operation is not (AuditOperation.Create or AuditOperation.Delete))
        {
            return name;
        }
        return Languages.IsWelsh
            ? name.StartsWith(changed + " ", StringComparison.Ordinal) ? done + name[changed.Length..] : name
            : name.EndsWith(" " + changed, StringComparison.Ordinal) ? name[..^changed.Length] + done : name;
    }

    /// <summary>A record kind's code name in words: "DemandStudy" → "Demand study", "AuditEvent" → "Audit entry".</summary>
    public static string KindName(string kind) => AuditTrailText.KindName(kind) ?? Capitalise(Words().Replace(kind, " $1").Trim().ToLowerInvariant());

    /// <summary>
    /// Where the action came from: "GET /Admin/Users" → "Page /Admin/Users", "POST /Linking (background run)"
    /// → "Form on /Linking, run in the background", "cli demo" → "Command line: localflow demo".
    /// </summary>
    public static string SourceName(string source)
    {
        var background = source.EndsWith(" (background run)", StringComparison.Ordinal);
        var s = background ? source[..^" (background run)".Length] : source;
        var m = Request().Match(s);
        var words = !m.Success ? s.StartsWith("cli ", StringComparison.Ordinal) ? Text.Format(AuditTrailText.SourceCli, s[4..]) : s
            : m.Groups[2].Value.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) ? Text.Format(AuditTrailText.SourceApi, m.Groups[1].Value, m.Groups[2].Value)
            : m.Groups[1].Value == "GET" ? Text.Format(AuditTrailText.SourcePage, m.Groups[2].Value)
            : Text.Format(AuditTrailText.SourceForm, m.Groups[2].Value);
        return background ? Text.Format(AuditTrailText.SourceBackground, words) : words;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE) (\S+)$")]
    private static partial Regex Request();
}
