using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Conditions;

/// <summary>
/// How far a system condition reaches, computed from its evidence (never typed in): failure demands of the linked
/// types and their share of all demand in the studies they came from; distinct people behind the linked signals,
/// records and case histories; and the cost of the activity records involved. Everything is counted once, however
/// many pieces of evidence point at it.
/// </summary>
/// <param name="Demands">Distinct failure demands of the linked types.</param>
/// <param name="StudyDemands">All demands (value and failure) of the studies those types belong to.</param>
/// <param name="People">Distinct people behind the linked signals, records and case histories.</param>
/// <param name="Records">Distinct activity records involved.</param>
/// <param name="Cost">The sum of those records' costs, in pounds (records with no cost add nothing).</param>
public sealed record Reach(int Demands, int StudyDemands, int People, int Records, decimal Cost)
{
    public static readonly Reach None = new(0, 0, 0, 0, 0);

    /// <summary>The linked failure demands as a share of all the demand in their studies (0 to 1), or null without demand evidence.</summary>
    public double? DemandShare => StudyDemands == 0 ? null : Demands / (double)StudyDemands;
}

/// <summary>One piece of evidence with what it reaches on its own.</summary>
/// <param name="Evidence">The evidence as stored.</param>
/// <param name="Reach">What this piece reaches on its own.</param>
/// <param name="Missing">True when what it points at is no longer stored (an import undone).</param>
public sealed record EvidenceReach(ConditionEvidence Evidence, Reach Reach, bool Missing);

/// <summary>A condition, its evidence, and its reach with overlaps counted once.</summary>
public sealed record ConditionReach(SystemCondition Condition, Reach Reach, IReadOnlyList<EvidenceReach> Evidence);

/// <summary>Every condition of a locality, and the reach of all of them together (overlaps between conditions counted once).</summary>
public sealed record ConditionsReport(IReadOnlyList<ConditionReach> Conditions, Reach All);

/// <summary>Computes <see cref="Reach"/> from stored demands and activity records, with the locality's flow engine for signals and case histories.</summary>
public static class ConditionReachCalculator
{
    private sealed class Sets
    {
        public readonly HashSet<Guid> Demands = [];
        public readonly HashSet<int> Studies = [];
        public readonly HashSet<Guid> People = [];
        public readonly HashSet<Guid> Records = [];
    }

    private sealed record RecordFacts(Guid PersonId, int AgencyId, decimal? Cost);

