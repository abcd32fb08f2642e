using LocalFlow.Analytics;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Linking;

/// <summary>The review queue: pairs scored between the thresholds, most doubtful first. Restricted people stay hidden.</summary>
[Authorize(Policy = Policies.LinkingManage)]
public sealed class ReviewModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public sealed record Row(Guid Id, string A, string SourceA, string B, string SourceB, double Weight, double Probability, bool Flagged);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Hidden { get; private set; }
    public int Decided { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (current.LocalityId is not { } localityId)
        {
            return Forbid();
        }
        var pending = await db.LinkReviews.AsNoTracking().Where(r => r.LocalityId == localityId && r.Status == LinkReviewStatus.Pending).ToListAsync();
        Decided = await db.LinkReviews.CountAsync(r => r.LocalityId == localityId && r.Status != LinkReviewStatus.Pending);
        var ids = pending.SelectMany(r => new[] { r.IdentityAId, r.IdentityBId }).Distinct().ToList();
        var identities = await db.SourceIdentities.AsNoTracking().Include(s => s.Person).Where(s => s.LocalityId == localityId && ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id);
        var visible = (await db.SourceIdentities.SeenInFull(db, current.Viewer).Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync()).ToHashSet();
        var rows = new List<Row>();
        foreach (var r in pending.OrderBy(r => Math.Abs(r.Probability - 0.5)).ThenBy(r => r.Id))
        {
            if (!identities.TryGetValue(r.IdentityAId, out var a) || !identities.TryGetValue(r.IdentityBId, out var b))
            {
                continue;
            }
            if (!visible.Contains(a.Id) || !visible.Contains(b.Id))
            {
                Hidden++;
                continue;
            }
            rows.Add(new Row(r.Id, a.DisplayName, a.Source, b.DisplayName, b.Source, r.Weight, r.Probability, r.ClusterFlagged));
        }
        Rows = rows;
        await AuditTrail.ReadAsync(db, AuditEventType.LinkRead, nameof(LinkReview), null, localityId, $"Review queue listed ({Plural.Of(rows.Count, "pair")})");
        return Page();
    }
}
