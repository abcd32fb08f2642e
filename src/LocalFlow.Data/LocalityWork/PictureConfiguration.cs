using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.LocalityWork;

internal sealed class FlagRuleRowConfiguration : IEntityTypeConfiguration<FlagRuleRow>
{
    public void Configure(EntityTypeBuilder<FlagRuleRow> e)
    {
        e.ToTable("flag_rules");
        e.HasKey(x => x.Id);
        e.HasOne<Entities.Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Agency).HasMaxLength(200);
        e.Property(x => x.Team).HasMaxLength(200);
        e.Property(x => x.Type).HasMaxLength(200);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.Position });
    }
}

internal sealed class TierRuleRowConfiguration : IEntityTypeConfiguration<TierRuleRow>
{
    public void Configure(EntityTypeBuilder<TierRuleRow> e)
    {
        e.ToTable("tier_rules");
        e.HasKey(x => x.LocalityId);
        e.Property(x => x.LocalityId).ValueGeneratedNever();
        e.HasOne<Entities.Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}

internal sealed class TierOverrideConfiguration : IEntityTypeConfiguration<TierOverride>
{
    public void Configure(EntityTypeBuilder<TierOverride> e)
    {
        AuditTrail.RegisterChangeType<TierOverride>(AuditEventType.LocalityCaseChanged);
        e.ToTable("tier_overrides");
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Entities.Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<Household>().WithMany().HasForeignKey(x => new { x.LocalityId, x.HouseholdId }).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.SetBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.HouseholdId }).IsUnique();
    }
}
