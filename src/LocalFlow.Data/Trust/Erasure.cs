using System.Globalization;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Trust;

/// <summary>A retention rule that still holds some of a person's records: what, until when, and why.</summary>
public sealed record RetentionHold(RetentionKind Kind, DateOnly Newest, DateOnly HeldUntil, int KeepYears, string Reason)
{
    /// <summary>The refusal in words, e.g. "Agencies' activity records are kept for 6 years (Limitation Act 1980): the newest, of 3 March 2024, is held until 3 March 2030."</summary>
    public string Explain() => $"{Retention.Describe(Kind)} are kept for {KeepYears.ToString(CultureInfo.InvariantCulture)} years ({Reason}): the newest, of {Day(Newest)}, is held until {Day(HeldUntil)}.";

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>What an erasure removed, by kind of record.</summary>
public sealed record ErasureResult(IReadOnlyDictionary<string, int> Removed);

/// <summary>
/// Erasure of a person (UK GDPR article 17; docs/security.md): everything LocalFlow holds about them is deleted in one
/// transaction — their activity records, linked identifying records and linking decisions about them, what mattered,
/// conversations, "I" statements and scores, recordings, actions, their own supports, naming of workers, condition
/// evidence naming them — and the person. Refused while any retention rule still holds one of their records. Demands
/// they made stay in the demand study, unlinked from them; the household's address stays (it may be others' too).
/// One audit entry records who erased whom, why, and how many of each were removed; older audit entries keep only the
/// person's id, never their details.
/// </summary>
public static class Erasure
{
    /// <summary>The rules that still hold some of the person's records on <paramref name="today"/>; empty when erasure may go ahead.</summary>
    public static async Task<IReadOnlyList<RetentionHold>> HoldsAsync(LocalFlowDb db, Person person, DateOnly today, CancellationToken ct = default)
    {
        var rules = await Retention.RulesAsync(db, ct);
        var holds = new List<RetentionHold>();
        var loc = person.LocalityId;
        var id = person.Id;
        foreach (var rule in rules)
        {
            DateOnly? newest = rule.Kind switch
            {
                RetentionKind.AgencyRecords => Day(await db.ActivityRecords.Where(r => r.LocalityId == loc && r.PersonId == id)
                    .Select(r => (DateTime?)(r.EndUtc ?? r.StartUtc)).MaxAsync(ct)),
                RetentionKind.Demands => await NewestDemandAsync(db, person, ct),
                RetentionKind.LocalityWork => Latest(
                    await db.GoodLifeConversations.Where(c => c.LocalityId == loc && c.PersonId == id).Select(c => (DateOnly?)c.HeldOn).MaxAsync(ct),
                    await db.WhatMattered.Where(w => w.LocalityId == loc && w.PersonId == id).Select(w => (DateOnly?)w.AskedOn).MaxAsync(ct),
                    await db.TeamActions.Where(a => a.LocalityId == loc && a.PersonId == id).Select(a => (DateOnly?)(a.DoneOn ?? a.When)).MaxAsync(ct),
                    await db.PersonStatements.Where(s => s.LocalityId == loc && s.PersonId == id).Select(s => (DateOnly?)s.AddedOn).MaxAsync(ct)),
                RetentionKind.LinkedRecords => await db.SourceIdentities.Where(s => s.LocalityId == loc && s.PersonId == id).Select(s => s.RecordDate).MaxAsync(ct),
                _ => null,
            };
            if (newest is { } n && n.AddYears(rule.KeepYears) is var until && until > today)
            {
                holds.Add(new RetentionHold(rule.Kind, n, until, rule.KeepYears, rule.Reason));
            }
        }
        return holds;
    }

