using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>One activity record in full, with where it came from. Audited; hidden when its person is, or when no data sharing agreement shares it with the user's agency.</summary>
[Authorize(Policy = Policies.FlowStudy)]
public sealed class RecordModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public ActivityRecord Record { get; private set; } = null!;
    public Person Person { get; private set; } = null!;
    public string Agency { get; private set; } = "";
    public string? Team { get; private set; }
    public string? Worker { get; private set; }
    public string? ReferredTo { get; private set; }
    public string? CostSource { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var localities = current.LocalityIds;
        var record = await db.ActivityRecords.AsNoTracking().Where(r => r.Id == id && localities.Contains(r.LocalityId)).SharedWith(db, current.Viewer).SingleOrDefaultAsync();
        var person = record is null ? null : await FlowAccess.PersonAsync(db, current, record.PersonId);
        if (record is null || person is null)
        {
            return NotFound();
        }
        Record = record;
        Person = person;
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        Agency = agencies[record.AgencyId];
        Team = record.TeamId is int t ? await db.Teams.Where(x => x.Id == t).Select(x => x.Name).SingleOrDefaultAsync() : null;
        Worker = record.WorkerId is int w ? await db.Workers.Where(x => x.Id == w).Select(x => x.Name + " (" + x.JobTitle + ")").SingleOrDefaultAsync() : null;
        if (record.ReferredToAgencyId is int ra)
        {
            var team = record.ReferredToTeamId is int rt ? await db.Teams.Where(x => x.Id == rt).Select(x => x.Name).SingleOrDefaultAsync() : null;
            ReferredTo = agencies.GetValueOrDefault(ra) + (team is null ? "" : ", " + team);
        }
        CostSource = record.Cost is null ? null : record.CostFromCatalogue ? LocalFlow.Web.Resources.FlowText.CostFromCatalogue : LocalFlow.Web.Resources.FlowText.CostGivenByRecord;
        await AuditTrail.ReadAsync(db, AuditEventType.FlowRecordRead, nameof(ActivityRecord), record.Id.ToString(), record.LocalityId);
        return Page();
    }
}
