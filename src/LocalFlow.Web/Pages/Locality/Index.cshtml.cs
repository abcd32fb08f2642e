using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>Locality working's landing page: the team's purpose and principles, and "my people" for the signed-in worker.</summary>
[Authorize(Policy = Policies.PeopleRead)]
public sealed class IndexModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public LocalityTeam? Team { get; private set; }
    public IReadOnlyList<MyPeople.Row> Mine { get; private set; } = [];
    public bool IsWorker { get; private set; }
    /// <summary>"Help me" demands handed over from a front door that the team has not picked up yet.</summary>
    public IReadOnlyList<HeardAtFrontDoor> Waiting { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (current.LocalityId is not int locality)
        {
            return;
        }
        Team = await db.LocalityTeams.AsNoTracking().SingleOrDefaultAsync(t => t.LocalityId == locality);
        var viewer = current.Viewer;
        IsWorker = viewer.WorkerId is not null;
        Mine = await MyPeople.ForAsync(db, viewer, locality);
        if (Policies.Allows(User, Policies.LocalityWork))
        {
            Waiting = await new Handovers(db).WaitingAsync(locality);
        }
        if (Mine.Count > 0)
        {
            await AuditTrail.ReadAsync(db, AuditEventType.PersonalDataListed, "Person", null, locality, $"My people: {Mine.Count} shown");
        }
        if (Waiting.Count > 0)
        {
            await AuditTrail.ReadAsync(db, AuditEventType.PersonalDataListed, nameof(FrontDoorHandover), null, locality, $"Handed over from a front door: {Waiting.Count} shown");
        }
    }
}
