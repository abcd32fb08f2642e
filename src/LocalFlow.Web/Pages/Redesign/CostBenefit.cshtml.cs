using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>A question's cost–benefit case: costs and benefits a year, the discount rate, the currency and price year.</summary>
[Authorize(Policy = Policies.RedesignWork)]
public sealed class CostBenefitModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    /// <summary>Blank rows offered after the years already entered.</summary>
    public const int SpareRows = 3;

    [BindProperty]
    public CostBenefitInput Input { get; set; } = new();

    public CommissioningQuestion Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || await Questions.FindAsync(db, locality, id, ct) is not { } q)
        {
            return NotFound();
        }
        Question = q;
        Input = new CostBenefitInput
        {
            Rows = q.Years.OrderBy(y => y.Year).Select(y => new CostBenefitRow { Year = y.Year, Cost = y.Cost, Benefit = y.Benefit }).ToList(),
            RatePercent = q.DiscountRate is decimal r ? r * 100 : 3.5m,
            Currency = q.Currency ?? "GBP",
            PriceYear = q.PriceYear,
            Version = q.Version,
        };
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || await Questions.FindAsync(db, locality, id, ct) is not { } q)
        {
            return NotFound();
        }
        Question = q;
        if (!ModelState.IsValid)
        {
            // Only a field that is not a number fails here: ASP.NET's own message names the property in English.
            foreach (var entry in ModelState.Values.Where(e => e.ValidationState == ModelValidationState.Invalid))
            {
                entry.Errors.Clear();
                entry.Errors.Add(QuestionText.NotANumber);
            }
            Pad();
            return Page();
        }
        try
        {
            var saved = await CostBenefitCases.SaveAsync(db, locality, id, Input, current.UserName, ct);
            if (saved is { Saved: false } refused)
            {
                ModelState.AddModelError("Input.RatePercent", Text.Format(QuestionText.CbChangedMeanwhile, refused.Current.UpdatedBy));
                Input.Version = refused.Current.Version;
                ModelState.Remove("Input.Version");
                Pad();
                return Page();
            }
            TempData["Done"] = QuestionText.CbSaved;
            return Redirect($"/Redesign/Question/{id}");
        }
        catch (RedesignInputException ex)
        {
            RedesignText.AddErrors(ModelState, "Input.", ex);
            Pad();
            return Page();
        }
    }

    private void Pad()
    {
        while (Input.Rows.Count(r => r.IsBlank) < SpareRows || Input.Rows.Count < 5)
        {
            Input.Rows.Add(new CostBenefitRow());
        }
    }
}
