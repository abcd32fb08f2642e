using LocalFlow.Analytics.Economics;
using LocalFlow.Data.Entities;
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
    public static async Task<CohortCosts> LoadAsync(LocalFlowDb db, int localityId, IReadOnlySet<Guid> hidden, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hidden);
        var index = await IndexAsync(db, ct);
        var supports = await db.Supports.AsNoTracking()
            .Where(s => s.LocalityId == localityId && s.RemovedUtc == null)
            .Select(s => new { s.Id, s.StartedOn, Household = s.HouseholdId ?? db.People.Where(p => p.LocalityId == localityId && p.Id == s.PersonId).Select(p => p.HouseholdId).FirstOrDefault() })
            .ToListAsync(ct);
        // A household with someone the viewer may not see is left out whole: its costs and its tally's reasons could say where they are.
        var hiddenList = hidden.ToList();
        var hiddenHouseholds = hiddenList.Count == 0 ? [] : (await db.People.AsNoTracking()
            .Where(p => p.LocalityId == localityId && p.HouseholdId != null && hiddenList.Contains(p.Id))
            .Select(p => p.HouseholdId!.Value).ToListAsync(ct)).ToHashSet();
        supports = supports.Where(s => s.Household is { } h && !hiddenHouseholds.Contains(h)).ToList();
        var takenOn = supports
            .GroupBy(s => s.Household!.Value)
            .ToDictionary(g => g.Key, g => g.Min(s => s.StartedOn));
        var households = takenOn.Keys.Order().ToList();
        var position = households.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        var team = await db.LocalityTeams.AsNoTracking().SingleOrDefaultAsync(t => t.LocalityId == localityId, ct);
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
        return new CohortCosts(households, households.Select(h => (DateOnly?)takenOn[h]).ToList(), activities, localityHouseholds, index, outside, avoided);
    }
}
