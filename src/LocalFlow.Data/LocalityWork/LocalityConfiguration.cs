using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.LocalityWork;

// Locality working's tables: keyed by locality first, like all personal data. Free text has no length limit,
// so what was typed is kept exactly.

internal sealed class LocalityTeamConfiguration : IEntityTypeConfiguration<LocalityTeam>
{
    public void Configure(EntityTypeBuilder<LocalityTeam> e)
    {
        e.HasKey(x => x.LocalityId);
        e.HasOne<Entities.Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class SupportConfiguration : IEntityTypeConfiguration<Support>
{
    public void Configure(EntityTypeBuilder<Support> e)
    {
        AuditTrail.RegisterChangeType<Support>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Entities.Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<Household>().WithMany().HasForeignKey(x => new { x.LocalityId, x.HouseholdId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.KeyWorker).WithMany().HasForeignKey(x => x.KeyWorkerId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.StartedBy).HasMaxLength(200);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.LocalityId, x.HouseholdId });
        e.HasIndex(x => new { x.LocalityId, x.PersonId });
        // "my people": the signed-in key worker's supports
        e.HasIndex(x => new { x.KeyWorkerId, x.LocalityId });
    }
}

internal sealed class InvolvementConfiguration : IEntityTypeConfiguration<Involvement>
{
    public void Configure(EntityTypeBuilder<Involvement> e)
    {
        AuditTrail.RegisterChangeType<Involvement>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Support>().WithMany().HasForeignKey(x => new { x.LocalityId, x.SupportId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Worker).WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<DirectoryEntry>().WithMany().HasForeignKey(x => new { x.LocalityId, x.DirectoryEntryId }).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.AddedBy).HasMaxLength(200);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.SupportId });
        e.HasIndex(x => new { x.WorkerId, x.LocalityId });
        e.HasIndex(x => new { x.LocalityId, x.DirectoryEntryId });
    }
}

internal sealed class GoodLifeConversationConfiguration : IEntityTypeConfiguration<GoodLifeConversation>
{
    public void Configure(EntityTypeBuilder<GoodLifeConversation> e)
    {
        AuditTrail.RegisterChangeType<GoodLifeConversation>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Person>().WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Household>().WithMany().HasForeignKey(x => new { x.LocalityId, x.HouseholdId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Support>().WithMany().HasForeignKey(x => new { x.LocalityId, x.SupportId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.HeldByWorkerId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.HeldBy).HasMaxLength(200);
        e.Property(x => x.Language).HasMaxLength(100);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.LocalityId, x.PersonId, x.HeldOn });
        e.HasIndex(x => new { x.LocalityId, x.HouseholdId });
        e.HasIndex(x => new { x.LocalityId, x.SupportId });
    }
}

internal sealed class TeamActionConfiguration : IEntityTypeConfiguration<TeamAction>
{
    public void Configure(EntityTypeBuilder<TeamAction> e)
    {
        AuditTrail.RegisterChangeType<TeamAction>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Support>().WithMany().HasForeignKey(x => new { x.LocalityId, x.SupportId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<DirectoryEntry>().WithMany().HasForeignKey(x => new { x.LocalityId, x.DirectoryEntryId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WhatMattered>().WithMany().HasForeignKey(x => new { x.LocalityId, x.WhatMatteredId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<UnitCost>().WithMany().HasForeignKey(x => x.UnitCostId).OnDelete(DeleteBehavior.Restrict);
        // The record is not a foreign key: undoing an import deletes records, but the team's records come from no import.
        e.Property(x => x.AddedBy).HasMaxLength(200);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.LocalityId, x.SupportId, x.When });
        e.HasIndex(x => new { x.LocalityId, x.PersonId });
        e.HasIndex(x => new { x.LocalityId, x.DirectoryEntryId });
        e.HasIndex(x => new { x.LocalityId, x.WhatMatteredId });
        e.HasIndex(x => x.WorkerId);
        e.HasIndex(x => x.UnitCostId);
    }
}

internal sealed class DirectoryEntryConfiguration : IEntityTypeConfiguration<DirectoryEntry>
{
    public void Configure(EntityTypeBuilder<DirectoryEntry> e)
    {
        AuditTrail.RegisterChangeType<DirectoryEntry>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Entities.Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.LocalityId, x.Name });
        e.HasIndex(x => x.StreetId);
    }
}

internal sealed class AvoidedConfiguration : IEntityTypeConfiguration<Avoided>
{
    public void Configure(EntityTypeBuilder<Avoided> e)
    {
        AuditTrail.RegisterChangeType<Avoided>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Support>().WithMany().HasForeignKey(x => new { x.LocalityId, x.SupportId }).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.SupportId });
    }
}

internal sealed class NamedWorkerConfiguration : IEntityTypeConfiguration<NamedWorker>
{
    public void Configure(EntityTypeBuilder<NamedWorker> e)
    {
        AuditTrail.RegisterChangeType<NamedWorker>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Person>().WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Household>().WithMany().HasForeignKey(x => new { x.LocalityId, x.HouseholdId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.NamedBy).HasMaxLength(200);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.PersonId });
        e.HasIndex(x => new { x.LocalityId, x.HouseholdId });
        e.HasIndex(x => new { x.WorkerId, x.LocalityId });
    }
}

internal sealed class FrontDoorHandoverConfiguration : IEntityTypeConfiguration<FrontDoorHandover>
{
    public void Configure(EntityTypeBuilder<FrontDoorHandover> e)
    {
        AuditTrail.RegisterChangeType<FrontDoorHandover>(AuditEventType.LocalityCaseChanged);
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Demand>().WithMany().HasForeignKey(x => new { x.LocalityId, x.DemandId }).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId }).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.HandedOverBy).HasMaxLength(200);
        e.Property(x => x.LinkedBy).HasMaxLength(200);
        e.Property(x => x.RemovedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.LocalityId, x.DemandId });
        e.HasIndex(x => new { x.LocalityId, x.PersonId });
    }
}

/// <summary>A signed-in user who works in the team is a worker: at most one worker per user.</summary>
internal sealed class WorkerUserConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> e)
    {
        e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.UserId).IsUnique();
    }
}
