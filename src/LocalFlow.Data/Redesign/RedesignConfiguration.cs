using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.Redesign;

internal sealed class RedesignProgrammeConfiguration : IEntityTypeConfiguration<RedesignProgramme>
{
    public void Configure(EntityTypeBuilder<RedesignProgramme> e)
    {
        e.HasKey(x => x.LocalityId);
        e.HasOne<Locality>().WithOne().HasForeignKey<RedesignProgramme>(x => x.LocalityId);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class CommissioningGroupConfiguration : IEntityTypeConfiguration<CommissioningGroup>
{
    public void Configure(EntityTypeBuilder<CommissioningGroup> e)
    {
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.Name }).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Background).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => x.GroupId);
        e.HasIndex(x => x.UserId);
    }
}

internal sealed class CommissioningQuestionConfiguration : IEntityTypeConfiguration<CommissioningQuestion>
{
    public void Configure(EntityTypeBuilder<CommissioningQuestion> e)
    {
        e.HasKey(x => new { x.LocalityId, x.Id });
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<CommissioningGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
        // The condition is not a foreign key: a condition may be deleted, and the question then says so.
        e.HasOne<DemandType>().WithMany().HasForeignKey(x => x.DemandTypeId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.SourceNote).HasMaxLength(300);
        e.Property(x => x.Currency).HasMaxLength(3);
        e.Property(x => x.DiscountRate).HasPrecision(6, 4);
        e.Property(x => x.RaisedBy).HasMaxLength(200);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.LocalityId, x.Number }).IsUnique();
        e.HasIndex(x => new { x.LocalityId, x.Stage, x.Status });
        e.HasIndex(x => x.GroupId);
        e.HasIndex(x => x.DemandTypeId);
        e.HasIndex(x => new { x.LocalityId, x.ConditionId });
        // The need is not a foreign key either: a need may be removed, and the question keeps its words.
        e.HasIndex(x => new { x.LocalityId, x.NeedId });
        e.HasMany(x => x.Years).WithOne().HasForeignKey(y => new { y.LocalityId, y.QuestionId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionYearConfiguration : IEntityTypeConfiguration<QuestionYear>
{
    public void Configure(EntityTypeBuilder<QuestionYear> e)
    {
        e.HasKey(x => new { x.LocalityId, x.QuestionId, x.Year });
        e.Property(x => x.Cost).HasPrecision(14, 2);
        e.Property(x => x.Benefit).HasPrecision(14, 2);
    }
}

internal sealed class GatewayRecordConfiguration : IEntityTypeConfiguration<GatewayRecord>
{
    public void Configure(EntityTypeBuilder<GatewayRecord> e)
    {
        e.HasOne<CommissioningQuestion>().WithMany().HasForeignKey(x => new { x.LocalityId, x.QuestionId }).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.QuestionId });
    }
}

internal sealed class JigsawResponseConfiguration : IEntityTypeConfiguration<JigsawResponse>
{
    public void Configure(EntityTypeBuilder<JigsawResponse> e)
    {
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.LocalityId, x.UserId, x.Piece }).IsUnique();
        e.HasIndex(x => x.UserId);
    }
}
