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

/// <summary>The portfolio of commissioning questions: filters by stage, status, group and source, totals, 50 a page.</summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class QuestionsModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public QuestionStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public QuestionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public QuestionSource? Source { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PortfolioPage Result { get; private set; } = null!;
    public IReadOnlyList<(string Value, string Text)> GroupOptions { get; private set; } = [];
    public bool MayWork { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Result = await Portfolio.ListAsync(db, locality, new PortfolioFilter(Stage, Status, Group, Source), PageNumber, ct);
        GroupOptions = (await db.CommissioningGroups.AsNoTracking().Where(g => g.LocalityId == locality).OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name }).ToListAsync(ct))
            .Select(g => (g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Name)).ToList();
        MayWork = Policies.Allows(User, Policies.RedesignWork);
        return Page();
    }

    /// <summary>This page's address with another page number, keeping the filters.</summary>
    public string PageHref(int page)
    {
        var query = new List<string>();
        if (Stage is { } s)
        {
            query.Add("stage=" + s);
        }
        if (Status is { } st)
        {
            query.Add("status=" + st);
        }
        if (Group is { } g)
        {
            query.Add("group=" + g.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (Source is { } so)
        {
            query.Add("source=" + so);
        }
        query.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/Redesign/Questions?" + string.Join('&', query);
    }
}
