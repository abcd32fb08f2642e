using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>The locality picture's flag rules, tier rule and the locality team's tier overrides.</summary>
public partial class LocalFlowDb
{
    public DbSet<FlagRuleRow> FlagRules => Set<FlagRuleRow>();
    public DbSet<TierRuleRow> TierRules => Set<TierRuleRow>();
    public DbSet<TierOverride> TierOverrides => Set<TierOverride>();
}
