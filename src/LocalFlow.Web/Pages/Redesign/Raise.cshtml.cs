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

/// <summary>Pose a commissioning question, from a system condition or a need (linked from their pages) or from nothing in LocalFlow.</summary>
[Authorize(Policy = Policies.RedesignWork)]
public sealed class RaiseModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    /// <summary>The system condition the question is raised from, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Condition { get; set; }

    /// <summary>The need of the needs database the question is raised from, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Need { get; set; }

    public string? ConditionTitle { get; private set; }
    public string? NeedTitle { get; private set; }
    public IReadOnlyList<(string Value, string Text)> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var origin = Condition is Guid c ? new QuestionOrigin(QuestionSource.SystemCondition, ConditionId: c)
            : Need is Guid n ? new QuestionOrigin(QuestionSource.Need, NeedId: n, Note: NeedTitle)
            : QuestionOrigin.None;
        try
        {
            var q = await Questions.RaiseAsync(db, current.LocalityId!.Value, Input, origin, current.UserName, ct);
            TempData["Done"] = Text.Format(QuestionText.Posed, RedesignText.Number(q.Number));
            return Redirect($"/Redesign/Question/{q.Id}");
        }
        catch (RedesignInputException ex)
        {
            RedesignText.AddErrors(ModelState, "Input.", ex);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return false;
        }
        if (Condition is Guid c)
        {
            ConditionTitle = await db.SystemConditions.AsNoTracking().Where(x => x.LocalityId == locality && x.Id == c).Select(x => x.Title).SingleOrDefaultAsync(ct);
            if (ConditionTitle is null)
            {
                return false;
            }
        }
        if (Need is Guid n)
        {
            NeedTitle = await db.Needs.AsNoTracking().Where(x => x.LocalityId == locality && x.Id == n).Select(x => x.Title).SingleOrDefaultAsync(ct);
            if (NeedTitle is null)
            {
                return false;
            }
        }
        Groups = await GroupOptionsAsync(db, locality, ct);
        return true;
    }

    /// <summary>The locality's groups for a form's select.</summary>
    public static async Task<IReadOnlyList<(string Value, string Text)>> GroupOptionsAsync(LocalFlowDb db, int locality, CancellationToken ct)
        => (await db.CommissioningGroups.AsNoTracking().Where(g => g.LocalityId == locality).OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct))
            .Select(g => (g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Name)).ToList();
}
