namespace LocalFlow.Data.Entities;

/// <summary>
/// An "I statement": how life is going, in the person's (or household's) own words, kept exactly as written
/// ("I am listened to and heard"). It belongs to one person, or to a household as a whole. Never deleted
/// outright: removal is soft and audited.
/// </summary>
public sealed class PersonStatement : IPersonalData, ISoftRemoved
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    /// <summary>The person whose statement it is (null when it is the household's).</summary>
    public Guid? PersonId { get; set; }
    /// <summary>The household whose statement it is (null when it is one person's).</summary>
    public Guid? HouseholdId { get; set; }
    /// <summary>The statement in their words, exactly as typed.</summary>
    public required string Words { get; set; }
    /// <summary>The order the person wants their statements in.</summary>
    public int Position { get; set; }
    public DateOnly AddedOn { get; set; }
    public required string AddedBy { get; set; }
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
    /// <summary>Row version: a change made on an older copy is refused rather than overwriting someone else's.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>A score from 0 to 10 that the person gave one of their statements at a conversation on a date; one per statement and date.</summary>
public sealed class StatementScore : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid StatementId { get; set; }
    /// <summary>The date of the conversation.</summary>
    public DateOnly ScoredOn { get; set; }
    /// <summary>The person's own score, 0 (not at all true) to 10 (completely true).</summary>
    public int Score { get; set; }
    /// <summary>Who wrote the score down (the score itself is the person's).</summary>
    public required string RecordedBy { get; set; }
    public DateTime RecordedUtc { get; set; }
}

/// <summary>A recording of a person's plan in their own voice (audio or video), checked by its content; soft-deleted only.</summary>
public sealed class PlanRecording : IPersonalData, ISoftRemoved
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>The file's name as uploaded (shown only; never used as a path).</summary>
    public required string FileName { get; set; }
    /// <summary>The media type found from the file's content (not its name).</summary>
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>SHA-256 of the content, hex.</summary>
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedUtc { get; set; }
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
}

/// <summary>The bytes of a plan recording, kept apart so listing recordings never loads them.</summary>
public sealed class PlanRecordingContent : IPersonalData
{
    public Guid Id { get; set; }
    public int LocalityId { get; set; }
    public required byte[] Content { get; set; }
}
