using LocalFlow.Analytics.Economics;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Economics;

/// <summary>One kind of thing the locality team avoided, how often, and the reasons given in words.</summary>
public sealed record AvoidedTally(AvoidedKind Kind, int Count, IReadOnlyList<string> Reasons);

/// <summary>
/// The records of the households a locality's team took on, ready for <see cref="CohortEconomics"/>: each household
/// once, with the day the team first took it on, and every one of its activity records with its cost group, cost and
/// price year.
/// </summary>
/// <param name="Households">The cohort's households, in the order <see cref="CostedActivity.Household"/> counts them.</param>
/// <param name="TakenOn">The day each household was first taken on.</param>
/// <param name="Activities">Every record of the cohort's households.</param>
/// <param name="LocalityHouseholds">All households of the locality (what an extrapolation spreads the saving over).</param>
/// <param name="Index">The price index the costs can be restated with.</param>
/// <param name="OutsideIndex">Records whose price year the index does not hold: taken at the nearest year it holds.</param>
/// <param name="Avoided">The team's tally of what was avoided for these households, with reasons.</param>
public sealed record CohortCosts(IReadOnlyList<Guid> Households, IReadOnlyList<DateOnly?> TakenOn, IReadOnlyList<CostedActivity> Activities,
    int LocalityHouseholds, PriceIndex Index, int OutsideIndex, IReadOnlyList<AvoidedTally> Avoided)
{
    /// <summary>The price index as stored.</summary>
    public static async Task<PriceIndex> IndexAsync(LocalFlowDb db, CancellationToken ct = default)
        => new((await db.PriceIndex.AsNoTracking().ToListAsync(ct)).Select(y => (y.Year, y.Value)));

    /// <summary>
    /// Loads the cohort of <paramref name="localityId"/>: every household with a support that was not removed (a
    /// support for one person counts for their household), leaving out the people in <paramref name="hidden"/>
    /// (restricted people the viewer may not see) with their whole households. A record's price year is the one stored with it, else the year it
    /// took place; a year the index lacks is taken at the nearest year it holds, and counted in
    /// <see cref="OutsideIndex"/>.
    /// </summary>
    public static Task<CohortCosts> LoadAsync(LocalFlowDb db, int localityId, IReadOnlySet<Guid> hidden, CancellationToken ct = default)
        => LoadAsync(db, localityId, hidden, null, ct);

    /// <summary>
    /// <see cref="LoadAsync(LocalFlowDb, int, IReadOnlySet{Guid}, CancellationToken)"/>, taking the costed records (the
    /// slow part) from <paramref name="kept"/> when it holds them under the same flow data version, cohort households,
    /// locality team and price index. The supports, the tally of what was avoided and the index are read on every view.
    /// </summary>
    internal static async Task<CohortCosts> LoadAsync(LocalFlowDb db, int localityId, IReadOnlySet<Guid> hidden, KeptFigures<CostedRecords>? kept, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hidden);
        // read before the records: what is kept is never kept under a stamp newer than its data
        var version = kept is null ? null : await FlowDataVersion.ReadAsync(db, localityId, ct);
        var index = await IndexAsync(db, ct);
        var supports = await db.Supports.AsNoTracking()
            .Where(s => s.LocalityId == localityId && s.RemovedUtc == null)
            .Select(s => new { s.Id, s.StartedOn, Household = s.HouseholdId ?? db.People.Where(p => p.LocalityId == localityId && p.Id == s.PersonId).Select(p => p.HouseholdId).FirstOrDefault() })
            .ToListAsync(ct);
        // A household with someone the viewer may not see is left out whole: its costs and its tally's reasons could say where they are.
        var hiddenHouseholds = await LocalityWork.LocalityPicture.HiddenHouseholdsAsync(db, localityId, hidden, ct);
        supports = supports.Where(s => s.Household is { } h && !hiddenHouseholds.Contains(h)).ToList();
        var takenOn = supports
            .GroupBy(s => s.Household!.Value)
            .ToDictionary(g => g.Key, g => g.Min(s => s.StartedOn));
        var households = takenOn.Keys.Order().ToList();
        var team = await db.LocalityTeams.AsNoTracking().Where(t => t.LocalityId == localityId).Select(t => new CostedRecords.Team(t.AgencyId, t.TeamId)).SingleOrDefaultAsync(ct);
        var costed = kept is null || version is null
            ? await CostedRecords.LoadAsync(db, localityId, households, team, index, ct)
            : await kept.GetAsync(localityId, version, CostedRecords.Key(households, team, index),
                c => CostedRecords.LoadAsync(db, localityId, households, team, index, c), ct);
        var supportIds = supports.Select(s => s.Id).ToList();
        var avoided = (await db.Avoided.AsNoTracking()
                .Where(a => a.LocalityId == localityId && a.RemovedUtc == null && supportIds.Contains(a.SupportId))
                .Select(a => new { a.Kind, a.Reason })
                .ToListAsync(ct))
            .GroupBy(a => a.Kind)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new AvoidedTally(g.Key, g.Count(), g.Select(a => a.Reason).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        var localityHouseholds = await db.Households.CountAsync(h => h.LocalityId == localityId, ct);
        return new CohortCosts(households, households.Select(h => (DateOnly?)takenOn[h]).ToList(), costed.Activities, localityHouseholds, index, costed.OutsideIndex, avoided);
    }
}

