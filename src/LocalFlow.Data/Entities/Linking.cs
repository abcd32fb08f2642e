using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.Entities;

/// <summary>
/// One agency system's record of a person, as it came in an extract: the identifiers exactly as that system
/// spells them. Linking decides which <see cref="Person"/> it is about (<see cref="PersonId"/>).
/// </summary>
public sealed class SourceIdentity : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    /// <summary>The source system, for example "Police (Niche)" or "Housing".</summary>
    public required string Source { get; set; }
    /// <summary>The record's id in its source system.</summary>
    public required string SourceRecordId { get; set; }
    public int? AgencyId { get; set; }
    public string? GivenNames { get; set; }
    public string? Surname { get; set; }
    public string? PreviousSurnames { get; set; }
    /// <summary>Date of birth as the source wrote it (may be partial or malformed; linking reports it).</summary>
    public string? DateOfBirth { get; set; }
    public string? Sex { get; set; }
    public string? AddressLine { get; set; }
    public string? HouseNumber { get; set; }
    public string? Postcode { get; set; }
    public string? NhsNumber { get; set; }
    public string? OtherId { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>When the source last recorded these details (to tell a move from a mistake).</summary>
    public DateOnly? RecordDate { get; set; }
    /// <summary>The person this record is about, once linked; null until then.</summary>
    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The run (or manual decision) that last set <see cref="PersonId"/>.</summary>
    public int? LinkRunId { get; set; }

    public string DisplayName => string.Join(' ', new[] { GivenNames, Surname }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

public enum LinkRunStatus
{
    Running = 1,
    Finished = 2,
    Failed = 3,
}

/// <summary>One run of record linkage over a locality's source identities, with its model and quality report.</summary>
public sealed class LinkRun
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int? StartedByUserId { get; set; }
    public required string StartedBy { get; set; }
    public LinkRunStatus Status { get; set; }
    public string? Error { get; set; }
    /// <summary>Progress while running: the stage and how far through (0..1).</summary>
    public string? Stage { get; set; }
    public double Progress { get; set; }
    public int Records { get; set; }
    public long CandidatePairs { get; set; }
    public int LinkedPairs { get; set; }
    public int ForReview { get; set; }
    public int People { get; set; }
    public int NewPeople { get; set; }
    public int ClustersFlagged { get; set; }
    public double LinkThreshold { get; set; }
    public double ReviewThreshold { get; set; }
    public bool PrivacyPreserving { get; set; }
    /// <summary>The fitted model's parameters (m, u per comparison level), reloadable.</summary>
    public string? ModelJson { get; set; }
    /// <summary>The quality report (pairs per weight band, estimated precision and recall, flags).</summary>
    public string? ReportJson { get; set; }
}

public enum LinkReviewStatus
{
    Pending = 0,
    Accepted = 1,
    Rejected = 2,
}

/// <summary>A pair scored between the review and link thresholds, waiting for a person to decide.</summary>
public sealed class LinkReview : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public int LinkRunId { get; set; }
    public Guid IdentityAId { get; set; }
    public Guid IdentityBId { get; set; }
    public double Weight { get; set; }
    public double Probability { get; set; }
    /// <summary>Each comparison's contribution to the weight (for the waterfall), as JSON.</summary>
    public required string ExplanationJson { get; set; }
    /// <summary>The pair sits in a cluster whose members do not hang together.</summary>
    public bool ClusterFlagged { get; set; }
    public LinkReviewStatus Status { get; set; }
    public int? DecidedByUserId { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
}

/// <summary>
/// A person's decision that two source records are (or are not) the same person: from the review queue or a
/// manual link or unlink. Remembered and applied on every later run.
/// </summary>
public sealed class LinkDecision : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid IdentityAId { get; set; }
    public Guid IdentityBId { get; set; }
    public bool IsMatch { get; set; }
    /// <summary>"review", "manual link" or "manual unlink".</summary>
    public required string Origin { get; set; }
    public int? DecidedByUserId { get; set; }
    public required string DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }
    public string? Note { get; set; }
}

internal sealed class SourceIdentityConfiguration : IEntityTypeConfiguration<SourceIdentity>
{
    public void Configure(EntityTypeBuilder<SourceIdentity> e)
    {
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId });
        e.HasIndex(x => new { x.LocalityId, x.Source, x.SourceRecordId }).IsUnique();
        e.HasIndex(x => new { x.LocalityId, x.PersonId });
        e.Ignore(x => x.DisplayName);
    }
}

internal sealed class LinkRunConfiguration : IEntityTypeConfiguration<LinkRun>
{
    public void Configure(EntityTypeBuilder<LinkRun> e)
    {
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasIndex(x => new { x.LocalityId, x.StartedAt });
    }
}

internal sealed class LinkReviewConfiguration : IEntityTypeConfiguration<LinkReview>
{
    public void Configure(EntityTypeBuilder<LinkReview> e)
    {
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<LinkRun>().WithMany().HasForeignKey(x => x.LinkRunId);
        e.HasIndex(x => new { x.LocalityId, x.LinkRunId, x.Status });
    }
}

internal sealed class LinkDecisionConfiguration : IEntityTypeConfiguration<LinkDecision>
{
    public void Configure(EntityTypeBuilder<LinkDecision> e)
    {
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasIndex(x => new { x.LocalityId, x.IdentityAId, x.IdentityBId });
    }
}
