using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

public sealed class WorkersModel(LocalFlowDb db) : PageModel
{
    public sealed class WorkerInput
    {
        public string? Name { get; set; }
        public string? JobTitle { get; set; }
        public string? TeamId { get; set; }
    }

    [BindProperty]
    public WorkerInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "agency")]
    public string? AgencyFilter { get; set; }

    public IReadOnlyList<Worker> Workers { get; private set; } = [];
    public IReadOnlyList<(string, string)> AgencyOptions { get; private set; } = [];
    public IReadOnlyList<(string, string)> TeamOptions { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.Name", AdminText.EnterWorkerName);
        }
        var team = int.TryParse(Input.TeamId, NumberStyles.None, CultureInfo.InvariantCulture, out var tid) ? await db.Teams.FindAsync(tid) : null;
        if (team is null)
        {
            ModelState.AddModelError("Input.TeamId", AdminText.ChooseWorkerTeam);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.Workers.Add(new Worker { Name = name!, JobTitle = Input.JobTitle?.Trim() ?? "", AgencyId = team!.AgencyId, TeamId = team.Id });
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(Worker), name, null);
        await db.SaveChangesAsync();
        TempData["Done"] = Text.Format(AdminText.Added, name);
        return RedirectToPage(new { agency = team.AgencyId });
    }

    private async Task LoadAsync()
    {
        var q = db.Workers.Include(w => w.Agency).Include(w => w.Team).AsQueryable();
        if (int.TryParse(AgencyFilter, NumberStyles.None, CultureInfo.InvariantCulture, out var aid))
        {
            q = q.Where(w => w.AgencyId == aid);
        }
        Workers = await q.OrderBy(w => w.Agency!.Name).ThenBy(w => w.Team!.Name).ThenBy(w => w.Name).Take(500).ToListAsync();
        AgencyOptions = (await db.Agencies.OrderBy(a => a.Name).ToListAsync()).Select(a => (a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList();
        TeamOptions = (await db.Teams.Include(t => t.Agency).OrderBy(t => t.Agency!.Name).ThenBy(t => t.Name).ToListAsync())
            .Select(t => (t.Id.ToString(CultureInfo.InvariantCulture), $"{t.Agency!.ShortName}: {t.Name}")).ToList();
    }
}
