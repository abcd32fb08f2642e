using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

[Authorize(Policy = Policies.AdminAudit)]
public sealed class AuditModel(LocalFlowDb db, AuditChainStatus chain) : PageModel
{
    public AuditChainStatus Chain => chain;

    /// <summary>Checks the whole audit chain now (not only since the last anchor) and shows what was found.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        await chain.CheckAsync(db, fromLastAnchor: false, HttpContext.RequestAborted);
        return RedirectToPage();
    }

    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Names of the records the page's entries are about, by kind and id (ids of kinds without a name are left out).</summary>
    private readonly Dictionary<(string Kind, string Id), string> _names = [];

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
                ModelState.AddModelError("type", AuditTrailText.ChooseWhatHappened);
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
                ModelState.AddModelError("from", AuditTrailText.EnterDate);
            }
        }
        Total = await q.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Events = await q.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        await NameRecordsAsync();
        // Searching the audit trail is itself audited.
        AuditTrail.Add(db, AuditEventType.AuditSearched, AuditOperation.Read, "AuditEvent", null, null, $"user={UserFilter}; type={TypeFilter}; record={RecordFilter}; from={From}");
        await db.SaveChangesAsync();
    }

    public string Link(int page) => "/Admin/Audit?" + string.Join("&", new[]
    {
        ("user", UserFilter), ("type", TypeFilter), ("record", RecordFilter), ("from", From), ("p", page.ToString(CultureInfo.InvariantCulture)),
    }.Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}"));

    /// <summary>The record an entry is about, in words: its kind and, where it has one, its name (never a raw id).</summary>
    public string RecordName(AuditEvent e)
    {
        if (e.EntityType is "Person" or "Household")
        {
            // Administrators may not see people: the kind is enough here, and the id finds the other entries.
            return e.EntityId is null ? AuditText.KindName(e.EntityType) : Text.Format(AuditTrailText.OneOf, AuditText.KindName(e.EntityType).ToLowerInvariant());
        }
        return e.EntityId is string id && _names.TryGetValue((e.EntityType, id), out var name)
            ? Text.Format(AuditTrailText.Named, AuditText.KindName(e.EntityType), name)
            : AuditText.KindName(e.EntityType);
    }

    private async Task NameRecordsAsync()
    {
        List<int> Ints(string kind) => Events.Where(e => e.EntityType == kind && e.EntityId is not null)
            .Select(e => int.TryParse(e.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).Where(i => i >= 0).Distinct().ToList();
        async Task AddAsync(string kind, Func<List<int>, Task<List<(int Id, string Name)>>> load)
        {
            var ids = Ints(kind);
            if (ids.Count > 0)
            {
                foreach (var (id, name) in await load(ids))
                {
                    _names[(kind, id.ToString(CultureInfo.InvariantCulture))] = name;
                }
            }
        }
        await AddAsync("User", ids => db.Users.Where(x => ids.Contains(x.Id)).Select(x => new ValueTuple<int, string>(x.Id, x.DisplayName)).ToListAsync());
        await AddAsync("Agency", ids => db.Agencies.Where(x => ids.Contains(x.Id)).Select(x => new ValueTuple<int, string>(x.Id, x.Name)).ToListAsync());
        await AddAsync("Team", ids => db.Teams.Where(x => ids.Contains(x.Id)).Select(x => new ValueTuple<int, string>(x.Id, x.Name)).ToListAsync());
        await AddAsync("Worker", ids => db.Workers.Where(x => ids.Contains(x.Id)).Select(x => new ValueTuple<int, string>(x.Id, x.Name)).ToListAsync());
        await AddAsync("FrontDoor", ids => db.FrontDoors.Where(x => ids.Contains(x.Id)).Select(x => new ValueTuple<int, string>(x.Id, x.Name)).ToListAsync());
        await AddAsync("UnitCost", ids => db.UnitCosts.Where(x => ids.Contains(x.Id)).Select(x => new ValueTuple<int, string>(x.Id, x.Description)).ToListAsync());
        await AddAsync("Locality", ids => db.Localities.Where(x => ids.Contains(x.Id)).Select(x => new ValueTuple<int, string>(x.Id, x.Name)).ToListAsync());
        await AddAsync("Street", ids => db.Streets.Where(x => ids.Contains(x.Id)).Select(x => new ValueTuple<int, string>(x.Id, x.Name)).ToListAsync());
        await AddAsync("DemandStudy", ids => db.DemandStudies.Where(x => ids.Contains(x.Id)).Select(x => new ValueTuple<int, string>(x.Id, x.Service)).ToListAsync());
        await AddAsync("DemandType", ids => db.DemandTypes.Where(x => ids.Contains(x.Id)).Select(x => new ValueTuple<int, string>(x.Id, x.Name)).ToListAsync());
        var conditionIds = Events.Where(e => e.EntityType == "SystemCondition" && Guid.TryParse(e.EntityId, out _)).Select(e => Guid.Parse(e.EntityId!)).Distinct().ToList();
        if (conditionIds.Count > 0)
        {
            foreach (var c in await db.SystemConditions.Where(x => conditionIds.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync())
            {
                _names[("SystemCondition", c.Id.ToString())] = c.Title;
            }
        }
    }
}
