using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>The redesign programme's resource database (money, buildings, workforce gaps) and needs database.</summary>
public partial class LocalFlowDb
{
    public DbSet<ResourceMoney> ResourceMoney => Set<ResourceMoney>();
    public DbSet<ResourceBuilding> ResourceBuildings => Set<ResourceBuilding>();
    public DbSet<WorkforceGap> WorkforceGaps => Set<WorkforceGap>();
    public DbSet<Need> Needs => Set<Need>();
}
