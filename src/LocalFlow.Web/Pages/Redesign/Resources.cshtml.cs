using System.Text;
using LocalFlow.Analytics.Redesign;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>
/// The resource database: money by partner and purpose (totals from <see cref="ResourceTotals"/>), buildings and
/// assets, and the workforce — counted from the workers and teams already held, with what is missing. Nothing here
/// names a person: workers are counted by agency and job title.
/// </summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class ResourcesModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    /// <summary>The workforce of one agency: its teams and workers, and how many hold each job title.</summary>
    public sealed record AgencyWorkforce(string Agency, int Teams, int Workers, IReadOnlyList<(string? Title, int Workers)> Titles);

    public MoneyTotals Totals { get; private set; } = null!;
    public IReadOnlyList<ResourceMoney> Money { get; private set; } = [];
    public IReadOnlyList<ResourceBuilding> Buildings { get; private set; } = [];
    public IReadOnlyList<AgencyWorkforce> Workforce { get; private set; } = [];
    public IReadOnlyList<(string? Agency, WorkforceGap Gap)> Gaps { get; private set; } = [];
    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Totals = await ResourceDatabase.TotalsAsync(db, locality, ct);
        Money = await ResourceDatabase.MoneyAsync(db, locality, ct);
        Buildings = await ResourceDatabase.BuildingsAsync(db, locality, ct);
        var workers = await db.Workers.AsNoTracking().Select(w => new { Agency = w.Agency!.Name, w.TeamId, w.JobTitle }).ToListAsync(ct);
        Workforce = workers.GroupBy(w => w.Agency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AgencyWorkforce(g.Key, g.Where(w => w.TeamId is not null).Select(w => w.TeamId).Distinct().Count(), g.Count(),
                g.GroupBy(w => string.IsNullOrWhiteSpace(w.JobTitle) ? null : w.JobTitle.Trim())
                    .OrderByDescending(t => t.Count()).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Count())).ToList()))
            .ToList();
        Gaps = await WorkforceGaps.ListAsync(db, locality, ct);
        MayEdit = Policies.Allows(User, Policies.RedesignResources);
        return Page();
    }

    /// <summary>The money or the buildings as CSV, as import takes them back.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? sheet, CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        var which = string.Equals(sheet, "buildings", StringComparison.OrdinalIgnoreCase) ? ResourceSheet.Buildings : ResourceSheet.Money;
        var text = await ResourceCsv.ExportAsync(db, locality, which, ct);
        var name = which == ResourceSheet.Money ? "resources-money.csv" : "resources-buildings.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "text/csv; charset=utf-8", name);
    }
}
