using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Redesign;

/// <summary>The portfolio's filters: any left null means all.</summary>
public sealed record PortfolioFilter(QuestionStage? Stage = null, QuestionStatus? Status = null, int? GroupId = null, QuestionSource? Source = null);

/// <summary>One question as the portfolio lists it.</summary>
public sealed record PortfolioRow(Guid Id, int Number, string Title, string? Group, QuestionStage Stage, QuestionStatus Status, QuestionSource Source);

/// <summary>One page of the portfolio with the totals of every question matching the filter.</summary>
/// <param name="Rows">This page's questions, by number.</param>
/// <param name="Matching">How many questions match the filter.</param>
/// <param name="ByStage">Matching open or held questions at each stage (stopped ones are counted in <see cref="Stopped"/>).</param>
/// <param name="OnHold">Matching questions on hold.</param>
/// <param name="Stopped">Matching questions stopped at a gateway.</param>
/// <param name="Page">The page shown (1-based).</param>
/// <param name="Pages">How many pages there are.</param>
public sealed record PortfolioPage(IReadOnlyList<PortfolioRow> Rows, int Matching, IReadOnlyDictionary<QuestionStage, int> ByStage, int OnHold, int Stopped, int Page, int Pages);

/// <summary>The portfolio of commissioning questions: filtered, totalled and paged in the database (a programme may hold 500 or more).</summary>
public static class Portfolio
{
    public const int PageSize = 50;

    public static async Task<PortfolioPage> ListAsync(LocalFlowDb db, int localityId, PortfolioFilter filter, int page, CancellationToken ct = default)
    {
        var q = db.CommissioningQuestions.AsNoTracking().Where(x => x.LocalityId == localityId);
        if (filter.Stage is { } stage)
        {
            q = q.Where(x => x.Stage == stage);
        }
        if (filter.Status is { } status)
        {
            q = q.Where(x => x.Status == status);
        }
        if (filter.GroupId is { } group)
        {
            q = q.Where(x => x.GroupId == group);
        }
        if (filter.Source is { } source)
        {
            q = q.Where(x => x.Source == source);
        }
        var counts = await q.GroupBy(x => new { x.Stage, x.Status }).Select(g => new { g.Key.Stage, g.Key.Status, N = g.Count() }).ToListAsync(ct);
        var matching = counts.Sum(c => c.N);
        var pages = Math.Max(1, (matching + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await q.OrderBy(x => x.Number).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new PortfolioRow(x.Id, x.Number, x.Title,
                db.CommissioningGroups.Where(g => g.Id == x.GroupId).Select(g => g.Name).FirstOrDefault(), x.Stage, x.Status, x.Source))
            .ToListAsync(ct);
        var byStage = Enum.GetValues<QuestionStage>().ToDictionary(s => s, s => counts.Where(c => c.Stage == s && c.Status != QuestionStatus.Stopped).Sum(c => c.N));
        return new(rows, matching, byStage,
            counts.Where(c => c.Status == QuestionStatus.OnHold).Sum(c => c.N),
            counts.Where(c => c.Status == QuestionStatus.Stopped).Sum(c => c.N), page, pages);
    }

    /// <summary>The programme's facts for placing it on the ten steps, counted from its records.</summary>
    public static async Task<ProgrammeFacts> FactsAsync(LocalFlowDb db, int localityId, RedesignProgramme programme, CancellationToken ct = default)
    {
        var groups = await db.CommissioningGroups.AsNoTracking().Where(g => g.LocalityId == localityId)
            .Select(g => new { Citizens = g.Members.Count(m => m.Kind == MemberKind.Citizen) }).ToListAsync(ct);
        var steering = await db.Users.AsNoTracking()
            .Where(u => !u.Disabled && u.Localities.Any(l => l.LocalityId == localityId)).Select(u => u.Roles).ToListAsync(ct);
        var qs = await db.CommissioningQuestions.AsNoTracking().Where(x => x.LocalityId == localityId)
            .GroupBy(x => new { x.Stage, x.Status }).Select(g => new { g.Key.Stage, g.Key.Status, N = g.Count() }).ToListAsync(ct);
        var live = qs.Where(c => c.Status != QuestionStatus.Stopped).ToList();
        var placements = await Pathways.PlacementsAsync(db, localityId, ct);
        return new ProgrammeFacts(
            programme.Vision.Length > 0,
            Programme.PrinciplesOf(programme).Count > 0,
            groups.Count,
            groups.Count(g => g.Citizens > 0),
            steering.Count(r => r.HasFlag(Roles.Steering)),
            qs.Sum(c => c.N),
            live.Where(c => c.Stage == QuestionStage.Posed).Sum(c => c.N),
            qs.Where(c => c.Stage >= QuestionStage.CostBenefit).Sum(c => c.N),
            qs.Where(c => c.Stage == QuestionStage.Approved).Sum(c => c.N),
            live.Where(c => c.Stage != QuestionStage.Approved).Sum(c => c.N),
            await Jigsaw.DiagnoseAsync(db, localityId, ct))
        {
            MoneyLines = await db.ResourceMoney.CountAsync(m => m.LocalityId == localityId, ct),
            Buildings = await db.ResourceBuildings.CountAsync(b => b.LocalityId == localityId, ct),
            Needs = await db.Needs.CountAsync(n => n.LocalityId == localityId, ct),
            NeedsFromConsultation = await db.Needs.CountAsync(n => n.LocalityId == localityId && n.EvidenceKind == NeedEvidenceKind.ConsultationTheme, ct),
            PlacedOnPathway = placements.Items.Count,
            StagesWithUnservedNeeds = placements.Stages.Count(Analytics.Redesign.Pathway.IsUnserved),
        };
    }

    /// <summary>
    /// The approved questions with their worked cost–benefit cases: the only source of the savings the overview shows,
    /// always as estimates. Questions with no complete case are listed with none.
    /// </summary>
    public static async Task<IReadOnlyList<(CommissioningQuestion Question, CostBenefitResult? Worked)>> ApprovedAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        var approved = await db.CommissioningQuestions.AsNoTracking().Include(x => x.Years)
            .Where(x => x.LocalityId == localityId && x.Stage == QuestionStage.Approved && x.Status != QuestionStatus.Stopped)
            .OrderBy(x => x.Number).ToListAsync(ct);
        return approved.Select(x => (x, CostBenefitCases.WorkedOf(x))).ToList();
    }
}
