using LocalFlow.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>Trust: the audit chain's anchors (docs/trust.md).</summary>
public partial class LocalFlowDb
{
    public DbSet<AuditAnchor> AuditAnchors => Set<AuditAnchor>();
}
