using LocalFlow.Data.Entities;
using LocalFlow.Data.Trust;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>
/// Who is looking: the localities whose personal data they may see, whether they are allowed to see every restricted
/// record, and the worker they are (so that being named on a restricted person or household counts).
/// </summary>
public sealed record Viewer(IReadOnlyList<int> LocalityIds, bool MaySeeRestricted, int? WorkerId)
{
    /// <summary>Someone who sees nothing (no locality).</summary>
    public static readonly Viewer Nobody = new([], false, null);

    /// <summary>
    /// The agencies the viewer works for: their own agencies' records are always seen, another agency's only through a
    /// data sharing agreement (<see cref="Visibility.SharedWith(IQueryable{ActivityRecord}, LocalFlowDb, Viewer)"/>).
    /// Null for LocalFlow itself and the command line run by whoever runs the server, which are not narrowed by agency.
    /// </summary>
    public IReadOnlyList<int>? AgencyIds { get; init; }

    /// <summary>What the viewer reads other agencies' records for, from their roles (<see cref="Trust.Sharing.PurposesOf"/>).</summary>
    public Trust.SharingPurposes Purposes { get; init; }
}

/// <summary>A person's whereabouts as a viewer may be shown them (<see cref="Visibility.WhereaboutsOf"/>): all empty when hidden.</summary>
public sealed record Whereabouts(string? AddressLine, string? Postcode, Guid? HouseholdId)
{
    /// <summary>Nothing of where the person lives.</summary>
    public static readonly Whereabouts Hidden = new(null, null, null);

    /// <summary>The address as one line ("1 High Street, NF1 2AB"), or null when hidden or not known.</summary>
    public string? Line => AddressLine is null && Postcode is null ? null : $"{AddressLine}, {Postcode}";
}

/// <summary>
/// The one visibility decision for people, households and their records. A person is in view when they belong to one
/// of the viewer's localities. A restricted person (or anyone in a restricted household, for example fleeing domestic
/// abuse) is shown in full only to viewers allowed to see restricted records and to workers named on the person or
/// the household (<see cref="NamedWorker"/>); everyone else sees that the record is restricted, never what it hides,
/// and pages that study records (flow, conditions, counts, exports, the API) leave the person out altogether.
/// Of the people in view, a viewer sees their own agencies' records and other agencies' records only as data sharing
/// agreements in force today allow (<see cref="SharedWith(IQueryable{ActivityRecord}, LocalFlowDb, Viewer)"/>).
/// Every page, endpoint, search and export goes through this class; none writes its own copy of the check.
/// </summary>
public static class Visibility
{
    /// <summary>Whether the person is restricted, themselves or through their household (the household must be loaded).</summary>
    public static bool IsRestricted(Person person) => person.Restricted || person.Household?.Restricted == true;

    /// <summary>
    /// The people the viewer may see in full: in the viewer's localities, and not restricted unless the viewer is
    /// allowed or named. Used as a SQL filter, so lists, counts and searches leave the others out.
    /// </summary>
    public static IQueryable<Person> SeenInFull(this IQueryable<Person> people, LocalFlowDb db, Viewer viewer)
    {
        var localities = viewer.LocalityIds;
        var inView = people.Where(p => localities.Contains(p.LocalityId));
        if (viewer.MaySeeRestricted)
        {
            return inView;
        }
        var worker = viewer.WorkerId ?? -1;
        return inView.Where(p => (!p.Restricted && (p.Household == null || !p.Household.Restricted))
            || db.NamedWorkers.Any(n => n.LocalityId == p.LocalityId && n.WorkerId == worker && n.RemovedUtc == null
                && (n.PersonId == p.Id || (p.HouseholdId != null && n.HouseholdId == p.HouseholdId))));
    }

