using LocalFlow.Analytics.Locality;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>
/// The locality team placing a household in a tier themselves, with a note, when they know better than the rule
/// (docs/locality-picture.md); or handing it back to the rule. Overrides are personal data: every change is audited
/// through the audit trail's change tracking.
/// </summary>
public sealed class TierOverrides(LocalFlowDb db)
{
    /// <summary>Places <paramref name="householdId"/> in <paramref name="tier"/>, or back under the rule when <paramref name="tier"/> is null.</summary>
    public async Task SetAsync(int localityId, Guid householdId, Tier? tier, string? note, string by, CancellationToken ct = default)
    {
        var row = await db.TierOverrides.SingleOrDefaultAsync(o => o.LocalityId == localityId && o.HouseholdId == householdId, ct);
        if (tier is null)
        {
            if (row is not null)
            {
                db.TierOverrides.Remove(row);
            }
        }
        else
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(note);
            if (row is null)
            {
                row = new TierOverride { Id = Guid.CreateVersion7(), LocalityId = localityId, HouseholdId = householdId, Note = "" };
                db.TierOverrides.Add(row);
            }
            row.Tier = (int)tier.Value;
            row.Note = note.Trim();
            row.SetBy = by;
            row.SetUtc = db.Clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
    }
}
