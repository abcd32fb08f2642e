using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Api;

/// <summary>The audit trail, newest first, for administrators.</summary>
public static class AuditApi
{
    public sealed record AuditDto(long Id, DateTime At, string UserName, AuditEventType EventType, AuditOperation Operation, string EntityType, string? EntityId, int? LocalityId, string Source, string? Detail);

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (LocalFlowDb db, string? user, string? record, int? take) =>
        {
            var q = db.AuditEvents.AsNoTracking().AsQueryable();
            if (!string.IsNullOrWhiteSpace(user))
            {
                q = q.Where(e => e.UserName == user);
            }
            if (!string.IsNullOrWhiteSpace(record))
            {
                q = q.Where(e => e.EntityId == record);
            }
            var rows = await q.OrderByDescending(e => e.Id).Take(Math.Clamp(take ?? 100, 1, 1000))
                .Select(e => new AuditDto(e.Id, e.At, e.UserName, e.EventType, e.Operation, e.EntityType, e.EntityId, e.LocalityId, e.Source, e.Detail)).ToListAsync();
            AuditTrail.Add(db, AuditEventType.AuditSearched, AuditOperation.Read, "AuditEvent", null, null, $"api user={user}; record={record}");
            await db.SaveChangesAsync();
            return Results.Ok(rows);
        }).RequireAuthorization(Policies.AdminAudit).WithSummary("Search the audit trail.");
        return api;
    }
}
