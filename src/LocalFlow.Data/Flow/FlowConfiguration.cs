using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.Flow;

/// <summary>Activity records: keyed by locality first (like all personal data), read by person and time.</summary>
internal sealed class ActivityRecordConfiguration : IEntityTypeConfiguration<ActivityRecord>
{
    public void Configure(EntityTypeBuilder<ActivityRecord> e)
    {
        AuditTrail.RegisterChangeType<ActivityRecord>(AuditEventType.FlowRecordChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<Person>().WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId });
        e.HasOne<Household>().WithMany().HasForeignKey(x => new { x.LocalityId, x.HouseholdId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // Team, worker and referred-to ids are checked against reference data by the import, not by
        // foreign keys: each foreign key adds an index and a lookup to every row of a bulk insert.
        e.HasOne<FlowImport>().WithMany().HasForeignKey(x => new { x.LocalityId, x.ImportId });
        e.Property(x => x.Subtype).HasMaxLength(200);
        e.Property(x => x.SourceSystem).HasMaxLength(100);
        e.Property(x => x.SourceRecordId).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.PersonId, x.StartUtc });
        e.HasIndex(x => new { x.LocalityId, x.SourceSystem, x.SourceRecordId }).IsUnique();
        e.HasIndex(x => new { x.LocalityId, x.ImportId });
    }
}

internal sealed class FlowImportConfiguration : IEntityTypeConfiguration<FlowImport>
{
    public void Configure(EntityTypeBuilder<FlowImport> e)
    {
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.FileName).HasMaxLength(400);
        e.Property(x => x.SourceSystem).HasMaxLength(100);
        e.Property(x => x.ImportedBy).HasMaxLength(200);
        e.Property(x => x.UndoneBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.ImportedUtc });
    }
}

internal sealed class WhatMatteredConfiguration : IEntityTypeConfiguration<WhatMattered>
{
    public void Configure(EntityTypeBuilder<WhatMattered> e)
    {
        AuditTrail.RegisterChangeType<WhatMattered>(AuditEventType.FlowRecordChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Person>().WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId });
        e.Property(x => x.SaidBy).HasMaxLength(200);
        e.Property(x => x.Language).HasMaxLength(100);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.LocalityId, x.PersonId });
        // The conversation is not a foreign key: SQLite cannot add a two-column key to an existing table.
        e.HasIndex(x => new { x.LocalityId, x.ConversationId });
    }
}

internal sealed class FlowSettingsConfiguration : IEntityTypeConfiguration<FlowSettings>
{
    public void Configure(EntityTypeBuilder<FlowSettings> e)
    {
        e.HasKey(x => x.LocalityId);
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
    }
}

internal sealed class FlowMappingConfiguration : IEntityTypeConfiguration<FlowMapping>
{
    public void Configure(EntityTypeBuilder<FlowMapping> e)
    {
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.SavedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.AgencyId, x.Name }).IsUnique();
    }
}
