using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>Trust: grants of access held for a second administrator (docs/trust.md).</summary>
public partial class LocalFlowDb
{
    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();
}