/// <summary>
/// Every record of a cohort's households with its cost group, cost and price year (the slow part of
/// <see cref="CohortCosts"/>). It depends on the records, agencies and teams (under the locality's
/// <see cref="FlowDataVersion"/>) and on the cohort's households, the locality team and the price index, which make its
/// <see cref="Key"/>; <see cref="EconomicsCohorts"/> keeps it on those.
/// </summary>
/// <param name="Activities">The records, each with its household's place in the cohort.</param>
/// <param name="OutsideIndex">Records whose price year the index does not hold.</param>
public sealed record CostedRecords(IReadOnlyList<CostedActivity> Activities, int OutsideIndex)
{
    /// <summary>The locality team's agency and team (its records are the "locality team" cost group).</summary>
    internal sealed record Team(int AgencyId, int? TeamId);

    internal static string Key(IReadOnlyList<Guid> households, Team? team, PriceIndex index)
    {
        var text = new System.Text.StringBuilder();
        text.Append(team).Append('\u001f');
        // only which years the index holds matters here (a cost is restated later, by the report)
        foreach (var year in index.Years.Order())
        {
            text.Append(year).Append(';');
        }
        foreach (var household in households)
        {
            text.Append('\u001e').Append(household.ToString("N"));
        }
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    internal static async Task<CostedRecords> LoadAsync(LocalFlowDb db, int localityId, IReadOnlyList<Guid> households, Team? team, PriceIndex index, CancellationToken ct)
    {
        var position = households.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Kind.ToString(), ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rows = await db.ActivityRecords.AsNoTracking()
            .Where(r => r.LocalityId == localityId && r.HouseholdId != null && households.Contains(r.HouseholdId.Value))
            .Select(r => new { Household = r.HouseholdId!.Value, r.AgencyId, r.TeamId, r.StartUtc, r.Cost, r.PriceYear })
            .ToListAsync(ct);
        var years = index.Years;
        var outside = 0;
        var activities = new List<CostedActivity>(rows.Count);
        foreach (var r in rows)
        {
            var year = r.PriceYear ?? r.StartUtc.Year;
            if (r.Cost is not null && !index.Covers(year) && years.Count > 0)
            {
                outside++;
                year = years.MinBy(y => Math.Abs(y - year));
            }
            var byTeam = team is not null && r.AgencyId == team.AgencyId && (team.TeamId is null || r.TeamId == team.TeamId);
            var group = CostGroups.Of(agencies[r.AgencyId], r.TeamId is { } t ? teams[t] : null, byTeam);
            activities.Add(new CostedActivity(position[r.Household], DateOnly.FromDateTime(r.StartUtc), group, r.Cost, year));
        }
        return new CostedRecords(activities, outside);
    }
}

/// <summary>
/// The economics cohort of each locality kept between views (docs/economics.md): the costed records of the households
/// the team took on (<see cref="CostedRecords"/>) are kept while the locality's <see cref="FlowDataVersion"/>, the
/// cohort's households, the locality team and the price index stay the same; the rest is read on every view. Register
/// once per process (a singleton).
/// </summary>
public sealed class EconomicsCohorts
{
    private readonly KeptFigures<CostedRecords> _kept = new("economics-costs");

    /// <summary>As <see cref="CohortCosts.LoadAsync(LocalFlowDb, int, IReadOnlySet{Guid}, CancellationToken)"/>, with the costed records kept.</summary>
    public Task<CohortCosts> ForAsync(LocalFlowDb db, int localityId, IReadOnlySet<Guid> hidden, CancellationToken ct = default)
        => CohortCosts.LoadAsync(db, localityId, hidden, _kept, ct);

    /// <summary>How many costed cohorts are kept for <paramref name="localityId"/> now.</summary>
    public int Kept(int localityId) => _kept.Count(localityId);
}
