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
        if (supports.Count == 0)
        {
            return [];
        }
        var ids = supports.Select(s => s.Id).ToList();
        var households = supports.Where(s => s.HouseholdId != null).Select(s => s.HouseholdId!.Value).ToList();
        var single = supports.Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).ToList();
        var people = await db.People.AsNoTracking().Include(p => p.Household)
            .Where(p => p.LocalityId == localityId && ((p.HouseholdId != null && households.Contains(p.HouseholdId.Value)) || single.Contains(p.Id)))
            .OrderBy(p => p.DateOfBirth).ToListAsync(ct);
        var full = (await db.People.Where(p => p.LocalityId == localityId && ((p.HouseholdId != null && households.Contains(p.HouseholdId.Value)) || single.Contains(p.Id)))
            .SeenInFull(db, viewer).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var personIds = people.Select(p => p.Id).ToList();
        var mattered = await db.WhatMattered.AsNoTracking().Where(m => m.LocalityId == localityId && personIds.Contains(m.PersonId) && m.RemovedUtc == null)
            .OrderByDescending(m => m.AskedOn).Select(m => new { m.PersonId, m.InTheirWords }).ToListAsync(ct);
        var next = await db.TeamActions.AsNoTracking().Where(a => a.LocalityId == localityId && ids.Contains(a.SupportId) && a.DoneOn == null && a.RemovedUtc == null)
            .OrderBy(a => a.When).Select(a => new { a.SupportId, a.What, a.When }).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var s in supports)
        {
            var members = people.Where(p => s.HouseholdId is Guid h ? p.HouseholdId == h : p.Id == s.PersonId).ToList();
            if (members.Count == 0)
            {
                continue;
            }
            var lead = members.Where(m => m.DateOfBirth is null || m.DateOfBirth.Value.AddYears(18) <= s.StartedOn).FirstOrDefault() ?? members[0];
            var seen = full.Contains(lead.Id);
            var words = mattered.FirstOrDefault(m => members.Any(x => x.Id == m.PersonId))?.InTheirWords;
            var n = next.FirstOrDefault(a => a.SupportId == s.Id);
            var name = members.Count == 1 ? lead.DisplayName : $"{lead.DisplayName} and household ({members.Count} people)";
            rows.Add(new Row(s.Id, lead.Id, name, seen && lead.Household is { } hh ? $"{hh.AddressLine}, {hh.Postcode}" : null, seen, s.KeyWorkerId == worker, s.StartedOn, s.SteppedBackOn,
                seen ? words : null, seen ? n?.What : null, seen ? n?.When : null));
        }
        return rows.OrderBy(r => r.SteppedBackOn is not null).ThenByDescending(r => r.KeyWorker).ThenBy(r => r.NextOn ?? DateOnly.MaxValue).ThenBy(r => r.Name).ToList();
    }
}
