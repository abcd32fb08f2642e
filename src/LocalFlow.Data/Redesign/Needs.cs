using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Redesign;

/// <summary>A need as typed into the form.</summary>
public sealed class NeedInput
{
    public string? Title { get; set; }
    public NeedOf? Who { get; set; }
    public string? Area { get; set; }
    public string? Description { get; set; }
    public NeedEvidenceKind? EvidenceKind { get; set; }
    public string? Evidence { get; set; }
    public int? DemandStudyId { get; set; }
    /// <summary>The first stage of the user pathway the need is placed on (optional).</summary>
    public Analytics.Redesign.LifeStage? FirstStage { get; set; }
    /// <summary>The last stage (optional; none means the first stage only).</summary>
    public Analytics.Redesign.LifeStage? LastStage { get; set; }
    /// <summary>The version the need was read at, when changing one.</summary>
    public int Version { get; set; }

    public static NeedInput From(Need n) => new()
    {
        Title = n.Title,
        Who = n.Who,
        Area = n.Area,
        Description = n.Description,
        EvidenceKind = n.EvidenceKind,
        Evidence = n.Evidence,
        DemandStudyId = n.DemandStudyId,
        FirstStage = n.FirstStage,
        LastStage = n.LastStage,
        Version = n.Version,
    };
}

/// <summary>The outcome of changing a need: saved, or refused because someone else changed it first (with what they saved).</summary>
public sealed record NeedSave(bool Saved, Need Current);

/// <summary>
/// A need with its evidence in aggregate: for a demand study, its service and how many demands it heard and how many
/// of them were failure demand (counts under 5 withheld); and how many commissioning questions were raised from it.
/// </summary>
public sealed record NeedView(Need Need, string? StudyService, long? StudyDemands, long? StudyFailureDemands, int Questions);

/// <summary>The needs database: the needs of communities and families, each with its evidence, in plain words.</summary>
public static class Needs
{
    /// <summary>The locality's needs (communities first, then families; by title), optionally of one kind, with their evidence.</summary>
    public static async Task<IReadOnlyList<NeedView>> ListAsync(LocalFlowDb db, int localityId, NeedOf? who = null, CancellationToken ct = default)
    {
        var q = db.Needs.AsNoTracking().Where(n => n.LocalityId == localityId);
        if (who is NeedOf w)
        {
            q = q.Where(n => n.Who == w);
        }
        var needs = await q.OrderBy(n => n.Who).ThenBy(n => n.Title).ThenBy(n => n.Id).ToListAsync(ct);
        return await ViewsAsync(db, localityId, needs, ct);
    }

    /// <summary>The need of the locality with its evidence, or null.</summary>
    public static async Task<NeedView?> FindAsync(LocalFlowDb db, int localityId, Guid id, CancellationToken ct = default)
    {
        var need = await db.Needs.AsNoTracking().SingleOrDefaultAsync(n => n.LocalityId == localityId && n.Id == id, ct);
        return need is null ? null : (await ViewsAsync(db, localityId, [need], ct))[0];
    }

