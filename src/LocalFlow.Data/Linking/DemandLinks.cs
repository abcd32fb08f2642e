using System.Globalization;
using LocalFlow.Analytics.Linking;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Linking;

/// <summary>Who a demand came from, as the front door heard it: what linking compares. Any part may be missing.</summary>
public sealed record DemandDetails(string? GivenNames, string? Surname, DateOnly? DateOfBirth, string? Postcode, string? Phone);

/// <summary>One demand of a bulk link (<see cref="DemandLinks.LinkStudyAsync"/>) and what became of it.</summary>
/// <param name="DemandId">The demand.</param>
/// <param name="Outcome">Linked, left for review, could be more than one person, or no match.</param>
/// <param name="PersonId">The person it was linked to, when linked.</param>
/// <param name="Weight">The strongest match weight (bits) with a known person's record, when there was a candidate.</param>
/// <param name="Reason">Why, in plain words.</param>
public sealed record DemandLinkLine(Guid DemandId, AttachmentOutcome Outcome, Guid? PersonId, double? Weight, string Reason);

/// <summary>What a bulk link of a study's demands did (<see cref="DemandLinks.LinkStudyAsync"/>).</summary>
/// <param name="StudyId">The study.</param>
/// <param name="Service">The service studied.</param>
/// <param name="Demands">How many demands the study holds.</param>
/// <param name="WithDetails">How many carry details linking can compare (a surname, date of birth, NHS number or other id).</param>
/// <param name="AlreadyLinked">How many of those were linked to a person before (left as they are).</param>
/// <param name="Lines">One line per demand that was tried (with details, not linked before).</param>
public sealed record DemandStudyLinkReport(int StudyId, string Service, int Demands, int WithDetails, int AlreadyLinked, IReadOnlyList<DemandLinkLine> Lines)
{
    /// <summary>How many demands had an outcome.</summary>
    public int Count(AttachmentOutcome outcome) => Lines.Count(l => l.Outcome == outcome);
}

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

    /// <summary>
    /// Links every demand of a study that carries details (<see cref="SetDetailsAsync"/>) and no person yet to the
    /// person it came from, in one go and all or nothing. The demands' details are linked with every record of the
    /// locality as a linking run would (the same model, remembered decisions and earlier people), but only those
    /// demands change: a demand joins a person when the run puts it with that one person's records and nothing flags
    /// them (<see cref="Attachments.Decide"/>); the rest are reported for a person to decide on the demand's linking
    /// page. Each link is audited, with one entry for the whole. Refused while a linking run is running.
    /// </summary>
    public static async Task<DemandStudyLinkReport> LinkStudyAsync(LocalFlowDb db, int localityId, int studyId, CancellationToken ct = default)
    {
        var study = await db.DemandStudies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == studyId && s.LocalityId == localityId, ct)
            ?? throw new LinkingException($"There is no demand study {studyId} in this locality.");
        if (await db.LinkRuns.AnyAsync(r => r.LocalityId == localityId && r.Status == LinkRunStatus.Running, ct))
        {
            throw new LinkingException("Linking is running for this locality; wait for it to finish.");
        }
        var demandIds = (await db.Demands.AsNoTracking().Where(d => d.LocalityId == localityId && d.StudyId == studyId).Select(d => d.Id).ToListAsync(ct))
            .ToDictionary(RecordId, id => id, StringComparer.Ordinal);
        var ofStudy = (await db.SourceIdentities.AsNoTracking().Where(s => s.LocalityId == localityId && s.Source == Source).ToListAsync(ct))
            .Where(s => demandIds.ContainsKey(s.SourceRecordId) && LinkingService.Linkable(s)).ToList();
        var alreadyLinked = ofStudy.Count(s => s.PersonId is not null);
        if (ofStudy.Count == alreadyLinked)
        {
            return new DemandStudyLinkReport(studyId, study.Service, demandIds.Count, ofStudy.Count, alreadyLinked, []);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var options = new LinkageOptions();
        var identities = await LinkingService.PrepareAsync(db, localityId, options, ct);
        var result = Linker.Run(new ClearTextSchema([.. identities.Select(LinkingService.ToRecord)]), options);
        var targets = Enumerable.Range(0, identities.Count)
            .Where(i => identities[i].Source == Source && identities[i].PersonId is null && demandIds.ContainsKey(identities[i].SourceRecordId)).ToList();
        var lines = new List<DemandLinkLine>(targets.Count);
        foreach (var a in Attachments.Decide(result, targets, i => identities[i].PersonId?.ToString("N")))
        {
            var identity = identities[a.Record];
            var demandId = demandIds[identity.SourceRecordId];
            Guid? person = a.Person is null ? null : Guid.ParseExact(a.Person, "N");
            if (person is { } p)
            {
                identity.PersonId = p;
                identity.LinkRunId = null;
                AuditTrail.Add(db, AuditEventType.LinkChanged, AuditOperation.Update, nameof(SourceIdentity), identity.Id.ToString(), localityId,
                    $"Demand {demandId} linked to person {p} by linking study {studyId}'s demands in bulk (weight {a.BestWeight?.ToString("F1", CultureInfo.InvariantCulture)})");
            }
            lines.Add(new DemandLinkLine(demandId, a.Outcome, person, a.BestWeight is { } w ? Math.Round(w, 1) : null, a.Reason));
        }
        var report = new DemandStudyLinkReport(studyId, study.Service, demandIds.Count, ofStudy.Count, alreadyLinked, lines);
        AuditTrail.Add(db, AuditEventType.LinkChanged, AuditOperation.Update, nameof(DemandStudy), studyId.ToString(CultureInfo.InvariantCulture), localityId,
            $"Linked study {studyId}'s demands in bulk: {report.Count(AttachmentOutcome.Linked)} linked, {report.Count(AttachmentOutcome.Review)} for review, "
            + $"{report.Count(AttachmentOutcome.MoreThanOnePerson)} could be more than one person, {report.Count(AttachmentOutcome.NoMatch)} no match");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return report;
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
