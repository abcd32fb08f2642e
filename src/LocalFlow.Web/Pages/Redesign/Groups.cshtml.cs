using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>The commissioning groups: remit and members (staff and citizens, equal standing), with the vision and principles above them.</summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class GroupsModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public RedesignProgramme Programme { get; private set; } = null!;
    public IReadOnlyList<(CommissioningGroup Group, int Questions)> Groups { get; private set; } = [];
    /// <summary>True for those who may add and change groups and members (the steering group and commissioners).</summary>
    public bool MayChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        MayChange = Policies.Allows(User, Policies.RedesignGroups);
        Programme = await Data.Redesign.Programme.EnsureAsync(db, locality, ct);
        var groups = await db.CommissioningGroups.AsNoTracking().Include(g => g.Members)
            .Where(g => g.LocalityId == locality).OrderBy(g => g.Name).ToListAsync(ct);
        var counts = await db.CommissioningQuestions.AsNoTracking().Where(q => q.LocalityId == locality && q.GroupId != null)
            .GroupBy(q => q.GroupId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.N, ct);
        Groups = groups.Select(g => (g, counts.GetValueOrDefault(g.Id))).ToList();
        return Page();
    }
}
