using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>Add a line of money to the resource database, or change or remove one. A save that crosses someone else's keeps what was typed.</summary>
[Authorize(Policy = Policies.RedesignResources)]
public sealed class MoneyModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public MoneyInput Input { get; set; } = new();

    /// <summary>The line being changed; null when adding.</summary>
    public Guid? Id { get; private set; }
    /// <summary>The version someone else saved meanwhile, when this save was refused.</summary>
    public ResourceMoney? Theirs { get; private set; }

    // The operation names fields as the CSV's columns; the form's keys are the input's properties.
    private static readonly Dictionary<string, string> FormKeys = new(StringComparer.Ordinal)
    {
        ["partner"] = "Input.Partner",
        ["body"] = "Input.Body",
        ["purpose"] = "Input.Purpose",
        ["amount"] = "Input.Amount",
        ["price_year"] = "Input.PriceYear",
        ["period"] = "Input.Period",
        ["note"] = "Input.Note",
        ["first_stage"] = "Input.FirstStage",
        ["last_stage"] = "Input.LastStage",
    };

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Id = id;
        if (id is Guid g)
        {
            if (await db.ResourceMoney.AsNoTracking().SingleOrDefaultAsync(m => m.LocalityId == locality && m.Id == g, ct) is not { } m)
            {
                return NotFound();
            }
            Input = MoneyInput.From(m);
        }
        else
        {
            Input = new MoneyInput { Period = "year", PriceYear = db.Clock.GetUtcNow().Year.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Id = id;
        try
        {
            var saved = await ResourceDatabase.SaveMoneyAsync(db, locality, id, Input, current.UserName, ct);
            if (saved is null)
            {
                return NotFound();
            }
            if (!saved.Saved)
            {
                Theirs = saved.Current;
                RedesignResourceText.SavedWhileEditing(ModelState, "Input.Purpose", saved.Current.UpdatedBy, RedesignResourceText.MoneyThis);
                Input.Version = saved.Current.Version;
                return Page();
            }
            TempData["Done"] = Text.Format(id is null ? RedesignResourceText.MoneyAdded : RedesignResourceText.MoneySaved, saved.Current.Purpose);
            return Redirect("/Redesign/Resources#money");
        }
        catch (RedesignInputException ex)
        {
            foreach (var (field, message) in ex.Errors)
            {
                ModelState.AddModelError(FormKeys.GetValueOrDefault(field, "Input.Purpose"), message);
            }
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || id is not Guid g || !await ResourceDatabase.RemoveMoneyAsync(db, locality, g, ct))
        {
            return NotFound();
        }
        TempData["Done"] = RedesignResourceText.MoneyRemoved;
        return Redirect("/Redesign/Resources#money");
    }
}
