using LocalFlow.Data.Flow;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>The stored queue of background flow imports.</summary>
public partial class LocalFlowDb
{
    public DbSet<FlowImportQueueEntry> FlowImportQueue => Set<FlowImportQueueEntry>();
}
