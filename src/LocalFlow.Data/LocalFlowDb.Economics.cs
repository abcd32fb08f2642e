using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>The price index that restates costs at a chosen year.</summary>
public partial class LocalFlowDb
{
    public DbSet<PriceIndexYear> PriceIndex => Set<PriceIndexYear>();
}
