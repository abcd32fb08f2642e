using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// Follows an import running in the background: the page reloads itself every two seconds (no JavaScript needed)
/// until the records are stored, or the file is refused with its errors. An import finished before the app last
/// started is shown from its stored row.
/// </summary>
[Authorize(Policy = Policies.FlowImport)]
public sealed class ImportProgressModel(LocalFlowDb db, CurrentUser current, FlowImportRunner runner) : PageModel
{
    public const int RefreshSeconds = 2;

    public FlowImportJob? Job { get; private set; }
    public FlowImport? Stored { get; private set; }
    public string? AgencyName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var localities = current.LocalityIds;
        Job = runner.Job(id);
        if (Job is not null && (Job.UserName != current.UserName || !localities.Contains(Job.Request.LocalityId)))
        {
            Job = null;
        }
        if (Job is null || Job.State == FlowImportJobState.Stored)
        {
            Stored = await db.FlowImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && localities.Contains(i.LocalityId));
            if (Stored is null && Job is null)
            {
                return NotFound();
            }
            AgencyName = Stored?.AgencyId is { } a ? await db.Agencies.Where(x => x.Id == a).Select(x => x.Name).SingleAsync() : null;
        }
        if (Job is { Finished: false })
        {
            ViewData["RefreshSeconds"] = RefreshSeconds;
        }
        return Page();
    }
}
