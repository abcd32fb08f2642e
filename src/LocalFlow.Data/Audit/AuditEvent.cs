namespace LocalFlow.Data.Audit;

/// <summary>
/// What happened, in fixed, explicit numbers grouped in blocks so that stored values never change meaning:
/// 1xx sign-in and accounts, 2xx reference data, 3xx people and households, 4xx demand study,
/// 5xx flow study, 6xx linking, 7xx locality working, 8xx measures and economics, 9xx export and backup.
/// </summary>
public enum AuditEventType
{
    SignIn = 100,
    SignInFailed = 101,
    SignOut = 102,
    PasswordChanged = 103,
    UserCreated = 110,
    UserChanged = 111,
    /// <summary>An administrator asked for access to people or restricted records; it waits for a second administrator.</summary>
    AccessGrantRequested = 112,
    AccessGrantApproved = 113,
    AccessGrantRefused = 114,

    ReferenceDataChanged = 200,

    PersonRead = 300,
    PersonChanged = 301,
    HouseholdRead = 302,
    HouseholdChanged = 303,
    PersonalDataListed = 304,
    PersonalDataChanged = 305,

    DemandRead = 400,
    DemandChanged = 401,
    DemandImported = 402,
    DemandExported = 403,

    FlowRecordRead = 500,
    FlowRecordChanged = 501,
    FlowImported = 502,
    FlowExported = 503,
    /// <summary>A system condition or its evidence was recorded, changed or removed.</summary>
    ConditionChanged = 550,
    /// <summary>A system condition's evidence naming people was shown.</summary>
    ConditionRead = 551,

    LinkRead = 600,
    LinkChanged = 601,

    LocalityCaseRead = 700,
    LocalityCaseChanged = 701,

    DataExported = 900,
    AuditSearched = 901,
    /// <summary>A backup of the whole database was made (`localflow backup`).</summary>
    BackupMade = 910,
    /// <summary>The database was restored from a backup (`localflow restore`): the first entry after the restored ones.</summary>
    Restored = 911,
    /// <summary>Everything held about one person was gathered for them (subject access).</summary>
    SubjectAccessExported = 920,
    /// <summary>A person and everything held about them were erased (one entry with the counts; the content is gone).</summary>
    PersonErased = 930,
    /// <summary>A retention rule was set, changed or removed.</summary>
    RetentionRuleChanged = 931,
    /// <summary>A data sharing agreement was made, changed or ended (a new version each time).</summary>
    SharingAgreementChanged = 932,
    /// <summary>A person's consent to a consent-based sharing agreement was recorded as given or withdrawn.</summary>
    SharingConsentRecorded = 933,
}

public enum AuditOperation
{
    Read = 1,
    Create = 2,
    Update = 3,
    Delete = 4,
    Other = 9,
}

/// <summary>One entry in the append-only audit trail: who did what to which record, when and from where.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public required string UserName { get; set; }
    public AuditEventType EventType { get; set; }
    public AuditOperation Operation { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public int? LocalityId { get; set; }
    /// <summary>The page or endpoint the action came from, e.g. "GET /Admin/Users" or "cli demo".</summary>
    public required string Source { get; set; }
    public string? Detail { get; set; }
    /// <summary>The <see cref="Hash"/> of the entry before this one (64 zeros for the first); null only for entries written before the chain began.</summary>
    public string? PreviousHash { get; set; }
    /// <summary>SHA-256 over <see cref="PreviousHash"/> and this entry's canonical form (<see cref="AuditChain"/>), as lower-case hex.</summary>
    public string? Hash { get; set; }
}

/// <summary>A point of the audit chain found whole by a verification: later checks start from the latest one.</summary>
public sealed class AuditAnchor
{
    public long Id { get; set; }
    /// <summary>The last entry the verification covered.</summary>
    public long AuditEventId { get; set; }
    /// <summary>That entry's hash, so that a later rewrite of it or of anything before it is seen.</summary>
    public required string Hash { get; set; }
    public DateTime At { get; set; }
    /// <summary>How many chained entries the verification read.</summary>
    public long Checked { get; set; }
}