    /// <summary>Every condition in the locality (or only <paramref name="conditionId"/>), ordered by category then title, with its reach.</summary>
    public static async Task<ConditionsReport> ForLocalityAsync(LocalFlowDb db, FlowEngines engines, int localityId, Guid? conditionId = null, CancellationToken ct = default)
    {
        var conditions = await db.SystemConditions.AsNoTracking()
            .Where(c => c.LocalityId == localityId && (conditionId == null || c.Id == conditionId)).ToListAsync(ct);
        var evidence = await db.ConditionEvidence.AsNoTracking()
            .Where(e => e.LocalityId == localityId && (conditionId == null || e.ConditionId == conditionId)).ToListAsync(ct);

        var perEvidence = new Dictionary<Guid, (Sets Sets, bool Missing)>();

        // Demand types: the failure demands of each type (following merges to the type its demands went into).
        var typeIds = evidence.Where(e => e.Kind == EvidenceKind.DemandType && e.DemandTypeId is not null).Select(e => e.DemandTypeId!.Value).Distinct().ToList();
        var studyTotals = new Dictionary<int, int>();
        if (typeIds.Count > 0)
        {
            var types = await db.DemandTypes.AsNoTracking().Where(t => db.DemandStudies.Any(s => s.Id == t.StudyId && s.LocalityId == localityId))
                .Select(t => new { t.Id, t.StudyId, t.MergedIntoId }).ToDictionaryAsync(t => t.Id, ct);
            int Final(int id)
            {
                var seen = 0;
                while (types.TryGetValue(id, out var t) && t.MergedIntoId is int next && seen++ < 100)
                {
                    id = next;
                }
                return id;
            }
            var finalIds = typeIds.Select(Final).Distinct().ToList();
            var demands = await db.Demands.AsNoTracking()
                .Where(d => d.LocalityId == localityId && d.TypeId != null && finalIds.Contains(d.TypeId.Value) && d.Nature == DemandNature.Failure)
                .Select(d => new { d.Id, d.TypeId, d.StudyId }).ToListAsync(ct);
            var byType = demands.GroupBy(d => d.TypeId!.Value).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToList());
            var studies = typeIds.Where(types.ContainsKey).Select(id => types[id].StudyId).Distinct().ToList();
            studyTotals = await db.Demands.AsNoTracking().Where(d => d.LocalityId == localityId && studies.Contains(d.StudyId))
                .GroupBy(d => d.StudyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            foreach (var e in evidence.Where(e => e.Kind == EvidenceKind.DemandType && e.DemandTypeId is not null))
            {
                var sets = new Sets();
                var id = e.DemandTypeId!.Value;
                if (types.TryGetValue(id, out var t))
                {
                    sets.Studies.Add(t.StudyId);
                    sets.Demands.UnionWith(byType.GetValueOrDefault(Final(id)) ?? []);
                }
                perEvidence[e.Id] = (sets, !types.ContainsKey(id));
            }
        }

        // Signals and case histories: the locality's flow engine, so duplicates count once, as in every figure.
        var facts = new Dictionary<Guid, RecordFacts>();
        var signalEvidence = evidence.Where(e => e.Kind == EvidenceKind.FlowSignal && e.SignalKind is not null).ToList();
        var personIds = evidence.Where(e => e.Kind == EvidenceKind.CaseHistory && e.PersonId is not null).Select(e => e.PersonId!.Value).Distinct().ToList();
        var byPerson = new Dictionary<Guid, List<Guid>>();
        var signalFacts = new List<Dictionary<Guid, RecordFacts>>();
        var keptReach = new Dictionary<Sets, Reach>(ReferenceEqualityComparer.Instance);
        FlowEngine? flow = null;
        if (signalEvidence.Count > 0 || personIds.Count > 0)
        {
            var engine = flow = await engines.ForLocalityAsync(db, localityId, ct);
            var log = engine.Log;
            Guid Remember(int i)
            {
                var id = engine.RecordId(i);
                facts[id] = new RecordFacts(engine.PersonId(log.Persons[i]), engine.AgencyId(i), log.Cost(i));
                return id;
            }
            foreach (var e in signalEvidence)
            {
                // what a kind of signal (at an agency) reaches is worked out once per engine: kept until the data change
                var kind = e.SignalKind!.Value;
                var agency = e.AgencyId;
                var reached = engine.Kept($"Conditions/signal-reach:{kind}:{agency}", f => SignalReach(f, kind, agency));
                signalFacts.Add(reached.Facts);
                keptReach[reached.Sets] = reached.Reach;
                perEvidence[e.Id] = (reached.Sets, false);
            }
            foreach (var personId in personIds)
            {
                var p = engine.PersonNumber(personId);
                var (from, to) = p < 0 ? (0, 0) : log.EventsOf(p);
                byPerson[personId] = [.. Enumerable.Range(from, to - from).Select(Remember)];
            }
        }

        // Single records.
        var recordIds = evidence.Where(e => e.Kind == EvidenceKind.ActivityRecord && e.RecordId is not null).Select(e => e.RecordId!.Value).Where(id => !facts.ContainsKey(id)).Distinct().ToList();
        if (recordIds.Count > 0)
        {
            var rows = await db.ActivityRecords.AsNoTracking()
                .Where(r => r.LocalityId == localityId && recordIds.Contains(r.Id))
                .Select(r => new { r.Id, r.PersonId, r.AgencyId, r.Cost }).ToListAsync(ct);
            foreach (var r in rows)
            {
                facts[r.Id] = new RecordFacts(r.PersonId, r.AgencyId, r.Cost);
            }
        }
        var knownPeople = personIds.Count == 0 ? [] : await db.People.AsNoTracking()
            .Where(p => p.LocalityId == localityId && personIds.Contains(p.Id)).Select(p => p.Id).ToHashSetAsync(ct);
        foreach (var e in evidence)
        {
            if (e.Kind == EvidenceKind.ActivityRecord && e.RecordId is Guid rid)
            {
                var sets = new Sets();
                var found = facts.TryGetValue(rid, out var f);
                if (found)
                {
                    sets.Records.Add(rid);
                    sets.People.Add(f!.PersonId);
                }
                perEvidence[e.Id] = (sets, !found);
            }
            else if (e.Kind == EvidenceKind.CaseHistory && e.PersonId is Guid pid)
            {
                var sets = new Sets();
                sets.People.Add(pid);
                sets.Records.UnionWith(byPerson.GetValueOrDefault(pid) ?? []);
                perEvidence[e.Id] = (sets, !knownPeople.Contains(pid));
            }
            else if (!perEvidence.ContainsKey(e.Id))
            {
                perEvidence[e.Id] = (new Sets(), true);
            }
        }

        Reach ToReach(Sets s) => keptReach.TryGetValue(s, out var kept) ? kept : new(
            s.Demands.Count,
            s.Studies.Sum(id => studyTotals.GetValueOrDefault(id)),
            s.People.Count,
            s.Records.Count,
            s.Records.Sum(id => Fact(id)?.Cost ?? 0));

        RecordFacts? Fact(Guid id)
        {
            if (facts.TryGetValue(id, out var f))
            {
                return f;
            }
            foreach (var kept in signalFacts)
            {
                if (kept.TryGetValue(id, out f))
                {
                    return f;
                }
            }
            return null;
        }

        // The people, records and cost a set of evidence reaches together: the union of tens of thousands of record ids,
        // so made once per engine for each set of flow evidence (kept until the data change). The evidence names what
        // it reaches (a kind of signal at an agency, a person, a record), so the same names reach the same records
        // while the engine's data stay the same.
        FlowReach FlowPart(IReadOnlyList<ConditionEvidence> items)
        {
            FlowReach Make()
            {
                var people = new HashSet<Guid>();
                var records = new HashSet<Guid>();
                foreach (var e in items)
                {
                    var s = perEvidence[e.Id].Sets;
                    people.UnionWith(s.People);
                    records.UnionWith(s.Records);
                }
                return new FlowReach(people.Count, records.Count, records.Sum(id => Fact(id)?.Cost ?? 0));
            }
            var names = items.Select(FlowName).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            return flow is null || names.Count == 0 ? Make() : flow.Kept("Conditions/flow-reach:" + string.Join(",", names), _ => Make());
        }

        Reach Together(IReadOnlyList<ConditionEvidence> items)
        {
            var demands = new HashSet<Guid>();
            var studies = new HashSet<int>();
            foreach (var e in items)
            {
                var s = perEvidence[e.Id].Sets;
                demands.UnionWith(s.Demands);
                studies.UnionWith(s.Studies);
            }
            var (people, records, cost) = FlowPart(items);
            return new Reach(demands.Count, studies.Sum(id => studyTotals.GetValueOrDefault(id)), people, records, cost);
        }

        var all = new List<ConditionEvidence>();
        var result = new List<ConditionReach>();
        foreach (var c in conditions.OrderBy(c => c.Category).ThenBy(c => SystemConditions.CategoryName(c), StringComparer.CurrentCulture).ThenBy(c => c.Title, StringComparer.CurrentCulture))
        {
            var mine = evidence.Where(e => e.ConditionId == c.Id).OrderBy(e => e.Kind).ThenBy(e => e.AddedUtc).ToList();
            var items = new List<EvidenceReach>();
            foreach (var e in mine)
            {
                var (s, missing) = perEvidence[e.Id];
                items.Add(new EvidenceReach(e, ToReach(s), missing));
            }
            all.AddRange(mine);
            result.Add(new ConditionReach(c, Together(mine), items));
        }
        return new ConditionsReport(result, Together(all));
    }

