using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>Locality working: the team, its supports, conversations, actions, directory, tally and named workers.</summary>
public partial class LocalFlowDb
{
    public DbSet<LocalityTeam> LocalityTeams => Set<LocalityTeam>();
    public DbSet<Support> Supports => Set<Support>();
    public DbSet<Involvement> Involvements => Set<Involvement>();
    public DbSet<GoodLifeConversation> GoodLifeConversations => Set<GoodLifeConversation>();
    public DbSet<TeamAction> TeamActions => Set<TeamAction>();
    public DbSet<DirectoryEntry> DirectoryEntries => Set<DirectoryEntry>();
    public DbSet<Avoided> Avoided => Set<Avoided>();
    public DbSet<NamedWorker> NamedWorkers => Set<NamedWorker>();
    public DbSet<FrontDoorHandover> FrontDoorHandovers => Set<FrontDoorHandover>();
}