    /// <summary>
    /// The agencies' source records (linking's identities) the viewer may see: in the viewer's localities, either
    /// not yet linked to a person or linked to a person the viewer sees in full (<see cref="SeenInFull(IQueryable{Person}, LocalFlowDb, Viewer)"/>),
    /// and shared with the viewer's agency (<see cref="SharedWith(IQueryable{SourceIdentity}, LocalFlowDb, Viewer)"/>).
    /// A record of a restricted person carries their name, address and numbers, so it is hidden with them.
    /// </summary>
    public static IQueryable<SourceIdentity> SeenInFull(this IQueryable<SourceIdentity> identities, LocalFlowDb db, Viewer viewer)
    {
        var localities = viewer.LocalityIds;
        var inView = identities.Where(s => localities.Contains(s.LocalityId));
        if (viewer.MaySeeRestricted)
        {
            return inView.SharedWith(db, viewer);
        }
        var seen = db.People.SeenInFull(db, viewer).Select(p => p.Id);
        return inView.Where(s => s.PersonId == null || seen.Contains(s.PersonId.Value)).SharedWith(db, viewer);
    }

    /// <summary>
    /// The agreements in force today (London) under which the viewer's agencies receive records for one of the
    /// viewer's purposes: a viewer's agency must be party to it.
    /// </summary>
    private static IQueryable<SharingAgreement> ReceivedBy(LocalFlowDb db, Viewer viewer, IReadOnlyList<int> own)
    {
        var today = Sharing.Today(db.Clock);
        var purposes = (int)viewer.Purposes;
        return db.SharingAgreements.Where(a => a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today) && ((int)a.Purposes & purposes) != 0
            && a.Parties.Any(p => own.Contains(p.AgencyId)));
    }

    private const int CategoryKeyBase = 100;

    /// <summary>
    /// Each agency with the category of its records (<see cref="Sharing.CategoryOf"/>), as agency id × 100 + category,
    /// read from the small agencies table (for <see cref="Reach"/> and <see cref="SharingKeyAsync"/>).
    /// </summary>
    private static int[] AgencyCategoryKeys(LocalFlowDb db) =>
        [.. db.Agencies.AsNoTracking().Select(g => new { g.Id, g.Kind }).AsEnumerable()
            .Select(g => (g.Id * CategoryKeyBase) + (int)Sharing.CategoryOf(g.Kind))];

    /// <summary>
    /// The activity records the viewer may see by data sharing agreement (docs/trust.md): every record of the viewer's
    /// own agencies; another agency's record only when an agreement in force today, for one of the viewer's purposes,
    /// has both a viewer's agency and the record's agency as parties, covers the record's category (its agency's kind,
    /// <see cref="Sharing.CategoryOf"/>) and, when it is consent-based, the person has given consent that stands. A
    /// viewer with no agency sees no one's records through an agreement. A SQL filter: lists, searches and exports
    /// leave the others out. Whether the person may be seen at all is <see cref="SeenInFull(IQueryable{Person}, LocalFlowDb, Viewer)"/>.
    /// </summary>
    public static IQueryable<ActivityRecord> SharedWith(this IQueryable<ActivityRecord> records, LocalFlowDb db, Viewer viewer)
    {
        if (viewer.AgencyIds is not { } own)
        {
            return records;
        }
        var (open, byConsent, consentAgreements) = Reach(db, viewer, own);
        if (consentAgreements.Length == 0)
        {
            return records.Where(r => own.Contains(r.AgencyId) || open.Contains(((long)r.LocalityId * AgencyKeyBase) + r.AgencyId));
        }
        return records.Where(r => own.Contains(r.AgencyId) || open.Contains(((long)r.LocalityId * AgencyKeyBase) + r.AgencyId)
            || db.SharingConsents.Any(c => consentAgreements.Contains(c.AgreementId) && c.PersonId == r.PersonId && c.Given
                && byConsent.Contains((((long)c.AgreementId * AgencyKeyBase * AgencyKeyBase) + ((long)r.LocalityId * AgencyKeyBase)) + r.AgencyId)));
    }

    /// <summary>Keys of a locality and an agency (locality × this + agency), and of an agreement with them.</summary>
    private const long AgencyKeyBase = 1_000_000;

    /// <summary>
    /// What the agreements the viewer receives today share, worked out once from the few agreements (rather than
    /// asked of them in SQL for every record): <c>Open</c>, each locality and agency (as locality × 1,000,000 + agency)
    /// whose records an agreement not based on consent shares with the viewer — the agency is a party and its records'
    /// category is covered —; <c>ByConsent</c>, the same for the consent-based agreements, each with its agreement
    /// (agreement × 10¹² + locality × 10⁶ + agency), since the person's consent is to that agreement; and those
    /// agreements' ids. The rule of <see cref="SharedWith(IQueryable{ActivityRecord}, LocalFlowDb, Viewer)"/>, read
    /// at the moment the query is made.
    /// </summary>
    private static (long[] Open, long[] ByConsent, int[] ConsentAgreements) Reach(LocalFlowDb db, Viewer viewer, IReadOnlyList<int> own)
    {
        var categoryOf = AgencyCategoryKeys(db).ToDictionary(k => k / CategoryKeyBase, k => k % CategoryKeyBase);
        var agreements = ReceivedBy(db, viewer, own).AsNoTracking()
            .Select(a => new { a.Id, a.LocalityId, a.ConsentBased, Parties = a.Parties.Select(p => p.AgencyId).ToList(), Categories = a.Categories.Select(c => (int)c.Category).ToList() })
            .ToList();
        var open = new HashSet<long>();
        var byConsent = new HashSet<long>();
        foreach (var a in agreements)
        {
            foreach (var agency in a.Parties.Where(p => categoryOf.TryGetValue(p, out var category) && a.Categories.Contains(category)))
            {
                var key = ((long)a.LocalityId * AgencyKeyBase) + agency;
                _ = a.ConsentBased ? byConsent.Add(((long)a.Id * AgencyKeyBase * AgencyKeyBase) + key) : open.Add(key);
            }
        }
        return ([.. open.Order()], [.. byConsent.Order()], [.. agreements.Where(a => a.ConsentBased).Select(a => a.Id).Order()]);
    }

    /// <summary>
    /// A key for everything <see cref="SharedWith(IQueryable{ActivityRecord}, LocalFlowDb, Viewer)"/> reads besides the
    /// records themselves: the viewer's agencies and purposes, today, each agency's category, the agreements the viewer
    /// receives today (each with its version, parties and categories) and every consent recorded to them. Two views with
    /// the same key and the same records see the same records, so what is worked out from them may be kept under it
    /// (the locality team's picture, <see cref="LocalityPictures"/>). Read it before the records, as the flow data
    /// version is. "all" for a viewer not narrowed by agency.
    /// </summary>
    public static async Task<string> SharingKeyAsync(LocalFlowDb db, Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.AgencyIds is not { } own)
        {
            return "all";
        }
        var text = new System.Text.StringBuilder();
        text.Append(Sharing.Today(db.Clock).DayNumber).Append('|').Append((int)viewer.Purposes).Append('|').AppendJoin(',', own.Order())
            .Append('|').AppendJoin(',', AgencyCategoryKeys(db).Order());
        var agreements = await ReceivedBy(db, viewer, own).AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Version, a.LocalityId, a.ConsentBased, Parties = a.Parties.Select(p => p.AgencyId).ToList(), Categories = a.Categories.Select(c => c.Category).ToList() })
            .ToListAsync(ct);
        foreach (var a in agreements)
        {
            text.Append('\u001e').Append(a.Id).Append('v').Append(a.Version).Append('@').Append(a.LocalityId).Append(a.ConsentBased ? 'c' : 'n')
                .Append('|').AppendJoin(',', a.Parties.Order()).Append('|').AppendJoin(',', a.Categories.Select(c => (int)c).Order());
        }
        var needConsent = agreements.Where(a => a.ConsentBased).Select(a => a.Id).ToList();
        if (needConsent.Count > 0)
        {
            var consents = await db.SharingConsents.AsNoTracking().Where(c => needConsent.Contains(c.AgreementId)).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.AgreementId, c.PersonId, c.Given, c.On }).ToListAsync(ct);
            foreach (var c in consents)
            {
                text.Append('\u001f').Append(c.Id).Append(':').Append(c.AgreementId).Append(':').Append(c.PersonId.ToString("N")).Append(c.Given ? '+' : '-').Append(c.On.DayNumber);
            }
        }
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// <see cref="SharedWith(IQueryable{ActivityRecord}, LocalFlowDb, Viewer)"/> for the agencies' identifying records:
    /// the same rule, by the record's agency. A record with no agency (made from a demand heard at a front door) is
    /// the locality's own and is not narrowed; an unlinked record of another agency needs an agreement that does not
    /// depend on consent, since whose consent it would need is not yet known.
    /// </summary>
    public static IQueryable<SourceIdentity> SharedWith(this IQueryable<SourceIdentity> identities, LocalFlowDb db, Viewer viewer)
    {
        if (viewer.AgencyIds is not { } own)
        {
            return identities;
        }
        var (open, byConsent, consentAgreements) = Reach(db, viewer, own);
        return identities.Where(s => s.AgencyId == null || own.Contains(s.AgencyId.Value) || open.Contains(((long)s.LocalityId * AgencyKeyBase) + s.AgencyId.Value)
            || (consentAgreements.Length > 0 && db.SharingConsents.Any(c => consentAgreements.Contains(c.AgreementId) && c.PersonId == s.PersonId && c.Given
                && byConsent.Contains((((long)c.AgreementId * AgencyKeyBase * AgencyKeyBase) + ((long)s.LocalityId * AgencyKeyBase)) + s.AgencyId.Value))));
    }

    /// <summary>
    /// Where the person lives, as the viewer may be shown it: the household's address, postcode and id when the viewer
    /// sees the person in full (<paramref name="seenInFull"/>, from <see cref="SeesInFullAsync(LocalFlowDb, Viewer, Person, CancellationToken)"/>),
    /// otherwise <see cref="Whereabouts.Hidden"/>. A restricted household hides every member's whereabouts, whether or
    /// not the member's own row is flagged, and the household link goes with the address: knowing whom someone lives
    /// with is knowing where they live. The person's household must be loaded.
    /// </summary>
    public static Whereabouts WhereaboutsOf(Person person, bool seenInFull)
        => seenInFull && person.Household is { } h ? new Whereabouts(h.AddressLine, h.Postcode, h.Id) : Whereabouts.Hidden;

    /// <summary>
    /// The others in the person's household whom the viewer may be shown beside them: nobody when the person's
    /// whereabouts are hidden from the viewer (<paramref name="seenInFull"/> false) or they have no household, and
    /// otherwise the members the viewer sees in full, so a restricted member of an ordinary household is not placed at
    /// its address. <paramref name="includeSelf"/> keeps the person in the list (the unit of work); the person is seen in
    /// full by the same rule, so they are in it.
    /// </summary>
    public static IQueryable<Person> HouseholdSeenWith(this IQueryable<Person> people, LocalFlowDb db, Viewer viewer, Person person, bool seenInFull, bool includeSelf = false)
    {
        if (!seenInFull || person.HouseholdId is not Guid household)
        {
            return includeSelf ? people.Where(p => p.Id == person.Id) : people.Where(p => false);
        }
        var loc = person.LocalityId;
        var self = person.Id;
        var seen = people.SeenInFull(db, viewer).Where(p => p.LocalityId == loc && p.HouseholdId == household);
        return includeSelf ? seen : seen.Where(p => p.Id != self);
    }

    /// <summary>Whether the viewer may see this person in full (the person's household must be loaded).</summary>
    public static async Task<bool> SeesInFullAsync(LocalFlowDb db, Viewer viewer, Person person, CancellationToken ct = default)
    {
        if (!viewer.LocalityIds.Contains(person.LocalityId))
        {
            return false;
        }
        if (!IsRestricted(person) || viewer.MaySeeRestricted)
        {
            return true;
        }
        return viewer.WorkerId is int worker && await db.NamedWorkers.AnyAsync(n => n.LocalityId == person.LocalityId && n.WorkerId == worker && n.RemovedUtc == null
            && (n.PersonId == person.Id || (person.HouseholdId != null && n.HouseholdId == person.HouseholdId)), ct);
    }

    /// <summary>Whether the viewer may see this household's address in full.</summary>
    public static async Task<bool> SeesInFullAsync(LocalFlowDb db, Viewer viewer, Household household, CancellationToken ct = default)
    {
        if (!viewer.LocalityIds.Contains(household.LocalityId))
        {
            return false;
        }
        if (!household.Restricted || viewer.MaySeeRestricted)
        {
            return true;
        }
        return viewer.WorkerId is int worker && await db.NamedWorkers.AnyAsync(n => n.LocalityId == household.LocalityId && n.WorkerId == worker
            && n.RemovedUtc == null && n.HouseholdId == household.Id, ct);
    }

    /// <summary>
    /// Whether the viewer is a worker who works with this person: key worker of the person's household (or of the person),
    /// involved with it (<see cref="Involvement"/>), or named on the person or household (<see cref="NamedWorker"/>).
    /// Such a worker sees the other agencies' records of the person for the purpose of their work; anyone else gives
    /// a reason first. This does not replace <see cref="SeesInFullAsync(LocalFlowDb, Viewer, Person, CancellationToken)"/>:
    /// a person the viewer may not see in full stays hidden either way.
    /// </summary>
    public static async Task<bool> WorksWithAsync(LocalFlowDb db, Viewer viewer, Person person, CancellationToken ct = default)
    {
        if (viewer.WorkerId is not int worker || !viewer.LocalityIds.Contains(person.LocalityId))
        {
            return false;
        }
        var loc = person.LocalityId;
        var household = person.HouseholdId;
        var supports = db.Supports.Where(s => s.LocalityId == loc && s.RemovedUtc == null && (s.PersonId == person.Id || (household != null && s.HouseholdId == household)));
        return await supports.AnyAsync(s => s.KeyWorkerId == worker
                || db.Involvements.Any(i => i.LocalityId == loc && i.SupportId == s.Id && i.WorkerId == worker && i.RemovedUtc == null), ct)
            || await db.NamedWorkers.AnyAsync(n => n.LocalityId == loc && n.WorkerId == worker && n.RemovedUtc == null
                && (n.PersonId == person.Id || (household != null && n.HouseholdId == household)), ct);
    }

    /// <summary>
    /// The people of a locality the viewer may not see in full (restricted and not named): empty when the viewer may
    /// see restricted records. Pages that study records leave these out and say how many were left out.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> HiddenPeopleAsync(LocalFlowDb db, Viewer viewer, int localityId, CancellationToken ct = default)
    {
        if (viewer.MaySeeRestricted)
        {
            return new HashSet<Guid>();
        }
        var restricted = await db.People.AsNoTracking()
            .Where(p => p.LocalityId == localityId && (p.Restricted || (p.Household != null && p.Household.Restricted)))
            .Select(p => new { p.Id, p.HouseholdId }).ToListAsync(ct);
        if (restricted.Count == 0 || viewer.WorkerId is not int worker)
        {
            return restricted.Select(r => r.Id).ToHashSet();
        }
        var named = await db.NamedWorkers.AsNoTracking()
            .Where(n => n.LocalityId == localityId && n.WorkerId == worker && n.RemovedUtc == null)
            .Select(n => new { n.PersonId, n.HouseholdId }).ToListAsync(ct);
        var people = named.Where(n => n.PersonId != null).Select(n => n.PersonId!.Value).ToHashSet();
        var households = named.Where(n => n.HouseholdId != null).Select(n => n.HouseholdId!.Value).ToHashSet();
        return restricted.Where(r => !people.Contains(r.Id) && !(r.HouseholdId is Guid h && households.Contains(h))).Select(r => r.Id).ToHashSet();
    }

    /// <summary>The worker a user is (the link that makes "my people" and "key worker" mean the person signed in).</summary>
    public static async Task<int?> WorkerOfUserAsync(LocalFlowDb db, int? userId, CancellationToken ct = default)
        => userId is int id ? await db.Workers.Where(w => w.UserId == id).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct) : null;
}
