using LocalFlow.Data;
using LocalFlow.Data.Trust;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>
/// Subject access: everything held about one person, to read or print, and as JSON (docs/security.md). For the data
/// officer who answers the request; a person the viewer may not see in full is not found. Each report is audited.
/// </summary>
[Authorize(Policy = Policies.PeopleSubjectAccess)]
public sealed class SubjectAccessModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    public SubjectAccessReport Report { get; private set; } = null!;

    /// <summary>Why the person is erased (which request it answers), for the audit entry; kept when the erasure is refused.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Set once the person was erased: what was removed.</summary>
    public ErasureResult? Erased { get; private set; }

    public string ErasedName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await SubjectAccess.MakeAsync(db, current.Viewer, id) is not { } report)
        {
            return NotFound();
        }
        Report = report;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>
    /// Erases the person, unless a retention rule still holds some of their records (each such rule is named with the
    /// date it holds them until). The same visibility rule as the report: a person the viewer may not see is not found.
    /// </summary>
    public async Task<IActionResult> OnPostEraseAsync(Guid id)
    {
        if (await LocalFlow.Data.LocalityWork.PersonInView.SeenInFullAsync(db, current.Viewer, id) is not { } person)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        try
        {
            Erased = await Erasure.EraseAsync(db, person, Reason ?? "", DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime)));
            ErasedName = person.DisplayName;
            return Page();
        }
        catch (ErasureRefusedException ex)
        {
            ModelState.AddModelError(nameof(Reason), ex.Message);
        }
        Report = (await SubjectAccess.MakeAsync(db, current.Viewer, id))!;
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(Guid id)
    {
        if (await SubjectAccess.MakeAsync(db, current.Viewer, id) is not { } report)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(System.Text.Encoding.UTF8.GetBytes(report.ToJson()), "application/json", $"subject-access-{id}.json");
    }
}