    /// <summary>
    /// Erases the person, or throws <see cref="ErasureRefusedException"/> naming every rule that still holds their records.
    /// <paramref name="reason"/> (required) goes into the audit entry: it should say whose request it answers, not repeat their details.
    /// </summary>
    public static async Task<ErasureResult> EraseAsync(LocalFlowDb db, Person person, string reason, DateOnly today, CancellationToken ct = default)
    {
        reason = reason.Trim();
        if (reason.Length == 0)
        {
            throw new ErasureRefusedException([], "Enter why the person is erased (for example the request it answers)");
        }
        var holds = await HoldsAsync(db, person, today, ct);
        if (holds.Count > 0)
        {
            throw new ErasureRefusedException(holds, "Not erased: " + string.Join(" ", holds.Select(h => h.Explain())));
        }
        var loc = person.LocalityId;
        var id = person.Id;
        var removed = new Dictionary<string, int>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var identities = await db.SourceIdentities.Where(s => s.LocalityId == loc && s.PersonId == id).Select(s => s.Id).ToListAsync(ct);
        removed["linking decisions and reviews"] = await db.LinkDecisions.Where(d => d.LocalityId == loc && (identities.Contains(d.IdentityAId) || identities.Contains(d.IdentityBId))).ExecuteDeleteAsync(ct)
            + await db.LinkReviews.Where(d => d.LocalityId == loc && (identities.Contains(d.IdentityAId) || identities.Contains(d.IdentityBId))).ExecuteDeleteAsync(ct);
        removed["linked identifying records"] = await db.SourceIdentities.Where(s => s.LocalityId == loc && s.PersonId == id).ExecuteDeleteAsync(ct);

        var mattered = db.WhatMattered.Where(w => w.LocalityId == loc && w.PersonId == id).Select(w => (Guid?)w.Id);
        await db.TeamActions.Where(a => a.LocalityId == loc && a.PersonId != id && mattered.Contains(a.WhatMatteredId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.WhatMatteredId, (Guid?)null), ct);
        var supports = db.Supports.Where(s => s.LocalityId == loc && s.PersonId == id).Select(s => s.Id);
        removed["actions"] = await db.TeamActions.Where(a => a.LocalityId == loc && (a.PersonId == id || supports.Contains(a.SupportId))).ExecuteDeleteAsync(ct);
        var statements = db.PersonStatements.Where(s => s.LocalityId == loc && s.PersonId == id).Select(s => s.Id);
        removed["statement scores"] = await db.StatementScores.Where(s => s.LocalityId == loc && statements.Contains(s.StatementId)).ExecuteDeleteAsync(ct);
        removed["\"I\" statements"] = await db.PersonStatements.Where(s => s.LocalityId == loc && s.PersonId == id).ExecuteDeleteAsync(ct);
        var recordings = db.PlanRecordings.Where(r => r.LocalityId == loc && r.PersonId == id).Select(r => r.Id);
        await db.PlanRecordingContents.Where(c => c.LocalityId == loc && recordings.Contains(c.Id)).ExecuteDeleteAsync(ct);
        removed["recordings"] = await db.PlanRecordings.Where(r => r.LocalityId == loc && r.PersonId == id).ExecuteDeleteAsync(ct);
        removed["conversations"] = await db.GoodLifeConversations.Where(c => c.LocalityId == loc && (c.PersonId == id || (c.SupportId != null && supports.Contains(c.SupportId.Value)))).ExecuteDeleteAsync(ct);
        removed["what mattered"] = await db.WhatMattered.Where(w => w.LocalityId == loc && w.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Avoided.Where(a => a.LocalityId == loc && supports.Contains(a.SupportId)).ExecuteDeleteAsync(ct);
        await db.Involvements.Where(i => i.LocalityId == loc && supports.Contains(i.SupportId)).ExecuteDeleteAsync(ct);
        removed["their own casework"] = await db.Supports.Where(s => s.LocalityId == loc && s.PersonId == id).ExecuteDeleteAsync(ct);
        await db.NamedWorkers.Where(n => n.LocalityId == loc && n.PersonId == id).ExecuteDeleteAsync(ct);
        await db.FrontDoorHandovers.Where(h => h.LocalityId == loc && h.PersonId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.PersonId, (Guid?)null).SetProperty(h => h.LinkedBy, (string?)null).SetProperty(h => h.LinkedUtc, (DateTime?)null), ct);
        removed["condition evidence"] = await db.ConditionEvidence.Where(e => e.LocalityId == loc && e.PersonId == id).ExecuteDeleteAsync(ct);
        removed["activity records"] = await db.ActivityRecords.Where(r => r.LocalityId == loc && r.PersonId == id).ExecuteDeleteAsync(ct);
        removed["consents to sharing"] = await db.SharingConsents.Where(c => c.LocalityId == loc && c.PersonId == id).ExecuteDeleteAsync(ct);
        await db.People.Where(p => p.LocalityId == loc && p.Id == id).ExecuteDeleteAsync(ct);

        await FlowDataVersion.ChangedAsync(db, loc, ct);
        AuditTrail.Add(db, AuditEventType.PersonErased, AuditOperation.Delete, nameof(Person), id.ToString(), loc,
            $"Erased ({reason}): " + string.Join(", ", removed.Where(r => r.Value > 0).Select(r => $"{r.Value.ToString(CultureInfo.InvariantCulture)} {r.Key}")));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ErasureResult(removed);
    }

    private static async Task<DateOnly?> NewestDemandAsync(LocalFlowDb db, Person person, CancellationToken ct)
    {
        var ids = await Linking.DemandLinks.DemandsOfAsync(db, person.LocalityId, person.Id, ct);
        return ids.Count == 0 ? null : Day(await db.Demands.Where(d => d.LocalityId == person.LocalityId && ids.Contains(d.Id)).Select(d => (DateTime?)d.ReceivedAt).MaxAsync(ct));
    }

    private static DateOnly? Day(DateTime? utc) => utc is { } u ? DateOnly.FromDateTime(u) : null;

    private static DateOnly? Latest(params DateOnly?[] days) => days.Max();
}

/// <summary>An erasure refused: by the retention rules in <see cref="Holds"/>, or for want of a reason.</summary>
public sealed class ErasureRefusedException(IReadOnlyList<RetentionHold> holds, string message) : Exception(message)
{
    public IReadOnlyList<RetentionHold> Holds { get; } = holds;
}
