using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>System conditions and their evidence.</summary>
public partial class LocalFlowDb
{
    public DbSet<SystemCondition> SystemConditions => Set<SystemCondition>();
    public DbSet<ConditionEvidence> ConditionEvidence => Set<ConditionEvidence>();
}
