using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>What the team knows about a household or person it works with, loaded once for the person page and the forms.</summary>
public sealed class LocalityView
{
    public required Support? Support { get; init; }
    public required IReadOnlyList<Person> Members { get; init; }
    public required IReadOnlyList<WhatMattered> Mattered { get; init; }
    public required IReadOnlyList<GoodLifeConversation> Conversations { get; init; }
    public required IReadOnlyList<TeamAction> Actions { get; init; }
    public required IReadOnlyList<(Involvement Involvement, string Name)> Involved { get; init; }
    public required IReadOnlyList<Avoided> Avoided { get; init; }
    public required IReadOnlyDictionary<int, string> WorkerNames { get; init; }
    public required IReadOnlyDictionary<Guid, string> EntryNames { get; init; }

    /// <summary>
    /// The person and everyone in their household the viewer sees in full (the unit of work), oldest first:
    /// <see cref="Visibility.HouseholdSeenWith"/> decides, so a restricted member stays hidden from a worker not named on them.
    /// </summary>
    public static async Task<LocalityView> LoadAsync(LocalFlowDb db, Viewer viewer, Person person, bool seenInFull, CancellationToken ct = default)
    {
        var loc = person.LocalityId;
        var members = person.HouseholdId is not null && seenInFull
            ? await db.People.AsNoTracking().HouseholdSeenWith(db, viewer, person, seenInFull, includeSelf: true).OrderBy(p => p.DateOfBirth).ThenBy(p => p.Id).ToListAsync(ct)
            : [person];
        var ids = members.Select(m => m.Id).ToList();
        var support = await new Data.LocalityWork.Supports(db).ForPersonAsync(person, ct);
        var mattered = await db.WhatMattered.AsNoTracking().Where(m => m.LocalityId == loc && ids.Contains(m.PersonId) && m.RemovedUtc == null).OrderBy(m => m.AskedOn).ToListAsync(ct);
        var conversations = await db.GoodLifeConversations.AsNoTracking().Where(c => c.LocalityId == loc && ids.Contains(c.PersonId) && c.RemovedUtc == null).OrderByDescending(c => c.HeldOn).ToListAsync(ct);
        List<TeamAction> actions = [];
        List<(Involvement, string)> involved = [];
        List<Avoided> avoided = [];
        if (support is not null)
        {
            actions = await db.TeamActions.AsNoTracking().Where(a => a.LocalityId == loc && a.SupportId == support.Id && a.RemovedUtc == null).OrderBy(a => a.When).ToListAsync(ct);
            var inv = await db.Involvements.AsNoTracking().Include(i => i.Worker).Where(i => i.LocalityId == loc && i.SupportId == support.Id && i.RemovedUtc == null).ToListAsync(ct);
            avoided = await db.Avoided.AsNoTracking().Where(a => a.LocalityId == loc && a.SupportId == support.Id && a.RemovedUtc == null).OrderBy(a => a.On).ToListAsync(ct);
            var entryIds = inv.Where(i => i.DirectoryEntryId != null).Select(i => i.DirectoryEntryId!.Value).ToList();
            var entries = await db.DirectoryEntries.AsNoTracking().Where(e => e.LocalityId == loc && entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
            involved = inv.Select(i => (i, i.Worker?.Name ?? (i.DirectoryEntryId is Guid d && entries.TryGetValue(d, out var n) ? n : PersonText.Unknown))).ToList();
        }
        var workerIds = actions.Where(a => a.WorkerId != null).Select(a => a.WorkerId!.Value).Append(support?.KeyWorkerId ?? 0).Distinct().ToList();
        var workers = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var actionEntries = actions.Where(a => a.DirectoryEntryId != null).Select(a => a.DirectoryEntryId!.Value).Distinct().ToList();
        var entryNames = await db.DirectoryEntries.AsNoTracking().Where(e => e.LocalityId == loc && actionEntries.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return new LocalityView
        {
            Support = support,
            Members = members,
            Mattered = mattered,
            Conversations = conversations,
            Actions = actions,
            Involved = involved,
            Avoided = avoided,
            WorkerNames = workers,
            EntryNames = entryNames,
        };
    }

    /// <summary>The workers of the locality's team, by name, as options for "key worker" and "name a worker" (empty with no team).</summary>
    public static async Task<IReadOnlyList<(string Value, string Text)>> TeamWorkersAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        var team = await db.LocalityTeams.AsNoTracking().SingleOrDefaultAsync(t => t.LocalityId == localityId, ct);
        return team is null ? [] : (await db.Workers.AsNoTracking().Where(w => w.AgencyId == team.AgencyId).OrderBy(w => w.Name).ToListAsync(ct))
            .Select(w => (w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), w.Name)).ToList();
    }

    public string NameOf(Guid personId) => Members.FirstOrDefault(m => m.Id == personId)?.DisplayName ?? "";

    public string Who(TeamAction a) => a.WorkerId is int w && WorkerNames.TryGetValue(w, out var n) ? n
        : a.DirectoryEntryId is Guid d && EntryNames.TryGetValue(d, out var e) ? Text.Format(PersonText.DirectoryEntry, e) : LocalityText.NotKnown;

    /// <summary>"Admission prevented", "Eviction stopped"...</summary>
    public static string AvoidedName(AvoidedKind kind) => kind switch
    {
        AvoidedKind.AdmissionPrevented => PersonText.AdmissionPrevented,
        AvoidedKind.PlacementAvoided => PersonText.PlacementAvoided,
        AvoidedKind.EvictionStopped => PersonText.EvictionStopped,
        AvoidedKind.CareHomeAvoided => PersonText.CareHomeAvoided,
        AvoidedKind.ArrestAvoided => PersonText.ArrestAvoided,
        AvoidedKind.ExclusionAvoided => PersonText.ExclusionAvoided,
        _ => PersonText.SomethingElse,
    };
}
