using LocalFlow.Analytics.Linking;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Linking;

/// <summary>One linking run: its progress while it works (refreshed by htmx, or by the user without JavaScript), then its outcome.</summary>
[Authorize(Policy = Policies.LinkingManage)]
public sealed class RunModel(LocalFlowDb db, CurrentUser current, LinkingRunner runner) : PageModel
{
    public LinkRun Run { get; private set; } = null!;
    public LinkageProgress? Progress { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var localities = current.LocalityIds;
        var run = await db.LinkRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && localities.Contains(r.LocalityId));
        if (run is null)
        {
            return NotFound();
        }
        Run = run;
        Progress = runner.Progress(id);
        return Page();
    }

    /// <summary>Overall share done: the five stages weigh equally.</summary>
    public double Overall => Progress is not { } p ? 0 : (Array.IndexOf(Stages, p.Stage) is var i and >= 0 ? (i + p.Fraction) / Stages.Length : 0);

    public static readonly string[] Stages = ["blocking", "comparing", "estimating", "scoring", "clustering"];
}
