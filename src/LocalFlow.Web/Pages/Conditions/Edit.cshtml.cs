using LocalFlow.Data;
using LocalFlow.Data.Conditions;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Conditions;

/// <summary>Change a system condition's kind, title or finding (audited field by field).</summary>
[Authorize(Policy = Policies.ConditionsEdit)]
public sealed class EditModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public ConditionInput Input { get; set; } = new();

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (current.LocalityId is not int locality || await SystemConditions.FindAsync(db, locality, id) is not { } c)
        {
            return NotFound();
        }
        Id = id;
        Input = ConditionInput.From(c);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Id = id;
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            if (!await SystemConditions.UpdateAsync(db, locality, id, Input))
            {
                return NotFound();
            }
            TempData["Done"] = LocalFlow.Web.Resources.ConditionsText.Changed;
            return Redirect($"/Conditions/Condition/{id}");
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
