using LocalFlow.Data;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Tests.Support;

/// <summary>Linking rows the tests need that a small demo may not have made.</summary>
internal static class LinkingData
{
    /// <summary>A pending review pair of the demo's own locality (about no restricted person): the demo's if it made one,
    /// else one made from two of its records (as a run would).</summary>
    public static async Task<Guid> AnyReviewAsync(LocalFlowDb db)
    {
        var demo = await db.Localities.MinAsync(l => l.Id);
        var restricted = db.SourceIdentities.Where(s => s.Person != null && (s.Person.Restricted || (s.Person.Household != null && s.Person.Household.Restricted))).Select(s => s.Id);
        var existing = await db.LinkReviews.Where(r => r.LocalityId == demo && r.Status == LinkReviewStatus.Pending && !restricted.Contains(r.IdentityAId) && !restricted.Contains(r.IdentityBId))
            .OrderBy(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync();
        if (existing != Guid.Empty)
        {
            return existing;
        }
        var run = await db.LinkRuns.Where(r => r.LocalityId == demo).OrderBy(r => r.Id).FirstAsync();
        var two = await db.SourceIdentities.Where(s => s.LocalityId == run.LocalityId && !restricted.Contains(s.Id)).OrderBy(s => s.Source).ThenBy(s => s.SourceRecordId).Take(2).ToListAsync();
        var review = new LinkReview
        {
            LocalityId = run.LocalityId,
            LinkRunId = run.Id,
            IdentityAId = two[0].Id,
            IdentityBId = two[1].Id,
            Weight = 1.5,
            Probability = 0.74,
            ExplanationJson = """{"a":{"source":"x","recordId":"1"},"b":{"source":"y","recordId":"2"},"priorWeight":-8,"contributions":[{"comparison":"Surname","level":"exact","valueA":"SMITH","valueB":"SMITH","weight":6.5,"termAdjustment":-0.5},{"comparison":"Date of birth","level":"day and month swapped","valueA":"1950-03-04","valueB":"1950-04-03","weight":3.5,"termAdjustment":0}],"totalWeight":1.5,"probability":0.74,"decision":1}""",
        };
        db.LinkReviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    }
}
