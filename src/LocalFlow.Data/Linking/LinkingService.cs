using System.Globalization;
using System.Text.Json;
using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Privacy;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Linking;

/// <summary>A person's decision in the review queue or a manual link/unlink went wrong in a way they can fix.</summary>
public sealed class LinkingException(string message) : Exception(message);

/// <summary>
/// Runs record linkage over a locality's source identities and keeps its results: which person each source
/// record is about, the review queue, remembered decisions. The engine is <see cref="Linker"/> (LocalFlow.Analytics).
/// </summary>
public static class LinkingService
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The engine's view of one stored source record.</summary>
    public static LinkRecord ToRecord(SourceIdentity s) => new()
    {
        Source = s.Source,
        RecordId = s.SourceRecordId,
        GivenNames = s.GivenNames,
        Surname = s.Surname,
        PreviousSurnames = s.PreviousSurnames,
        DateOfBirth = s.DateOfBirth,
        Sex = s.Sex,
        AddressLines = string.IsNullOrWhiteSpace(s.AddressLine) ? [] : [s.AddressLine],
        HouseNumber = s.HouseNumber,
        Postcode = s.Postcode,
        NhsNumber = s.NhsNumber,
        OtherId = s.OtherId,
        Phone = s.Phone,
        Email = s.Email,
        RecordDate = s.RecordDate,
    };

    /// <summary>
    /// Starts a run: records it as running, so that pages can show it, and returns it. A privacy-preserving run links
    /// on Bloom-filter encodings only (see <see cref="LinkWithinTransactionAsync"/>).
    /// </summary>
    public static async Task<LinkRun> StartAsync(LocalFlowDb db, int localityId, string startedBy, int? userId, bool privacyPreserving = false, CancellationToken ct = default)
    {
        if (await db.LinkRuns.AnyAsync(r => r.LocalityId == localityId && r.Status == LinkRunStatus.Running, ct))
        {
            throw new LinkingException("Linking is already running for this locality; wait for it to finish.");
        }
        var run = new LinkRun { LocalityId = localityId, StartedAt = db.Clock.GetUtcNow().UtcDateTime, StartedBy = startedBy, StartedByUserId = userId, Status = LinkRunStatus.Running, Stage = "starting", PrivacyPreserving = privacyPreserving };
        db.LinkRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>
    /// Links every source identity of the run's locality, as one unit: the people each record belongs to,
    /// new people for records that match nobody known, and a fresh review queue. Earlier decisions are applied
    /// and earlier person ids kept (a cluster keeps the id most of its members had).
    /// On failure nothing changes except the run, which is marked failed with the reason.
    /// </summary>
    public static async Task<LinkRun> RunAsync(LocalFlowDb db, int runId, IProgress<LinkageProgress>? progress = null, LinkageOptions? options = null, CancellationToken ct = default)
    {
        var run = await db.LinkRuns.SingleAsync(r => r.Id == runId, ct);
        using var timing = Telemetry.Start("localflow.linking.run", Telemetry.LinkingDuration, run.PrivacyPreserving ? "encoded" : "clear", run.LocalityId);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await LinkWithinTransactionAsync(db, run, progress, options ?? new LinkageOptions(), ct);
            run.Status = LinkRunStatus.Finished;
            run.FinishedAt = db.Clock.GetUtcNow().UtcDateTime;
            run.Stage = "finished";
            run.Progress = 1;
            AuditTrail.Add(db, AuditEventType.LinkChanged, AuditOperation.Update, nameof(LinkRun), run.Id.ToString(CultureInfo.InvariantCulture), run.LocalityId,
                $"Linked {run.Records} records into {run.People} people ({run.NewPeople} new); {run.ForReview} pairs for review");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            Telemetry.LinkingRecords.Record(run.Records, timing.Tag(Telemetry.OutcomeTag, "finished").Tags);
        }
        catch (Exception ex) when (ex is LinkageInputException or LinkingException or InvalidOperationException or DbUpdateException)
        {
            timing.Tag(Telemetry.OutcomeTag, "failed");
            db.ChangeTracker.Clear();
            run = await db.LinkRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);
            run.Status = LinkRunStatus.Failed;
            run.Error = ex.Message;
            run.FinishedAt = db.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return run;
    }

    /// <summary>The linking itself, inside a transaction the caller owns (the demo's, or <see cref="RunAsync"/>'s).</summary>
    internal static async Task LinkWithinTransactionAsync(LocalFlowDb db, LinkRun run, IProgress<LinkageProgress>? progress, LinkageOptions options, CancellationToken ct)
    {
        var localityId = run.LocalityId;
        var identities = await PrepareAsync(db, localityId, options, ct);
        options.Progress = progress;
        var byKey = identities.ToDictionary(s => (s.Source, s.SourceRecordId));
        List<LinkRecord> records = [.. identities.Select(ToRecord)];
        // Privacy-preserving: every record is encoded as keyed Bloom filters with a secret made for this run and
        // forgotten after it, and only the encodings are compared (as `localflow link --encoded` does with agencies'
        // own encodings), so the results show what linking without sharing names gives.
        LinkageSchema schema = run.PrivacyPreserving
            ? new BloomSchema(new BloomEncoder(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).Encode(records))
            : new ClearTextSchema(records);
        var result = Linker.Run(schema, options);
        var report = result.Report();

        // People: a cluster keeps the person most of its members had; a new cluster becomes a new person,
        // named from its most recently recorded member.
        var known = await db.People.Where(p => p.LocalityId == localityId).Select(p => p.Id).ToListAsync(ct);
        var knownSet = known.ToHashSet();
        var newPeople = 0;
        foreach (var cluster in result.Clusters.People)
        {
            Guid personId;
            if (Guid.TryParseExact(cluster.PersonId, "N", out var existing) && knownSet.Contains(existing))
            {
                personId = existing;
            }
            else
            {
                var members = cluster.Members.Select(m => byKey[(schema.Sources[schema.SourceIndex(m)], schema.RecordId(m))]).ToList();
                var best = members.OrderByDescending(m => m.RecordDate ?? DateOnly.MinValue).ThenBy(m => m.Source, StringComparer.Ordinal).First();
                var person = new Person
                {
                    LocalityId = localityId,
                    GivenName = FirstWord(best.GivenNames) ?? "(not known)",
                    FamilyName = best.Surname ?? "(not known)",
                    DateOfBirth = DateOnly.TryParseExact(best.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob) ? dob : null,
                    Sex = best.Sex,
                    NhsNumber = members.Select(m => m.NhsNumber).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
                    Phone = best.Phone,
                    Email = best.Email,
                };
                db.People.Add(person);
                knownSet.Add(person.Id);
                personId = person.Id;
                newPeople++;
            }
            foreach (var m in cluster.Members)
            {
                var identity = byKey[(schema.Sources[schema.SourceIndex(m)], schema.RecordId(m))];
                if (identity.PersonId != personId)
                {
                    identity.PersonId = personId;
                    identity.LinkRunId = run.Id;
                }
            }
        }

        // A fresh review queue: pairs between the thresholds that nobody has decided yet.
        await db.LinkReviews.Where(r => r.LocalityId == localityId && r.Status == LinkReviewStatus.Pending).ExecuteDeleteAsync(ct);
        var flaggedMembers = result.Clusters.People.Where(c => c.Flagged).SelectMany(c => c.Members).ToHashSet();
        var reviews = result.PairsWith(PairDecision.Review);
        foreach (var pair in reviews)
        {
            var a = byKey[(schema.Sources[schema.SourceIndex(pair.A)], schema.RecordId(pair.A))];
            var b = byKey[(schema.Sources[schema.SourceIndex(pair.B)], schema.RecordId(pair.B))];
            var explanation = result.Explain(pair.Index);
            db.LinkReviews.Add(new LinkReview
            {
                LocalityId = localityId,
                LinkRunId = run.Id,
                IdentityAId = a.Id,
                IdentityBId = b.Id,
                Weight = Math.Round(pair.Weight, 3),
                Probability = explanation.Probability,
                ExplanationJson = JsonSerializer.Serialize(explanation, Json),
                ClusterFlagged = flaggedMembers.Contains(pair.A) || flaggedMembers.Contains(pair.B),
            });
        }

        run.Records = identities.Count;
        run.CandidatePairs = result.Pairs.Count;
        run.LinkedPairs = (int)(report.Links + report.DecidedLinks);
        run.ForReview = reviews.Count;
        run.People = result.Clusters.People.Count;
        run.NewPeople = newPeople;
        run.ClustersFlagged = report.FlaggedClusters;
        run.LinkThreshold = report.LinkThreshold;
        run.ReviewThreshold = report.ReviewThreshold;
        run.ModelJson = result.Model.ToJson();
        run.ReportJson = JsonSerializer.Serialize(report, Json);
    }

    /// <summary>
    /// The locality's records a run compares (those with something to compare, in a fixed order), with the remembered
    /// decisions and earlier person ids set on <paramref name="options"/>. Shared by runs and bulk demand linking.
    /// </summary>
    internal static async Task<List<SourceIdentity>> PrepareAsync(LocalFlowDb db, int localityId, LinkageOptions options, CancellationToken ct)
    {
        // A record with nothing to compare (a demand linked by hand before any details were taken) stays as it is.
        var identities = (await db.SourceIdentities.Where(s => s.LocalityId == localityId).OrderBy(s => s.Source).ThenBy(s => s.SourceRecordId).ToListAsync(ct))
            .Where(Linkable).ToList();
        if (identities.Count < 2)
        {
            throw new LinkingException("There are fewer than two source records to link. Import agencies' extracts first.");
        }
        var byId = identities.ToDictionary(s => s.Id);
        var decisions = await db.LinkDecisions.Where(d => d.LocalityId == localityId).OrderBy(d => d.DecidedAt).ToListAsync(ct);
        var remembered = new List<PairDecisionRecord>();
        foreach (var d in decisions)
        {
            if (byId.TryGetValue(d.IdentityAId, out var a) && byId.TryGetValue(d.IdentityBId, out var b))
            {
                remembered.Add(new PairDecisionRecord(a.Source, a.SourceRecordId, b.Source, b.SourceRecordId, d.IsMatch));
            }
        }
        options.Decisions = remembered;
        options.PreviousPersonIds = identities.Where(s => s.PersonId is not null).ToDictionary(s => (s.Source, s.SourceRecordId), s => s.PersonId!.Value.ToString("N"));
        return identities;
    }

    /// <summary>Whether a source record carries anything linking can compare (a surname, date of birth, NHS number or other id).</summary>
    public static bool Linkable(SourceIdentity s)
        => !string.IsNullOrWhiteSpace(s.Surname) || !string.IsNullOrWhiteSpace(s.DateOfBirth) || !string.IsNullOrWhiteSpace(s.NhsNumber) || !string.IsNullOrWhiteSpace(s.OtherId);

    private static string? FirstWord(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Split(' ', 2)[0];

    /// <summary>The explanation stored with a review pair (each comparison's contribution, for the waterfall).</summary>
    public static PairExplanation? Explanation(LinkReview review) => JsonSerializer.Deserialize<PairExplanation>(review.ExplanationJson, Json);

    /// <summary>The quality report stored with a run.</summary>
    public static QualityReport? Report(LinkRun run) => run.ReportJson is null ? null : JsonSerializer.Deserialize<QualityReport>(run.ReportJson, Json);

    /// <summary>
    /// A reviewer accepts (same person) or rejects (different people) a pair. The decision is remembered for
    /// every later run; accepting also puts both records with one person now.
    /// </summary>
    public static async Task DecideAsync(LocalFlowDb db, int localityId, Guid reviewId, bool accept, string decidedBy, int? userId, CancellationToken ct = default)
    {
        var review = await db.LinkReviews.SingleOrDefaultAsync(r => r.LocalityId == localityId && r.Id == reviewId, ct)
            ?? throw new LinkingException("That pair is no longer in the review queue.");
        if (review.Status != LinkReviewStatus.Pending)
        {
            throw new LinkingException($"That pair was already decided by {review.DecidedBy}.");
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        review.Status = accept ? LinkReviewStatus.Accepted : LinkReviewStatus.Rejected;
        review.DecidedBy = decidedBy;
        review.DecidedByUserId = userId;
        review.DecidedAt = now;
        db.LinkDecisions.Add(new LinkDecision { LocalityId = localityId, IdentityAId = review.IdentityAId, IdentityBId = review.IdentityBId, IsMatch = accept, Origin = "review", DecidedBy = decidedBy, DecidedByUserId = userId, DecidedAt = now });
        if (accept)
        {
            await JoinAsync(db, localityId, review.IdentityAId, review.IdentityBId, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Manually links two source records as the same person (remembered, audited).</summary>
    public static async Task LinkManuallyAsync(LocalFlowDb db, int localityId, Guid identityA, Guid identityB, string decidedBy, int? userId, string? note, CancellationToken ct = default)
    {
        if (identityA == identityB)
        {
            throw new LinkingException("A record cannot be linked to itself.");
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        db.LinkDecisions.Add(new LinkDecision { LocalityId = localityId, IdentityAId = identityA, IdentityBId = identityB, IsMatch = true, Origin = "manual link", DecidedBy = decidedBy, DecidedByUserId = userId, DecidedAt = now, Note = note });
        // Linking B to A's person says B is the same person as each of that person's records: this outweighs any
        // earlier "not the same person" between B and them (the latest decision on a pair is the one applied).
        var personOfA = await db.SourceIdentities.Where(s => s.LocalityId == localityId && s.Id == identityA).Select(s => s.PersonId).SingleOrDefaultAsync(ct);
        if (personOfA is { } pa)
        {
            var siblings = await db.SourceIdentities.Where(s => s.LocalityId == localityId && s.PersonId == pa && s.Id != identityA && s.Id != identityB).Select(s => s.Id).ToListAsync(ct);
            foreach (var sibling in siblings)
            {
                db.LinkDecisions.Add(new LinkDecision { LocalityId = localityId, IdentityAId = sibling, IdentityBId = identityB, IsMatch = true, Origin = "manual link", DecidedBy = decidedBy, DecidedByUserId = userId, DecidedAt = now, Note = note });
            }
        }
        await JoinAsync(db, localityId, identityA, identityB, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Manually takes a source record away from its person: it becomes a person of its own, and "not the same
    /// person" is remembered against every record it was linked with (remembered, audited). This is rectification:
    /// the activity records its agency holds under the former person move with it to the new person, so one person's
    /// history is not left on another's — unless the former person keeps another record of that agency, when which
    /// activity belongs to whom cannot be told and nothing moves. Returns how many activity records moved (the move is
    /// audited and, being saved with the rest, stamps a new flow data version).
    /// </summary>
    public static async Task<int> UnlinkAsync(LocalFlowDb db, int localityId, Guid identityId, string decidedBy, int? userId, string? note, CancellationToken ct = default)
    {
        var identity = await db.SourceIdentities.SingleOrDefaultAsync(s => s.LocalityId == localityId && s.Id == identityId, ct)
            ?? throw new LinkingException("That source record does not exist.");
        if (identity.PersonId is null)
        {
            throw new LinkingException("That source record is not linked to anyone.");
        }
        var others = await db.SourceIdentities.Where(s => s.LocalityId == localityId && s.PersonId == identity.PersonId && s.Id != identityId).ToListAsync(ct);
        if (others.Count == 0)
        {
            throw new LinkingException("That source record is the only one for its person; there is nothing to unlink it from.");
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var other in others)
        {
            db.LinkDecisions.Add(new LinkDecision { LocalityId = localityId, IdentityAId = identity.Id, IdentityBId = other.Id, IsMatch = false, Origin = "manual unlink", DecidedBy = decidedBy, DecidedByUserId = userId, DecidedAt = now, Note = note });
        }
        var person = new Person
        {
            LocalityId = localityId,
            GivenName = FirstWord(identity.GivenNames) ?? "(not known)",
            FamilyName = identity.Surname ?? "(not known)",
            DateOfBirth = DateOnly.TryParseExact(identity.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob) ? dob : null,
            Sex = identity.Sex,
            NhsNumber = identity.NhsNumber,
        };
        db.People.Add(person);
        var former = identity.PersonId.Value;
        identity.PersonId = person.Id;
        var moved = 0;
        if (identity.AgencyId is { } agency && !others.Any(o => o.AgencyId == agency))
        {
            var activity = await db.ActivityRecords.Where(r => r.LocalityId == localityId && r.PersonId == former && r.AgencyId == agency).ToListAsync(ct);
            foreach (var record in activity)
            {
                record.PersonId = person.Id;
            }
            moved = activity.Count;
            if (moved > 0)
            {
                AuditTrail.Add(db, AuditEventType.LinkChanged, AuditOperation.Update, nameof(ActivityRecord), identity.Id.ToString(), localityId,
                    $"Unlinked {identity.Source} record {identity.SourceRecordId}: its agency's {moved} activity records moved from person {former} to person {person.Id}");
            }
        }
        await db.SaveChangesAsync(ct);
        return moved;
    }

    private static async Task JoinAsync(LocalFlowDb db, int localityId, Guid identityA, Guid identityB, CancellationToken ct)
    {
        var pair = await db.SourceIdentities.Where(s => s.LocalityId == localityId && (s.Id == identityA || s.Id == identityB)).ToListAsync(ct);
        if (pair.Count != 2)
        {
            throw new LinkingException("One of the two source records does not exist.");
        }
        var a = pair.Single(s => s.Id == identityA);
        var b = pair.Single(s => s.Id == identityB);
        if (a.PersonId is null && b.PersonId is null)
        {
            var person = new Person { LocalityId = localityId, GivenName = FirstWord(a.GivenNames) ?? "(not known)", FamilyName = a.Surname ?? "(not known)", Sex = a.Sex, NhsNumber = a.NhsNumber ?? b.NhsNumber };
            db.People.Add(person);
            a.PersonId = b.PersonId = person.Id;
            return;
        }
        var target = a.PersonId ?? b.PersonId!.Value;
        var moving = a.PersonId is { } pa && b.PersonId is { } pb && pa != pb ? pb : (Guid?)null;
        a.PersonId = target;
        b.PersonId = target;
        if (moving is { } from)
        {
            // Everything known of B's person now belongs to A's person.
            var rest = await db.SourceIdentities.Where(s => s.LocalityId == localityId && s.PersonId == from).ToListAsync(ct);
            foreach (var s in rest)
            {
                s.PersonId = target;
            }
        }
    }
}
