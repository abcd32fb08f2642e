using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>Start a study: service, kind, purpose from the person's point of view, front doors, dates, team.</summary>
[Authorize(Policy = Policies.DemandStudy)]
public sealed class CreateModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty]
    public StudyInput Input { get; set; } = new();

    public IReadOnlyList<(string Value, string Text)> Doors { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Teams { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input.StartsOn = DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));
        Input.EndsOn = Input.StartsOn.Value.AddDays(20);
        Input.Kind = StudyKind.PeopleCentred;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (current.LocalityId is not int locality)
        {
            ModelState.AddModelError("Input.Service", DemandStudyText.NoLocality);
            await LoadAsync();
            return Page();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        try
        {
            var study = await new DemandStudies(db).CreateStudyAsync(locality, Input);
            TempData["Done"] = study.StartedWithReadyMadeTypes
                ? Text.Format(DemandStudyText.StartedReadyMade, ReadyMadeCount())
                : DemandStudyText.Started;
            return Redirect($"/Demand/Capture/{study.Id}");
        }
        catch (DemandInputException ex)
        {
            foreach (var (field, message) in ex.Errors)
            {
                ModelState.AddModelError("Input." + field, message);
            }
            await LoadAsync();
            return Page();
        }
    }

    private int ReadyMadeCount() => (Input.ReadyMadeTypes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    private async Task LoadAsync()
    {
        var localities = current.LocalityIds;
        Doors = (await db.FrontDoors.Include(f => f.Agency).Where(f => localities.Contains(f.LocalityId)).OrderBy(f => f.Name).ToListAsync())
            .Select(f => (f.Id.ToString(CultureInfo.InvariantCulture), $"{f.Name} ({f.Agency?.ShortName})")).ToList();
        Teams = (await db.Teams.Include(t => t.Agency).OrderBy(t => t.Agency!.Name).ThenBy(t => t.Name).ToListAsync())
            .Select(t => (t.Id.ToString(CultureInfo.InvariantCulture), $"{t.Name} ({t.Agency?.ShortName})")).ToList();
    }
}
