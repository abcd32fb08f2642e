using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>Saved purpose measures and the experiments watched on them.</summary>
public partial class LocalFlowDb
{
    public DbSet<SavedMeasure> SavedMeasures => Set<SavedMeasure>();
    public DbSet<Experiment> Experiments => Set<Experiment>();
}
