using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.Economics;

internal sealed class PriceIndexYearConfiguration : IEntityTypeConfiguration<PriceIndexYear>
{
    public void Configure(EntityTypeBuilder<PriceIndexYear> e)
    {
        e.HasKey(x => x.Year);
        e.Property(x => x.Year).ValueGeneratedNever();
        e.Property(x => x.Value).HasPrecision(18, 4);
    }
}
