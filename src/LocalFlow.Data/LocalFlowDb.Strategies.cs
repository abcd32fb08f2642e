using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>The redesign programme's commissioning strategies.</summary>
public partial class LocalFlowDb
{
    public DbSet<CommissioningStrategy> CommissioningStrategies => Set<CommissioningStrategy>();
    public DbSet<StrategyQuestion> StrategyQuestions => Set<StrategyQuestion>();
}
