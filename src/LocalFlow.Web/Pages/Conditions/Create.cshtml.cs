using LocalFlow.Data;
using LocalFlow.Data.Conditions;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Conditions;

/// <summary>Record a system condition: its kind, a title and what the team found. Evidence is added next.</summary>
[Authorize(Policy = Policies.ConditionsEdit)]
public sealed class CreateModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public ConditionInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (current.LocalityId is not int locality)
        {
            ModelState.AddModelError("Input.Title", LocalFlow.Web.Resources.ConditionsText.NoLocality);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var c = await SystemConditions.CreateAsync(db, locality, Input);
            TempData["Done"] = LocalFlow.Web.Resources.ConditionsText.Recorded;
            return Redirect($"/Conditions/Evidence/{c.Id}");
        }
        catch (ConditionInputException ex)
        {
            foreach (var (field, message) in ex.Errors)
            {
                ModelState.AddModelError("Input." + field, message);
            }
            return Page();
        }
    }
}
