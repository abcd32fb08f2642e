using LocalFlow.Analytics.Linking;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Linking;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Linking;

/// <summary>One pair in the review queue: the two records side by side with differences marked, why they scored as they did, and the decision.</summary>
[Authorize(Policy = Policies.LinkingManage)]
public sealed class PairModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public sealed record Field(string Name, string? A, string? B)
    {
        public bool Differs => !string.Equals(Normal(A), Normal(B), StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(A) && !string.IsNullOrWhiteSpace(B);
        public bool Missing => string.IsNullOrWhiteSpace(A) || string.IsNullOrWhiteSpace(B);

        private static string Normal(string? s) => (s ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
    }

    public LinkReview Review { get; private set; } = null!;
    public SourceIdentity A { get; private set; } = null!;
    public SourceIdentity B { get; private set; } = null!;
    public IReadOnlyList<Field> Fields { get; private set; } = [];
    public PairExplanation? Explanation { get; private set; }
    public WaterfallChart? Waterfall { get; private set; }

    [BindProperty]
    public string? Decision { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } problem)
        {
            return problem;
        }
        if (Decision is not ("same" or "different"))
        {
            ModelState.AddModelError(nameof(Decision), LinkingText.ChooseSame);
            return Page();
        }
        try
        {
            await LinkingService.DecideAsync(db, Review.LocalityId, Review.Id, Decision == "same", current.UserName, current.UserId);
        }
        catch (LinkingException ex)
        {
            ModelState.AddModelError(nameof(Decision), ex.Message);
            return Page();
        }
        TempData["Done"] = Text.Format(Decision == "same" ? LinkingText.Linked : LinkingText.KeptApart, A.DisplayName, A.Source, B.DisplayName, B.Source);
        return RedirectToPage("/Linking/Review");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var localities = current.LocalityIds;
        var review = await db.LinkReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && localities.Contains(r.LocalityId));
        if (review is null)
        {
            return NotFound();
        }
        // Restricted people's records stay hidden (Visibility): the same answer as a record that does not exist.
        var pair = await db.SourceIdentities.AsNoTracking().SeenInFull(db, current.Viewer).Include(s => s.Person).Where(s => s.LocalityId == review.LocalityId && (s.Id == review.IdentityAId || s.Id == review.IdentityBId)).ToListAsync();
        var a = pair.SingleOrDefault(s => s.Id == review.IdentityAId);
        var b = pair.SingleOrDefault(s => s.Id == review.IdentityBId);
        if (a is null || b is null)
        {
            return NotFound();
        }
        Review = review;
        A = a;
        B = b;
        Fields =
        [
            new(LinkingText.GivenNames, a.GivenNames, b.GivenNames),
            new(LinkingText.Surname, a.Surname, b.Surname),
            new(LinkingText.PreviousSurnames, a.PreviousSurnames, b.PreviousSurnames),
            new(LinkingText.DateOfBirth, a.DateOfBirth, b.DateOfBirth),
            new(LinkingText.Sex, a.Sex, b.Sex),
            new(LinkingText.Address, a.AddressLine, b.AddressLine),
            new(LinkingText.Postcode, a.Postcode, b.Postcode),
            new(LinkingText.NhsNumber, a.NhsNumber, b.NhsNumber),
            new(LinkingText.OtherId, a.OtherId, b.OtherId),
            new(LinkingText.Phone, a.Phone, b.Phone),
            new(LinkingText.Email, a.Email, b.Email),
            new(LinkingText.Recorded, a.RecordDate is { } ra ? Text.Date(ra) : null, b.RecordDate is { } rb ? Text.Date(rb) : null),
        ];
        Explanation = LinkingService.Explanation(review);
        if (Explanation is { } e)
        {
            Waterfall = new WaterfallChart(
                "Why this pair scored as it did",
                "Each comparison's contribution to the match weight, in bits: agreement adds, disagreement takes away, a missing value counts for nothing.",
                e.PriorWeight,
                "Before comparing (prior)",
                [.. e.Contributions.Select(c => new WaterfallStep($"{c.Comparison}: {c.Level}", Math.Round(c.Total, 2)) { Note = $"{c.ValueA} / {c.ValueB}" })])
            {
                TotalLabel = "Match weight",
                ValueLabel = "Match weight (bits)",
                Id = "waterfall",
            };
        }
        await AuditTrail.ReadAsync(db, AuditEventType.LinkRead, nameof(LinkReview), review.Id.ToString(), review.LocalityId, $"Review pair: {a.Source} {a.SourceRecordId} and {b.Source} {b.SourceRecordId}");
        return null;
    }
}
