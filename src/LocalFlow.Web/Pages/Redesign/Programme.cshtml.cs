using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>Change the programme's name, vision and principles. A second saver sees both versions and keeps what they typed.</summary>
[Authorize(Policy = Policies.RedesignManage)]
public sealed class ProgrammeModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public ProgrammeInput Input { get; set; } = new();

    /// <summary>What someone else saved meanwhile, when this save was refused.</summary>
    public RedesignProgramme? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        var p = await Data.Redesign.Programme.EnsureAsync(db, locality, ct);
        Input = new ProgrammeInput { Name = p.Name, Vision = p.Vision, Principles = p.Principles, Version = p.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        try
        {
            var (saved, now) = await Data.Redesign.Programme.SaveAsync(db, locality, Input, current.UserName, ct);
            if (!saved)
            {
                Theirs = now;
                ModelState.AddModelError("Input.Vision", Text.Format(ProgrammeText.ProgrammeSavedMeanwhile, now.UpdatedBy));
                Input.Version = now.Version;
                ModelState.Remove("Input.Version");
                return Page();
            }
            TempData["Done"] = ProgrammeText.VisionSaved;
            return Redirect("/Redesign");
        }
        catch (RedesignInputException ex)
        {
            RedesignText.AddErrors(ModelState, "Input.", ex);
            return Page();
        }
    }
}
