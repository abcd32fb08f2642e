using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.Measures;

internal sealed class SavedMeasureConfiguration : IEntityTypeConfiguration<SavedMeasure>
{
    public void Configure(EntityTypeBuilder<SavedMeasure> e)
    {
        e.ToTable("saved_measures");
        e.HasKey(x => x.Id);
        e.HasOne<Entities.Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Owner).HasMaxLength(200);
        e.Property(x => x.Purpose).HasMaxLength(2000);
        e.Property(x => x.Definition).HasMaxLength(4000);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.LocalityId, x.Name }).IsUnique();
    }
}

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> e)
    {
        e.ToTable("experiments");
        e.HasKey(x => x.Id);
        e.HasOne<Entities.Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasOne<SavedMeasure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Change).HasMaxLength(2000);
        e.Property(x => x.ForWhom).HasMaxLength(400);
        e.Property(x => x.Learned).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.MeasureId, x.StartedOn });
    }
}
