using LocalFlow.Data;
using LocalFlow.Data.Trust;
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
public sealed class SubjectAccessModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public SubjectAccessReport Report { get; private set; } = null!;

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
