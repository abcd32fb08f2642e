using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>The flow study's tables.</summary>
public partial class LocalFlowDb
{
    public DbSet<ActivityRecord> ActivityRecords => Set<ActivityRecord>();
    public DbSet<FlowImport> FlowImports => Set<FlowImport>();
    public DbSet<WhatMattered> WhatMattered => Set<WhatMattered>();
    public DbSet<FlowSettings> FlowSettings => Set<FlowSettings>();
    public DbSet<FlowMapping> FlowMappings => Set<FlowMapping>();
}
