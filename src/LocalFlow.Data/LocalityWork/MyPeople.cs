using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>"My people": the households and people a worker is key worker for or involved with, for their landing page.</summary>
public static class MyPeople
{
    /// <summary>One row of "my people". <see cref="SeenInFull"/> is false for a restricted record the viewer is not named on.</summary>
    public sealed record Row(Guid SupportId, Guid PersonId, string Name, string? Address, bool SeenInFull, bool KeyWorker, DateOnly StartedOn, DateOnly? SteppedBackOn, string? WhatMatters, string? NextAction, DateOnly? NextOn);

    /// <summary>The worker's supports (key worker first, then involved), still working before stepped back, with what matters and what happens next.</summary>
    public static async Task<IReadOnlyList<Row>> ForAsync(LocalFlowDb db, Viewer viewer, int localityId, CancellationToken ct = default)
    {
        if (viewer.WorkerId is not int worker || !viewer.LocalityIds.Contains(localityId))
        {
            return [];
        }
        var involved = db.Involvements.Where(i => i.LocalityId == localityId && i.WorkerId == worker && i.RemovedUtc == null).Select(i => i.SupportId);
        var supports = await db.Supports.AsNoTracking()
            .Where(s => s.LocalityId == localityId && s.RemovedUtc == null && (s.KeyWorkerId == worker || involved.Contains(s.Id)))
            .ToListAsync(ct);
        var rows = (await SupportSummary.LoadAsync(db, viewer, localityId, supports, ct))
            .Select(x => new Row(x.Support.Id, x.Lead.Id, x.Name, x.Address, x.SeenInFull, x.Support.KeyWorkerId == worker, x.Support.StartedOn, x.Support.SteppedBackOn,
                x.WhatMatters, x.NextAction, x.NextOn));
        return rows.OrderBy(r => r.SteppedBackOn is not null).ThenByDescending(r => r.KeyWorker).ThenBy(r => r.NextOn ?? DateOnly.MaxValue).ThenBy(r => r.Name).ToList();
    }
}

/// <summary>
/// A support as the team's lists show it: the household's lead person (the first adult when the work began), its name,
/// whether the viewer sees it in full (through <see cref="Visibility"/>), the latest thing that matters in their words
/// and the next open action. What the viewer may not see is null.
/// </summary>
public sealed record SupportSummary(Support Support, Person Lead, IReadOnlyList<Person> Members, string Name, string? Address, bool SeenInFull, string? WhatMatters, string? NextAction, DateOnly? NextOn)
{
    /// <summary>Summaries of <paramref name="supports"/> (supports whose people are not found are left out), in the order given.</summary>
    public static async Task<IReadOnlyList<SupportSummary>> LoadAsync(LocalFlowDb db, Viewer viewer, int localityId, IReadOnlyList<Support> supports, CancellationToken ct = default)
    {
        if (supports.Count == 0)
        {
            return [];
        }
        var ids = supports.Select(s => s.Id).ToList();
        var households = supports.Where(s => s.HouseholdId != null).Select(s => s.HouseholdId!.Value).ToList();
        var single = supports.Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).ToList();
        var ofSupports = db.People.Where(p => p.LocalityId == localityId && ((p.HouseholdId != null && households.Contains(p.HouseholdId.Value)) || single.Contains(p.Id)));
        var people = await ofSupports.AsNoTracking().Include(p => p.Household)
            .OrderBy(p => p.DateOfBirth == null).ThenBy(p => p.DateOfBirth).ThenBy(p => p.FamilyName).ThenBy(p => p.GivenName).ToListAsync(ct);
        var full = (await ofSupports.SeenInFull(db, viewer).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var personIds = people.Select(p => p.Id).ToList();
        var mattered = await db.WhatMattered.AsNoTracking().Where(m => m.LocalityId == localityId && personIds.Contains(m.PersonId) && m.RemovedUtc == null)
            .OrderByDescending(m => m.AskedOn).Select(m => new { m.PersonId, m.InTheirWords }).ToListAsync(ct);
        var next = await db.TeamActions.AsNoTracking().Where(a => a.LocalityId == localityId && ids.Contains(a.SupportId) && a.DoneOn == null && a.RemovedUtc == null)
            .OrderBy(a => a.When).Select(a => new { a.SupportId, a.What, a.When }).ToListAsync(ct);
        var byHousehold = people.Where(p => p.HouseholdId != null).ToLookup(p => p.HouseholdId!.Value);
        var byId = people.ToDictionary(p => p.Id);
        var result = new List<SupportSummary>(supports.Count);
        foreach (var s in supports)
        {
            var members = s.HouseholdId is Guid h ? byHousehold[h].ToList() : s.PersonId is Guid p && byId.TryGetValue(p, out var one) ? [one] : [];
            if (members.Count == 0)
            {
                continue;
            }
            var lead = members.FirstOrDefault(m => m.DateOfBirth is null || m.DateOfBirth.Value.AddYears(18) <= s.StartedOn) ?? members[0];
            var seen = full.Contains(lead.Id);
            var words = mattered.FirstOrDefault(m => members.Any(x => x.Id == m.PersonId))?.InTheirWords;
            var n = next.FirstOrDefault(a => a.SupportId == s.Id);
            var name = members.Count == 1 ? lead.DisplayName : $"{lead.DisplayName} and household ({members.Count} people)";
            result.Add(new SupportSummary(s, lead, members, name, seen && lead.Household is { } hh ? $"{hh.AddressLine}, {hh.Postcode}" : null, seen,
                seen ? words : null, seen ? n?.What : null, seen ? n?.When : null));
        }
        return result;
    }
}
