using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data;

public partial class LocalFlowDb
{
    static LocalFlowDb()
    {
        AuditTrail.RegisterChangeType<Demand>(AuditEventType.DemandChanged);
        AuditTrail.RegisterChangeType<DemandCorrection>(AuditEventType.DemandChanged);
    }

    public DbSet<DemandStudy> DemandStudies => Set<DemandStudy>();
    public DbSet<DemandStudyFrontDoor> DemandStudyFrontDoors => Set<DemandStudyFrontDoor>();
    public DbSet<DemandType> DemandTypes => Set<DemandType>();
    public DbSet<DemandTypeChange> DemandTypeChanges => Set<DemandTypeChange>();
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<DemandCorrection> DemandCorrections => Set<DemandCorrection>();
}

internal sealed class DemandStudyConfiguration : IEntityTypeConfiguration<DemandStudy>
{
    public void Configure(EntityTypeBuilder<DemandStudy> e)
    {
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne(x => x.Team).WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.FrontDoors).WithOne().HasForeignKey(x => x.StudyId);
        e.HasIndex(x => new { x.LocalityId, x.StartsOn });
    }
}

internal sealed class DemandStudyFrontDoorConfiguration : IEntityTypeConfiguration<DemandStudyFrontDoor>
{
    public void Configure(EntityTypeBuilder<DemandStudyFrontDoor> e)
    {
        e.HasKey(x => new { x.StudyId, x.FrontDoorId });
        e.HasOne(x => x.FrontDoor).WithMany().HasForeignKey(x => x.FrontDoorId);
    }
}

internal sealed class DemandTypeConfiguration : IEntityTypeConfiguration<DemandType>
{
    public void Configure(EntityTypeBuilder<DemandType> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasOne<DemandStudy>().WithMany().HasForeignKey(x => x.StudyId);
        e.HasOne<DemandType>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.StudyId, x.Name });
    }
}

internal sealed class DemandTypeChangeConfiguration : IEntityTypeConfiguration<DemandTypeChange>
{
    public void Configure(EntityTypeBuilder<DemandTypeChange> e)
    {
        e.HasOne<DemandType>().WithMany().HasForeignKey(x => x.TypeId);
        e.HasIndex(x => x.TypeId);
    }
}

internal sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> e)
    {
        // Personal data: the locality leads the key (see LocalFlowDb).
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<DemandStudy>().WithMany().HasForeignKey(x => x.StudyId);
        e.HasOne<FrontDoor>().WithMany().HasForeignKey(x => x.FrontDoorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<DemandType>().WithMany().HasForeignKey(x => x.TypeId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Version).IsConcurrencyToken();
        // Covers the analysis query (every column it reads, in capture order), so it never sorts or visits the table.
        e.HasIndex(x => new { x.LocalityId, x.StudyId, x.ReceivedAt, x.CapturedAt, x.FrontDoorId, x.Channel, x.Nature, x.FailureKind, x.TypeId, x.Outcome })
            .HasDatabaseName("ix_demands_analysis");
        e.HasIndex(x => new { x.StudyId, x.TypeId });
    }
}

internal sealed class DemandCorrectionConfiguration : IEntityTypeConfiguration<DemandCorrection>
{
    public void Configure(EntityTypeBuilder<DemandCorrection> e)
    {
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<Demand>().WithMany().HasForeignKey(x => new { x.LocalityId, x.DemandId });
        e.HasIndex(x => new { x.LocalityId, x.DemandId });
    }
}
