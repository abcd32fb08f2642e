using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>Every import of activity records into the locality (file, agency, who, when, records, skipped, status), newest first.</summary>
[Authorize(Policy = Policies.FlowImport)]
public sealed class ImportsModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public const int MaxRows = 200;

    public sealed record Row(FlowImport Import, string? Agency);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (current.LocalityId is not int locality)
        {
            return;
        }
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        Rows = (await db.FlowImports.AsNoTracking().Where(i => i.LocalityId == locality).OrderByDescending(i => i.ImportedUtc).Take(MaxRows).ToListAsync())
            .Select(i => new Row(i, i.AgencyId is { } a ? agencies.GetValueOrDefault(a) : null)).ToList();
    }
}
