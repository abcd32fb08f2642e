using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

[Authorize(Policy = Policies.AdminAudit)]
public sealed class AuditModel(LocalFlowDb db) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? TypeFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "record")]
    public string? RecordFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var q = db.AuditEvents.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(UserFilter))
        {
            var u = UserFilter.Trim();
            q = q.Where(e => e.UserName == u);
        }
        if (!string.IsNullOrEmpty(TypeFilter))
        {
            if (Enum.TryParse<AuditEventType>(TypeFilter, out var t))
            {
                q = q.Where(e => e.EventType == t);
            }
            else
            {
                ModelState.AddModelError("type", "Choose what happened from the list");
            }
        }
        if (!string.IsNullOrWhiteSpace(RecordFilter))
        {
            var r = RecordFilter.Trim();
            q = q.Where(e => e.EntityId == r || e.EntityType == r);
        }
        if (!string.IsNullOrWhiteSpace(From))
        {
            if (DateOnly.TryParseExact(From.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                var from = d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                q = q.Where(e => e.At >= from);
            }
            else
            {
                ModelState.AddModelError("from", "Enter the date as year-month-day, for example 2026-11-23");
            }
        }
        Events = await q.OrderByDescending(e => e.Id).Take(PageSize).ToListAsync();
        // Searching the audit trail is itself audited.
        AuditTrail.Add(db, AuditEventType.AuditSearched, AuditOperation.Read, "AuditEvent", null, null, $"user={UserFilter}; type={TypeFilter}; record={RecordFilter}; from={From}");
        await db.SaveChangesAsync();
    }
}
