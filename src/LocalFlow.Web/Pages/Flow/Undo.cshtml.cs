using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>Confirm, then undo an import: its records are deleted in one transaction and the undo is audited.</summary>
[Authorize(Policy = Policies.FlowImport)]
public sealed class UndoModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public FlowImport Import { get; private set; } = null!;
    public string? AgencyName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Import.Status == FlowImportStatus.Undone)
        {
            ModelState.AddModelError(string.Empty, LocalFlow.Web.Resources.Text.Format(LocalFlow.Web.Resources.FlowImportText.AlreadyUndone, Import.FileName, Import.UndoneBy));
            return Page();
        }
        var deleted = await FlowStore.UndoImportAsync(db, Import.LocalityId, Import.Id, ct);
        TempData["Done"] = $"The import of {Import.FileName} was undone: {deleted:N0} activity records deleted";
        return Redirect("/Flow/Imports");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var localities = current.LocalityIds;
        var import = await db.FlowImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && localities.Contains(i.LocalityId));
        if (import is null)
        {
            return false;
        }
        Import = import;
        AgencyName = import.AgencyId is { } a ? await db.Agencies.Where(x => x.Id == a).Select(x => x.Name).SingleAsync() : null;
        return true;
    }
}
