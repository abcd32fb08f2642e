using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.Redesign;

internal sealed class ResourceMoneyConfiguration : IEntityTypeConfiguration<ResourceMoney>
{
    public void Configure(EntityTypeBuilder<ResourceMoney> e)
    {
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.Property(x => x.Body).HasMaxLength(200);
        e.Property(x => x.Purpose).HasMaxLength(200);
        e.Property(x => x.Amount).HasPrecision(14, 2);
        e.Property(x => x.Note).HasMaxLength(500);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.LocalityId, x.Partner });
    }
}

internal sealed class ResourceBuildingConfiguration : IEntityTypeConfiguration<ResourceBuilding>
{
    public void Configure(EntityTypeBuilder<ResourceBuilding> e)
    {
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Kind).HasMaxLength(200);
        e.Property(x => x.Place).HasMaxLength(300);
        e.Property(x => x.OpeningHours).HasMaxLength(300);
        e.Property(x => x.UsedBy).HasMaxLength(1000);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.LocalityId, x.Name });
    }
}

internal sealed class WorkforceGapConfiguration : IEntityTypeConfiguration<WorkforceGap>
{
    public void Configure(EntityTypeBuilder<WorkforceGap> e)
    {
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.SetNull);
        e.Property(x => x.Skill).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(500);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.LocalityId);
        e.HasIndex(x => x.AgencyId);
    }
}

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> e)
    {
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<DemandStudy>().WithMany().HasForeignKey(x => x.DemandStudyId).OnDelete(DeleteBehavior.SetNull);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Area).HasMaxLength(200);
        e.Property(x => x.Evidence).HasMaxLength(1000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.LocalityId, x.Who });
        e.HasIndex(x => x.DemandStudyId);
    }
}
