using System.Globalization;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Linking;

/// <summary>Who a demand came from, as the front door heard it: what linking compares. Any part may be missing.</summary>
public sealed record DemandDetails(string? GivenNames, string? Surname, DateOnly? DateOfBirth, string? Postcode, string? Phone);

/// <summary>
/// Demand-study records linked to people, so that a demand heard at a front door reaches the person's record.
/// A demand is linked through a source identity of its own (source <see cref="Source"/>, record id the demand's id):
/// the identifying details the front door took (name, date of birth, postcode, phone) go there, never on the demand,
/// so the demand study's figures cannot change. Linking runs compare these identities with the agencies' records like
/// any other source, and a person links one by hand from the demand's linking page. Visibility is the one rule:
/// a demand linked to a person the viewer may not see is hidden with that person
/// (<see cref="Visibility.SeenInFull(IQueryable{SourceIdentity}, LocalFlowDb, Viewer)"/>). Every change is audited.
/// </summary>
public static class DemandLinks
{
    /// <summary>The source name of demand-study identities (as agencies' extracts have "Police (Niche)").</summary>
    public const string Source = "Demand study";

    /// <summary>The record id a demand's identity carries: the demand's id.</summary>
    public static string RecordId(Guid demandId) => demandId.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>The demand's identity, or null when it has none yet (no details taken, never linked).</summary>
    public static Task<SourceIdentity?> IdentityAsync(LocalFlowDb db, int localityId, Guid demandId, CancellationToken ct = default)
    {
        var recordId = RecordId(demandId);
        return db.SourceIdentities.SingleOrDefaultAsync(s => s.LocalityId == localityId && s.Source == Source && s.SourceRecordId == recordId, ct);
    }

    /// <summary>The demand ids linked to a person, from their demand-study identities.</summary>
    public static async Task<IReadOnlyList<Guid>> DemandsOfAsync(LocalFlowDb db, int localityId, Guid personId, CancellationToken ct = default)
    {
        var ids = await db.SourceIdentities.AsNoTracking()
            .Where(s => s.LocalityId == localityId && s.Source == Source && s.PersonId == personId)
            .Select(s => s.SourceRecordId).ToListAsync(ct);
        return [.. ids.Select(i => Guid.TryParse(i, CultureInfo.InvariantCulture, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)];
    }

    /// <summary>
    /// Records who the demand came from (empty parts clear what was there). The next linking run compares these
    /// details with the agencies' records; a demand already linked stays with its person until then.
    /// </summary>
    public static async Task<SourceIdentity> SetDetailsAsync(LocalFlowDb db, Demand demand, DemandDetails details, CancellationToken ct = default)
    {
        var identity = await EnsureAsync(db, demand, ct);
        identity.GivenNames = Clean(details.GivenNames);
        identity.Surname = Clean(details.Surname);
        identity.DateOfBirth = details.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        identity.Postcode = Clean(details.Postcode)?.ToUpperInvariant();
        identity.Phone = Clean(details.Phone);
        identity.RecordDate = DateOnly.FromDateTime(demand.ReceivedAt);
        await db.SaveChangesAsync(ct);
        return identity;
    }

    /// <summary>
    /// Links a demand to a person by hand (remembered and audited). When the person already has agencies' records,
    /// "same person" is remembered against each of them, so later runs keep the demand with the person.
    /// </summary>
    public static async Task LinkAsync(LocalFlowDb db, Demand demand, Guid personId, string decidedBy, int? userId, string note, CancellationToken ct = default)
    {
        var identity = await EnsureAsync(db, demand, ct);
        if (identity.PersonId == personId)
        {
            throw new LinkingException("That demand is already linked to this person.");
        }
        await db.SaveChangesAsync(ct);
        var anchor = await db.SourceIdentities.AsNoTracking()
            .Where(s => s.LocalityId == demand.LocalityId && s.PersonId == personId && s.Id != identity.Id)
            .OrderBy(s => s.Source).ThenBy(s => s.SourceRecordId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (anchor is { } a)
        {
            await LinkingService.LinkManuallyAsync(db, demand.LocalityId, a, identity.Id, decidedBy, userId, note, ct);
            return;
        }
        identity.PersonId = personId;
        identity.LinkRunId = null;
        AuditTrail.Add(db, AuditEventType.LinkChanged, AuditOperation.Update, nameof(SourceIdentity), identity.Id.ToString(), demand.LocalityId,
            $"Demand {demand.Id} linked by hand to person {personId}: {note}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Takes a demand away from its person (remembered and audited): "not the same person" is remembered against each
    /// of the person's other records, so later runs do not link it back.
    /// </summary>
    public static async Task UnlinkAsync(LocalFlowDb db, Demand demand, string decidedBy, int? userId, string note, CancellationToken ct = default)
    {
        var identity = await IdentityAsync(db, demand.LocalityId, demand.Id, ct);
        if (identity?.PersonId is not { } former)
        {
            throw new LinkingException("That demand is not linked to anyone.");
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var others = await db.SourceIdentities.Where(s => s.LocalityId == demand.LocalityId && s.PersonId == former && s.Id != identity.Id).Select(s => s.Id).ToListAsync(ct);
        foreach (var other in others)
        {
            db.LinkDecisions.Add(new LinkDecision { LocalityId = demand.LocalityId, IdentityAId = identity.Id, IdentityBId = other, IsMatch = false, Origin = "manual unlink", DecidedBy = decidedBy, DecidedByUserId = userId, DecidedAt = now, Note = note });
        }
        identity.PersonId = null;
        identity.LinkRunId = null;
        AuditTrail.Add(db, AuditEventType.LinkChanged, AuditOperation.Update, nameof(SourceIdentity), identity.Id.ToString(), demand.LocalityId,
            $"Demand {demand.Id} unlinked by hand from person {former}: {note}");
        await db.SaveChangesAsync(ct);
    }

    private static async Task<SourceIdentity> EnsureAsync(LocalFlowDb db, Demand demand, CancellationToken ct)
    {
        if (await IdentityAsync(db, demand.LocalityId, demand.Id, ct) is { } existing)
        {
            return existing;
        }
        var identity = new SourceIdentity { LocalityId = demand.LocalityId, Source = Source, SourceRecordId = RecordId(demand.Id), RecordDate = DateOnly.FromDateTime(demand.ReceivedAt) };
        db.SourceIdentities.Add(identity);
        return identity;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
