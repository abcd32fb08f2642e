using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.LocalityWork;

internal sealed class PersonStatementConfiguration : IEntityTypeConfiguration<PersonStatement>
{
    public void Configure(EntityTypeBuilder<PersonStatement> e)
    {
        AuditTrail.RegisterChangeType<PersonStatement>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Entities.Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<Person>().WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Household>().WithMany().HasForeignKey(x => new { x.LocalityId, x.HouseholdId }).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.AddedBy).HasMaxLength(200);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.LocalityId, x.PersonId });
        e.HasIndex(x => new { x.LocalityId, x.HouseholdId });
    }
}

internal sealed class StatementScoreConfiguration : IEntityTypeConfiguration<StatementScore>
{
    public void Configure(EntityTypeBuilder<StatementScore> e)
    {
        AuditTrail.RegisterChangeType<StatementScore>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<PersonStatement>().WithMany().HasForeignKey(x => new { x.LocalityId, x.StatementId }).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.StatementId, x.ScoredOn }).IsUnique();
    }
}

internal sealed class PlanRecordingConfiguration : IEntityTypeConfiguration<PlanRecording>
{
    public void Configure(EntityTypeBuilder<PlanRecording> e)
    {
        AuditTrail.RegisterChangeType<PlanRecording>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Person>().WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId }).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.UploadedBy).HasMaxLength(200);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.PersonId });
    }
}

internal sealed class PlanRecordingContentConfiguration : IEntityTypeConfiguration<PlanRecordingContent>
{
    public void Configure(EntityTypeBuilder<PlanRecordingContent> e)
    {
        AuditTrail.RegisterChangeType<PlanRecordingContent>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<PlanRecording>().WithOne().HasForeignKey<PlanRecordingContent>(x => new { x.LocalityId, x.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}