    private static async Task<IReadOnlyList<NeedView>> ViewsAsync(LocalFlowDb db, int localityId, List<Need> needs, CancellationToken ct)
    {
        var studyIds = needs.Where(n => n.DemandStudyId is not null).Select(n => n.DemandStudyId!.Value).Distinct().ToList();
        var studies = await db.DemandStudies.AsNoTracking().Where(s => s.LocalityId == localityId && studyIds.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                s.Service,
                Demands = db.Demands.Count(d => d.StudyId == s.Id),
                Failure = db.Demands.Count(d => d.StudyId == s.Id && d.Nature == DemandNature.Failure),
            }).ToDictionaryAsync(s => s.Id, ct);
        var ids = needs.Select(n => (Guid?)n.Id).ToList();
        var questions = await db.CommissioningQuestions.AsNoTracking().Where(x => x.LocalityId == localityId && ids.Contains(x.NeedId))
            .GroupBy(x => x.NeedId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.N, ct);
        return needs.Select(n =>
        {
            var s = n.DemandStudyId is int sid && studies.TryGetValue(sid, out var found) ? found : null;
            return new NeedView(n, s?.Service, s is null ? null : Analytics.Disclosure.Count(s.Demands), s is null ? null : Analytics.Disclosure.Count(s.Failure), questions.GetValueOrDefault(n.Id));
        }).ToList();
    }

    /// <summary>Records a need.</summary>
    /// <exception cref="RedesignInputException">A field is missing or wrong (every problem, by field).</exception>
    public static async Task<Need> AddAsync(LocalFlowDb db, int localityId, NeedInput input, string by, CancellationToken ct = default)
        => (await SaveAsync(db, localityId, null, input, by, ct))!.Current;

    /// <summary>
    /// Records a need (<paramref name="id"/> null) or changes one. A change made from an older version than the stored
    /// one is refused and the stored need comes back, so the form shows both and keeps what was typed. Null when the
    /// need is not the locality's.
    /// </summary>
    /// <exception cref="RedesignInputException">A field is missing or wrong (every problem, by field).</exception>
    public static async Task<NeedSave?> SaveAsync(LocalFlowDb db, int localityId, Guid? id, NeedInput input, string by, CancellationToken ct = default)
    {
        Need? stored = null;
        if (id is Guid g && (stored = await db.Needs.SingleOrDefaultAsync(n => n.LocalityId == localityId && n.Id == g, ct)) is null)
        {
            return null;
        }
        if (stored is not null && stored.Version != input.Version)
        {
            return new(false, stored);
        }
        var errors = new Dictionary<string, string>();
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors["Title"] = "Describe the need in a few plain words, for example \"Older people on the Meadows are lonely\".";
        }
        else if (title.Length > 300)
        {
            errors["Title"] = $"The need must be 300 characters or fewer; it is {title.Length}.";
        }
        if (input.Who is not (NeedOf.Community or NeedOf.Families))
        {
            errors["Who"] = "Choose whether it is a community's need or families' need.";
        }
        if (input.EvidenceKind is not NeedEvidenceKind kind || !Enum.IsDefined(kind))
        {
            errors["EvidenceKind"] = "Choose what the need rests on.";
        }
        else if (kind == NeedEvidenceKind.DemandStudy)
        {
            if (input.DemandStudyId is not int sid || !await db.DemandStudies.AnyAsync(s => s.LocalityId == localityId && s.Id == sid, ct))
            {
                errors["DemandStudyId"] = "Choose the demand study the need rests on.";
            }
        }
        else if (string.IsNullOrWhiteSpace(input.Evidence))
        {
            errors["Evidence"] = "Say what the evidence is: the finding, the consultation theme, or what many people said matters to them.";
        }
        if ((input.Evidence ?? "").Trim().Length > 1000)
        {
            errors["Evidence"] = "The evidence must be 1,000 characters or fewer.";
        }
        if ((input.Area ?? "").Trim().Length > 200)
        {
            errors["Area"] = "The area must be 200 characters or fewer.";
        }
        if (input.FirstStage is { } first && !Enum.IsDefined(first))
        {
            errors["FirstStage"] = "Choose a stage of life from the list.";
        }
        else if (input.LastStage is { } last && (!Enum.IsDefined(last) || input.FirstStage is null || last < input.FirstStage))
        {
            errors["LastStage"] = input.FirstStage is null
                ? "Choose the first stage of life too, or leave both empty."
                : "The last stage of life must be the first stage or a later one.";
        }
        if (errors.Count > 0)
        {
            throw new RedesignInputException(errors);
        }
        var need = stored ?? db.Needs.Add(new Need { LocalityId = localityId, Title = title, RecordedBy = by, RecordedUtc = db.Clock.GetUtcNow().UtcDateTime }).Entity;
        need.Title = title;
        need.Who = input.Who!.Value;
        need.Area = (input.Area ?? "").Trim();
        need.Description = (input.Description ?? "").Trim();
        need.EvidenceKind = input.EvidenceKind!.Value;
        need.Evidence = (input.Evidence ?? "").Trim();
        need.DemandStudyId = input.EvidenceKind == NeedEvidenceKind.DemandStudy ? input.DemandStudyId : null;
        need.FirstStage = input.FirstStage;
        need.LastStage = input.FirstStage is null ? null : input.LastStage ?? input.FirstStage;
        if (stored is not null)
        {
            need.UpdatedBy = by;
        }
        need.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            return new(true, need);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(false, await db.Needs.AsNoTracking().SingleAsync(x => x.Id == need.Id, ct));
        }
    }

    /// <summary>
    /// Removes a need of the locality; false when there is none. Questions raised from it keep their words, and their
    /// page says the need has since been removed.
    /// </summary>
    public static async Task<bool> RemoveAsync(LocalFlowDb db, int localityId, Guid id, CancellationToken ct = default)
        => await db.Needs.Where(n => n.LocalityId == localityId && n.Id == id).ExecuteDeleteAsync(ct) > 0;
}
