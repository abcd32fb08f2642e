using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.Redesign;

internal sealed class CommissioningStrategyConfiguration : IEntityTypeConfiguration<CommissioningStrategy>
{
    public void Configure(EntityTypeBuilder<CommissioningStrategy> e)
    {
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<CommissioningGroup>().WithMany().HasForeignKey(x => x.OwnerGroupId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Purpose).HasMaxLength(2000);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.LocalityId);
        e.HasIndex(x => x.OwnerGroupId);
        e.HasMany(x => x.Questions).WithOne().HasForeignKey(q => q.StrategyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StrategyQuestionConfiguration : IEntityTypeConfiguration<StrategyQuestion>
{
    public void Configure(EntityTypeBuilder<StrategyQuestion> e)
    {
        e.HasKey(x => new { x.StrategyId, x.QuestionId });
        e.HasOne<CommissioningQuestion>().WithMany().HasForeignKey(x => new { x.LocalityId, x.QuestionId }).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.LocalityId, x.QuestionId });
    }
}
