using LocalFlow.Analytics.Linking;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Linking;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Linking;

/// <summary>Linking records: what each agency's system holds, how it links into people, the latest run's quality, and the review queue.</summary>
[Authorize(Policy = Policies.LinkingManage)]
public sealed class IndexModel(LocalFlowDb db, CurrentUser current, LinkingRunner runner) : PageModel
{
    public sealed record SourceRow(string Source, int Records, int Linked);

    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];
    public int PeopleInSeveralSystems { get; private set; }
    public int Pending { get; private set; }
    public LinkRun? Latest { get; private set; }
    public QualityReport? Report { get; private set; }
    public IReadOnlyList<LinkRun> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (current.LocalityId is not { } localityId)
        {
            return Forbid();
        }
        var counts = await db.SourceIdentities.Where(s => s.LocalityId == localityId)
            .GroupBy(s => s.Source)
            .Select(g => new { Source = g.Key, Records = g.Count(), Linked = g.Count(s => s.PersonId != null) })
            .ToListAsync();
        Sources = counts.Select(c => new SourceRow(c.Source, c.Records, c.Linked)).OrderBy(r => r.Source, StringComparer.Ordinal).ToList();
        var personSources = await db.SourceIdentities.Where(s => s.LocalityId == localityId && s.PersonId != null)
            .Select(s => new { s.PersonId, s.Source }).Distinct().ToListAsync();
        PeopleInSeveralSystems = personSources.GroupBy(x => x.PersonId).Count(g => g.Count() > 1);
        Pending = await db.LinkReviews.CountAsync(r => r.LocalityId == localityId && r.Status == LinkReviewStatus.Pending);
        Runs = (await db.LinkRuns.Where(r => r.LocalityId == localityId).ToListAsync()).OrderByDescending(r => r.StartedAt).Take(10).ToList();
        Latest = Runs.FirstOrDefault(r => r.Status == LinkRunStatus.Finished);
        Report = Latest is null ? null : LinkingService.Report(Latest);
        await AuditTrail.ReadAsync(db, AuditEventType.LinkRead, nameof(SourceIdentity), null, localityId, "Linking summary (counts only)");
        return Page();
    }

    /// <summary>Link on Bloom-filter encodings only (privacy-preserving mode).</summary>
    [BindProperty]
    public bool PrivacyPreserving { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (current.LocalityId is not { } localityId)
        {
            return Forbid();
        }
        try
        {
            var run = await LinkingService.StartAsync(db, localityId, current.UserName, current.UserId, PrivacyPreserving);
            runner.Enqueue(run.Id, current.UserName, current.UserId);
            return RedirectToPage("/Linking/Run", new { id = run.Id });
        }
        catch (LinkingException ex)
        {
            TempData["Problem"] = ex.Message;
            return RedirectToPage();
        }
    }
}
