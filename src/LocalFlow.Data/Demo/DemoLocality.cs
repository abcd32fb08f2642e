using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Demo;

/// <summary>How big a demo to make and from which seed. The same seed always makes the same locality.</summary>
public sealed record DemoOptions
{
    public int Households { get; init; } = 2500;
    public int Seed { get; init; } = 20261123;
    /// <summary>Create one sign-in per role (see README).</summary>
    public bool Users { get; init; } = true;
    /// <summary>"Today" in the demo: demo records end here. Defaults to the clock's date.</summary>
    public DateOnly? Today { get; init; }
}

/// <summary>One step of the demo progress, for the CLI's progress bars and the web's start-up log.</summary>
public sealed record DemoProgress(string Part, string Message, double Fraction);

/// <summary>One capability's contribution to the demo locality. Parts run in <see cref="Order"/>.</summary>
public interface IDemoPart
{
    int Order { get; }
    string Name { get; }
    Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct);
}

/// <summary>What demo parts share: the database, the options, a seeded random source per part, and the locality made so far.</summary>
public sealed class DemoContext(LocalFlowDb db, DemoOptions options, DateOnly today)
{
    public LocalFlowDb Db { get; } = db;
    public DemoOptions Options { get; } = options;
    public DateOnly Today { get; } = today;
    public Locality Locality { get; set; } = null!;

    /// <summary>A random source for one part, so that adding a part never changes what the others make.</summary>
    // Not HashCode.Combine: it is seeded per process, and the demo must be the same on every run.
    public Random RandomFor(string part) => new(unchecked((Options.Seed * 397) ^ StableHash(part)));

    /// <summary>A deterministic id from a seeded random source (demo ids are the same on every run).</summary>
    public static Guid NextId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static int StableHash(string s)
    {
        unchecked
        {
            var h = 17;
            foreach (var c in s)
            {
                h = (h * 31) + c;
            }
            return h;
        }
    }
}

/// <summary>Creates the fictional locality "Northfield" with everything each capability adds to it.</summary>
public static class DemoLocality
{
    public const string Name = "Northfield";
    public const string CreatedSettingKey = "demo.created";

    /// <summary>The capabilities' demo parts. Each later capability adds its own here.</summary>
    public static IReadOnlyList<IDemoPart> Parts { get; } =
    [
        new NorthfieldReferenceData(),
        new NorthfieldHouseholds(),
        new NorthfieldSourceIdentities(),
        new NorthfieldDemandStudies(),
        new NorthfieldFlow(),
        new NorthfieldConditions(),
        new DemoUsers(),
        new NorthfieldLocalityTeam(),
        new NorthfieldCohortHistory(),
        new NorthfieldStatements(),
        new NorthfieldMeasures(),
        new NorthfieldResources(),
        new NorthfieldRedesign(),
        new NorthfieldSharing(),
    ];

    /// <summary>True when the database already holds a locality (the demo will not be made twice).</summary>
    public static Task<bool> HasLocalityAsync(LocalFlowDb db, CancellationToken ct = default) => db.Localities.AnyAsync(ct);

    public static async Task CreateAsync(LocalFlowDb db, DemoOptions options, IProgress<DemoProgress>? progress = null, CancellationToken ct = default)
    {
        progress ??= new Progress<DemoProgress>();
        if (await db.Localities.AnyAsync(l => l.Name == Name, ct))
        {
            throw new InvalidOperationException($"The database already holds a locality called {Name}; the demo is made only once, in an empty database.");
        }
        var today = options.Today ?? DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var context = new DemoContext(db, options, today);
        var previous = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // The demo is fictional and made in bulk: one summary audit entry instead of one per row.
        db.AuditChangesIndividually = false;
        // All or nothing: an interrupted demo leaves the database as it was.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var part in Parts.OrderBy(p => p.Order))
            {
                progress.Report(new DemoProgress(part.Name, "starting", 0));
                await part.AddAsync(context, progress, ct);
                progress.Report(new DemoProgress(part.Name, "done", 1));
            }
            db.Settings.Add(new Setting { Key = CreatedSettingKey, Value = $"seed={options.Seed};households={options.Households};today={today:yyyy-MM-dd}" });
            AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, "Demo", Name, context.Locality.Id, $"Demo locality created: {options.Households} households, seed {options.Seed}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previous;
            db.AuditChangesIndividually = true;
        }
    }
}
