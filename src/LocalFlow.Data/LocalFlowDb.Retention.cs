using LocalFlow.Data.Trust;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>Trust: retention rules per record kind (docs/security.md).</summary>
public partial class LocalFlowDb
{
    public DbSet<RetentionRule> RetentionRules => Set<RetentionRule>();
}