    private sealed record FlowReach(int People, int Records, decimal Cost);

    /// <summary>What a piece of evidence reaches in the flow records, named ("signal kind at agency", "person", "record"); null for demand types.</summary>
    private static string? FlowName(ConditionEvidence e) => e.Kind switch
    {
        EvidenceKind.FlowSignal when e.SignalKind is { } kind => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"S{(int)kind}@{e.AgencyId}"),
        EvidenceKind.CaseHistory when e.PersonId is { } person => "P" + person.ToString("N"),
        EvidenceKind.ActivityRecord when e.RecordId is { } record => "R" + record.ToString("N"),
        _ => null,
    };

    private sealed class SignalSets(Sets sets, Dictionary<Guid, RecordFacts> facts)
    {
        public Sets Sets { get; } = sets;
        public Dictionary<Guid, RecordFacts> Facts { get; } = facts;
        /// <summary>What the signals reach on their own (no demands), added up once.</summary>
        public Reach Reach { get; } = new(0, 0, sets.People.Count, sets.Records.Count, facts.Values.Sum(f => f.Cost ?? 0));
    }

    /// <summary>The records and people behind every signal of <paramref name="kind"/> (with a record of <paramref name="agency"/>, when given).</summary>
    private static SignalSets SignalReach(FlowEngine flow, FlowSignalKind kind, int? agency)
    {
        var sets = new Sets();
        var facts = new Dictionary<Guid, RecordFacts>();
        var log = flow.Log;
        foreach (var s in flow.Signals)
        {
            if (s.Kind != kind || (agency is int a && !s.Events.Any(i => flow.AgencyId(i) == a)))
            {
                continue;
            }
            foreach (var i in s.Events)
            {
                var id = flow.RecordId(i);
                var person = flow.PersonId(log.Persons[i]);
                facts[id] = new RecordFacts(person, flow.AgencyId(i), log.Cost(i));
                sets.Records.Add(id);
                sets.People.Add(person);
            }
        }
        return new SignalSets(sets, facts);
    }

    /// <summary>One condition with its reach, or null when the locality has no such condition.</summary>
    public static async Task<ConditionReach?> ForConditionAsync(LocalFlowDb db, FlowEngines engines, int localityId, Guid conditionId, CancellationToken ct = default)
        => (await ForLocalityAsync(db, engines, localityId, conditionId, ct)).Conditions.SingleOrDefault();
}
