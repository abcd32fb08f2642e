using System.Globalization;
using System.Text;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LocalFlow.Data.Audit;

/// <summary>Who is acting and from where: a signed-in user on a page or endpoint, or the command line.</summary>
public interface IAuditActor
{
    int? UserId { get; }
    string UserName { get; }
    string Source { get; }
}

/// <summary>An actor that is not a person: the command line, the demo generator, start-up.</summary>
public sealed record SystemActor(string Source, string UserName = "system") : IAuditActor
{
    public int? UserId => null;
}

/// <summary>Writes the audit trail. Changes to personal data are audited by <see cref="LocalFlowDb"/> itself when saved.</summary>
public static class AuditTrail
{
    private static readonly Dictionary<Type, AuditEventType> ChangeTypes = new()
    {
        [typeof(Person)] = AuditEventType.PersonChanged,
        [typeof(Household)] = AuditEventType.HouseholdChanged,
    };

    /// <summary>Lets a capability say which event type its personal entities raise when changed.</summary>
    public static void RegisterChangeType<T>(AuditEventType type) where T : IPersonalData
    {
        lock (ChangeTypes)
        {
            ChangeTypes[typeof(T)] = type;
        }
    }

    /// <summary>Records a read of personal data (saved with the next SaveChanges, or at once with <paramref name="save"/>).</summary>
    public static async Task ReadAsync(LocalFlowDb db, AuditEventType type, string entityType, string? entityId, int? localityId, string? detail = null, bool save = true, CancellationToken ct = default)
    {
        db.AuditEvents.Add(New(db.Actor, type, AuditOperation.Read, entityType, entityId, localityId, detail, db.Clock));
        if (save)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Adds an audit entry for anything that is not an automatic change record.</summary>
    public static void Add(LocalFlowDb db, AuditEventType type, AuditOperation op, string entityType, string? entityId, int? localityId, string? detail = null)
        => db.AuditEvents.Add(New(db.Actor, type, op, entityType, entityId, localityId, detail, db.Clock));

    internal static AuditEvent New(IAuditActor actor, AuditEventType type, AuditOperation op, string entityType, string? entityId, int? localityId, string? detail, TimeProvider clock) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        UserId = actor.UserId,
        UserName = actor.UserName,
        Source = Truncate(actor.Source, 300),
        EventType = type,
        Operation = op,
        EntityType = entityType,
        EntityId = entityId,
        LocalityId = localityId,
        Detail = detail is null ? null : Truncate(detail, 4000),
    };

    internal static void AddChangeRecords(LocalFlowDb db)
    {
        var pending = new List<AuditEvent>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is not IPersonalData pd || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            AuditEventType type;
            lock (ChangeTypes)
            {
                type = ChangeTypes.TryGetValue(entry.Entity.GetType(), out var t) ? t : AuditEventType.PersonalDataChanged;
            }
            var op = entry.State switch
            {
                EntityState.Added => AuditOperation.Create,
                EntityState.Deleted => AuditOperation.Delete,
                _ => AuditOperation.Update,
            };
            var detail = op == AuditOperation.Update ? DescribeChanges(entry) : null;
            if (op == AuditOperation.Update && detail is null)
            {
                continue;
            }
            pending.Add(New(db.Actor, type, op, entry.Entity.GetType().Name, pd.Id.ToString(), pd.LocalityId, detail, db.Clock));
        }
        db.AuditEvents.AddRange(pending);
    }

    private static string? DescribeChanges(EntityEntry entry)
    {
        var sb = new StringBuilder();
        foreach (var p in entry.Properties)
        {
            if (!p.IsModified || Equals(p.OriginalValue, p.CurrentValue))
            {
                continue;
            }
            if (sb.Length > 0)
            {
                sb.Append("; ");
            }
            // the field is named; its old and new values only when they say nothing about a person (AuditReference)
            sb.Append(p.Metadata.Name);
            if (AuditReference.Shows(p.OriginalValue) && AuditReference.Shows(p.CurrentValue))
            {
                sb.Append(": ").Append(Format(p.OriginalValue)).Append(" → ").Append(Format(p.CurrentValue));
            }
            else
            {
                sb.Append(" changed");
            }
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    private static string Format(object? v) => v switch
    {
        null => "(empty)",
        string s => "\"" + Truncate(s, 400) + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
