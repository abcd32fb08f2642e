using System.Text.RegularExpressions;
using LocalFlow.Data.Audit;

namespace LocalFlow.Web.Pages.Admin;

/// <summary>The audit trail in plain English: what happened, to what kind of record, and where it came from.</summary>
public static partial class AuditText
{
    /// <summary>What happened, as a person would say it.</summary>
    public static string EventName(AuditEventType type) => type switch
    {
        AuditEventType.SignIn => "Signed in",
        AuditEventType.SignInFailed => "Sign-in refused",
        AuditEventType.SignOut => "Signed out",
        AuditEventType.PasswordChanged => "Password changed",
        AuditEventType.UserCreated => "User account created",
        AuditEventType.UserChanged => "User account changed",
        AuditEventType.AccessGrantRequested => "Access to people asked for (waits for a second administrator)",
        AuditEventType.AccessGrantApproved => "Access to people approved",
        AuditEventType.AccessGrantRefused => "Access to people refused",
        AuditEventType.ReferenceDataChanged => "Reference data changed",
        AuditEventType.PersonRead => "A person's details seen",
        AuditEventType.PersonChanged => "A person's details changed",
        AuditEventType.HouseholdRead => "A household seen",
        AuditEventType.HouseholdChanged => "A household changed",
        AuditEventType.PersonalDataListed => "Personal data listed",
        AuditEventType.PersonalDataChanged => "Personal data changed",
        AuditEventType.DemandRead => "Demands seen",
        AuditEventType.DemandChanged => "Demand changed",
        AuditEventType.DemandImported => "Demands imported",
        AuditEventType.DemandExported => "Demands exported",
        AuditEventType.FlowRecordRead => "Activity records seen",
        AuditEventType.FlowRecordChanged => "Activity records changed",
        AuditEventType.FlowImported => "Activity records imported",
        AuditEventType.FlowExported => "Activity records exported",
        AuditEventType.ConditionChanged => "System condition changed",
        AuditEventType.ConditionRead => "System condition evidence seen",
        AuditEventType.LinkRead => "Linking seen",
        AuditEventType.LinkChanged => "Linking changed",
        AuditEventType.LocalityCaseRead => "Locality case seen",
        AuditEventType.LocalityCaseChanged => "Locality case changed",
        AuditEventType.DataExported => "Data exported",
        AuditEventType.AuditSearched => "Audit trail searched",
        AuditEventType.BackupMade => "Backup made",
        AuditEventType.Restored => "Restored from a backup",
        AuditEventType.SubjectAccessExported => "Subject access report made",
        AuditEventType.PersonErased => "A person erased",
        AuditEventType.RetentionRuleChanged => "Retention rule changed",
        AuditEventType.SharingAgreementChanged => "Data sharing agreement changed",
        AuditEventType.SharingConsentRecorded => "Consent to sharing recorded",
        _ => KindName(type.ToString()),
    };

    /// <summary>What happened to the record: <see cref="EventName"/>, saying "created" or "deleted" rather than "changed" where that is what the change was.</summary>
    public static string What(AuditEventType type, AuditOperation operation)
    {
        var name = EventName(type);
        return name.EndsWith(" changed", StringComparison.Ordinal) && operation is AuditOperation.Create or AuditOperation.Delete
            ? name[..^"changed".Length] + (operation == AuditOperation.Create ? "created" : "deleted")
            : name;
    }

    /// <summary>A record kind's code name in words: "DemandStudy" → "Demand study", "AuditEvent" → "Audit entry".</summary>
    public static string KindName(string kind) => kind switch
    {
        "AuditEvent" => "Audit entry",
        "FlowImport" => "Activity record import",
        "ActivityRecord" => "Activity record",
        "SourceIdentity" => "Record in a source system",
        _ => Capitalise(Words().Replace(kind, " $1").Trim().ToLowerInvariant()),
    };

    /// <summary>
    /// Where the action came from: "GET /Admin/Users" → "Page /Admin/Users", "POST /Linking (background run)"
    /// → "Form on /Linking, run in the background", "cli demo" → "Command line: localflow demo".
    /// </summary>
    public static string SourceName(string source)
    {
        var background = source.EndsWith(" (background run)", StringComparison.Ordinal);
        var s = background ? source[..^" (background run)".Length] : source;
        var m = Request().Match(s);
        var words = !m.Success ? s.StartsWith("cli ", StringComparison.Ordinal) ? "Command line: localflow " + s[4..] : s
            : m.Groups[2].Value.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) ? $"API {m.Groups[1].Value} {m.Groups[2].Value}"
            : m.Groups[1].Value == "GET" ? $"Page {m.Groups[2].Value}"
            : $"Form on {m.Groups[2].Value}";
        return background ? words + ", run in the background" : words;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE) (\S+)$")]
    private static partial Regex Request();
}
