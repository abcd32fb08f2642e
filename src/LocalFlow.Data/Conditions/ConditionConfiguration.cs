using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.Conditions;

/// <summary>System conditions: keyed by locality first, like all personal data (their evidence names people).</summary>
internal sealed class SystemConditionConfiguration : IEntityTypeConfiguration<SystemCondition>
{
    public void Configure(EntityTypeBuilder<SystemCondition> e)
    {
        AuditTrail.RegisterChangeType<SystemCondition>(AuditEventType.ConditionChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.OwnCategory).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.Category });
    }
}

internal sealed class ConditionEvidenceConfiguration : IEntityTypeConfiguration<ConditionEvidence>
{
    public void Configure(EntityTypeBuilder<ConditionEvidence> e)
    {
        AuditTrail.RegisterChangeType<ConditionEvidence>(AuditEventType.ConditionChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<SystemCondition>().WithMany().HasForeignKey(x => new { x.LocalityId, x.ConditionId }).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<DemandType>().WithMany().HasForeignKey(x => x.DemandTypeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId }).OnDelete(DeleteBehavior.Restrict);
        // The record is not a foreign key: undoing an import deletes its records, and the evidence then says so.
        e.Property(x => x.AddedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.ConditionId });
        e.HasIndex(x => x.DemandTypeId);
        e.HasIndex(x => x.AgencyId);
        e.HasIndex(x => new { x.LocalityId, x.PersonId });
    }
}
