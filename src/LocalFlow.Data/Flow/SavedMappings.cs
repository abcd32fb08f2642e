using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Flow;

/// <summary>CSV column mappings saved per agency, so that next month's extract maps itself. Saving is audited as a reference-data change.</summary>
public static class SavedMappings
{
    /// <summary>The agency's saved mappings, newest first.</summary>
    public static Task<List<FlowMapping>> ForAgencyAsync(LocalFlowDb db, int localityId, int agencyId, CancellationToken ct = default)
        => db.FlowMappings.AsNoTracking().Where(m => m.LocalityId == localityId && m.AgencyId == agencyId)
            .OrderByDescending(m => m.SavedUtc).ThenByDescending(m => m.Id).ToListAsync(ct);

    /// <summary>Saves the mapping under its name for the agency, replacing one of the same name.</summary>
    public static async Task<FlowMapping> SaveAsync(LocalFlowDb db, int localityId, int agencyId, string name, CsvMapping mapping, CancellationToken ct = default)
    {
        mapping.Validate();
        name = name.Trim();
        if (name.Length is 0 or > 200)
        {
            throw new ArgumentException("A saved mapping needs a name of at most 200 characters.", nameof(name));
        }
        var saved = await db.FlowMappings.SingleOrDefaultAsync(m => m.LocalityId == localityId && m.AgencyId == agencyId && m.Name == name, ct);
        if (saved is null)
        {
            saved = new FlowMapping { LocalityId = localityId, AgencyId = agencyId, Name = name, MappingJson = "", SavedBy = "" };
            db.FlowMappings.Add(saved);
        }
        saved.MappingJson = mapping.ToJson();
        saved.SavedBy = db.Actor.UserName;
        saved.SavedUtc = db.Clock.GetUtcNow().UtcDateTime;
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, saved.Id == 0 ? AuditOperation.Create : AuditOperation.Update, nameof(FlowMapping), name, localityId,
            $"Saved the column mapping \"{name}\" for agency {agencyId}");
        await db.SaveChangesAsync(ct);
        return saved;
    }
}
