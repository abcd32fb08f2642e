using System.Text;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LocalFlow.Data;

/// <summary>The LocalFlow database: one context for SQLite and PostgreSQL. Table and column names are snake_case.</summary>
public partial class LocalFlowDb : DbContext
{
    public LocalFlowDb(DbContextOptions<LocalFlowDb> options, IAuditActor actor, TimeProvider clock) : base(options)
    {
        Actor = actor;
        Clock = clock;
    }

    public LocalFlowDb(DbContextOptions<LocalFlowDb> options) : this(options, new SystemActor("system"), TimeProvider.System)
    {
    }

    /// <summary>Who is acting; recorded with every audit entry this context writes.</summary>
    public IAuditActor Actor { get; set; }

    public TimeProvider Clock { get; }

    /// <summary>
    /// When false (bulk work such as the demo or a file import), personal-data changes are not audited row by row;
    /// the bulk operation writes one summary entry itself.
    /// </summary>
    public bool AuditChangesIndividually { get; set; } = true;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        // Changes to personal data and their audit entries are saved in one transaction.
        if (AuditChangesIndividually)
        {
            AuditTrail.AddChangeRecords(this);
        }
        var flowChanged = Flow.FlowDataVersion.Touched(ChangeTracker);
        var audit = AuditChain.Pending(this);
        int saved;
        if (audit.Count == 0)
        {
            saved = base.SaveChanges(acceptAllChangesOnSuccess);
        }
        else
        {
            // audit entries are chained under the database's write lock, in the transaction that saves them
            using var owned = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
            AuditChain.Link(this, audit);
            saved = base.SaveChanges(acceptAllChangesOnSuccess);
            owned?.Commit();
        }
        if (flowChanged.Any)
        {
            // stamped after the change is written, so an engine built under the new stamp holds the change
            Flow.FlowDataVersion.ChangedAsync(this, flowChanged).GetAwaiter().GetResult();
        }
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (AuditChangesIndividually)
        {
            AuditTrail.AddChangeRecords(this);
        }
        var flowChanged = Flow.FlowDataVersion.Touched(ChangeTracker);
        var audit = AuditChain.Pending(this);
        int saved;
        if (audit.Count == 0)
        {
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        else
        {
            // audit entries are chained under the database's write lock, in the transaction that saves them
            await using var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            await AuditChain.LinkAsync(this, audit, cancellationToken);
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }
        if (flowChanged.Any)
        {
            await Flow.FlowDataVersion.ChangedAsync(this, flowChanged, cancellationToken);
        }
        return saved;
    }

    public DbSet<Locality> Localities => Set<Locality>();
    public DbSet<Street> Streets => Set<Street>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<FrontDoor> FrontDoors => Set<FrontDoor>();
    public DbSet<UnitCost> UnitCosts => Set<UnitCost>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<User> Users => Set<User>();
    public DbSet<UserLocality> UserLocalities => Set<UserLocality>();
    public DbSet<UserAgency> UserAgencies => Set<UserAgency>();
    public DbSet<UserTeam> UserTeams => Set<UserTeam>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored in UTC; SQLite hands them back unspecified, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Locality>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasMany(x => x.Streets).WithOne().HasForeignKey(x => x.LocalityId);
        });
        modelBuilder.Entity<Street>(e => e.HasIndex(x => new { x.LocalityId, x.Name }).IsUnique());
        modelBuilder.Entity<Agency>(e =>
        {
            e.HasIndex(x => x.Name).IsUnique();
            e.HasMany(x => x.Teams).WithOne(x => x.Agency).HasForeignKey(x => x.AgencyId);
        });
        modelBuilder.Entity<Team>(e => e.HasIndex(x => new { x.AgencyId, x.Name }).IsUnique());
        modelBuilder.Entity<Worker>(e => e.HasIndex(x => x.AgencyId));
        modelBuilder.Entity<FrontDoor>(e =>
        {
            e.HasIndex(x => new { x.LocalityId, x.Name }).IsUnique();
            e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        });
        modelBuilder.Entity<UnitCost>(e => e.HasIndex(x => new { x.AgencyId, x.ActivityKind, x.Description }).IsUnique());

        // Personal data: the locality leads every key, so that a large deployment can distribute
        // these tables by locality (Citus) with co-located joins. See docs/multi-locality.md.
        modelBuilder.Entity<Household>(e =>
        {
            e.HasKey(x => new { x.LocalityId, x.Id });
            e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
            e.HasIndex(x => new { x.LocalityId, x.Postcode });
        });
        modelBuilder.Entity<Person>(e =>
        {
            e.HasKey(x => new { x.LocalityId, x.Id });
            e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
            e.HasOne(x => x.Household).WithMany().HasForeignKey(x => new { x.LocalityId, x.HouseholdId });
            e.HasIndex(x => new { x.LocalityId, x.FamilyName, x.GivenName });
            e.Ignore(x => x.DisplayName);
        });

        modelBuilder.Entity<User>(e =>
        {
            e.HasIndex(x => x.UserName).IsUnique();
            e.HasMany(x => x.Localities).WithOne().HasForeignKey(x => x.UserId);
            e.HasMany(x => x.Agencies).WithOne().HasForeignKey(x => x.UserId);
            e.HasMany(x => x.Teams).WithOne().HasForeignKey(x => x.UserId);
        });
        modelBuilder.Entity<UserLocality>(e => e.HasKey(x => new { x.UserId, x.LocalityId }));
        modelBuilder.Entity<UserAgency>(e => e.HasKey(x => new { x.UserId, x.AgencyId }));
        modelBuilder.Entity<UserTeam>(e => e.HasKey(x => new { x.UserId, x.TeamId }));
        modelBuilder.Entity<Setting>(e => e.HasKey(x => x.Key));
        modelBuilder.Entity<AuditEvent>(e =>
        {
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
            e.HasIndex(x => x.UserId);
            // Two entries naming the same predecessor would fork the chain.
            e.HasIndex(x => x.PreviousHash).IsUnique();
        });
        modelBuilder.Entity<AuditAnchor>(e => e.HasIndex(x => x.AuditEventId));

        // Each capability configures its own entities with IEntityTypeConfiguration classes
        // beside them (Demand/, Flow/, Linking/ ...), and adds its DbSets in a partial of this class.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LocalFlowDb).Assembly);
        UseSnakeCaseNames(modelBuilder);
    }

    private static void UseSnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(ToSnakeCase(entity.GetTableName() ?? entity.ClrType.Name));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetName() ?? ""));
            }
            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName(ToSnakeCase(fk.GetConstraintName() ?? ""));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName() ?? ""));
            }
        }
    }

    /// <summary>"HouseholdId" → "household_id"; "AuditEvents" → "audit_events".</summary>
    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
