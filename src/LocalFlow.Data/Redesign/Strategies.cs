using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Redesign;

/// <summary>A strategy as typed into the form: the approved questions chosen by number.</summary>
public sealed class StrategyInput
{
    public string? Title { get; set; }
    public string? Purpose { get; set; }
    public int? OwnerGroupId { get; set; }
    public List<int> Questions { get; set; } = [];
    /// <summary>The version the form was read at (0 for a new strategy).</summary>
    public int Version { get; set; }
}

/// <summary>A strategy with its owner group's name, its questions (with their worked cost–benefit cases) and their expected benefits.</summary>
public sealed record StrategyView(CommissioningStrategy Strategy, string? Group, IReadOnlyList<(CommissioningQuestion Question, CostBenefitResult? Worked)> Questions, StrategyBenefitTotals Benefits);

/// <summary>The outcome of saving a strategy: saved, or refused because someone saved it meanwhile (their version comes back).</summary>
public sealed record StrategySave(bool Saved, CommissioningStrategy Strategy);

/// <summary>
/// Commissioning strategies: approved commissioning questions (through the final gateway, not stopped) brought
/// together with their plans and expected benefits (<see cref="StrategyBenefits"/>), a title, a purpose and an owner group.
/// </summary>
public static class Strategies
{
    /// <summary>The longest title.</summary>
    public const int TitleMax = 300;

    /// <summary>The longest purpose.</summary>
    public const int PurposeMax = 2000;

    /// <summary>The locality's strategies by title, each with its questions and benefits.</summary>
    public static async Task<IReadOnlyList<StrategyView>> ListAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        var strategies = await db.CommissioningStrategies.AsNoTracking().Include(s => s.Questions)
            .Where(s => s.LocalityId == localityId).OrderBy(s => s.Title).ThenBy(s => s.Id).ToListAsync(ct);
        return await ViewsAsync(db, localityId, strategies, ct);
    }

    /// <summary>The strategy of the locality with its questions, or null.</summary>
    public static async Task<StrategyView?> FindAsync(LocalFlowDb db, int localityId, Guid id, CancellationToken ct = default)
    {
        var s = await db.CommissioningStrategies.AsNoTracking().Include(x => x.Questions).SingleOrDefaultAsync(x => x.LocalityId == localityId && x.Id == id, ct);
        return s is null ? null : (await ViewsAsync(db, localityId, [s], ct))[0];
    }

    /// <summary>
    /// The expected benefits of every strategy of the locality together (each question once): what the programme
    /// overview shows as savings, as estimates.
    /// </summary>
    public static async Task<(StrategyBenefitTotals Benefits, int Strategies)> AllBenefitsAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        var views = await ListAsync(db, localityId, ct);
        return (StrategyBenefits.Of(views.SelectMany(v => v.Questions).Select(Case)), views.Count);
    }

    private static StrategyCase Case((CommissioningQuestion Question, CostBenefitResult? Worked) q)
        => new(q.Question.Id, q.Question.Currency, q.Question.PriceYear, q.Worked);

    private static async Task<IReadOnlyList<StrategyView>> ViewsAsync(LocalFlowDb db, int localityId, List<CommissioningStrategy> strategies, CancellationToken ct)
    {
        var ids = strategies.SelectMany(s => s.Questions).Select(q => q.QuestionId).Distinct().ToList();
        var questions = await db.CommissioningQuestions.AsNoTracking().Include(q => q.Years)
            .Where(q => q.LocalityId == localityId && ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var groups = await db.CommissioningGroups.AsNoTracking().Where(g => g.LocalityId == localityId).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        return strategies.Select(s =>
        {
            var qs = s.Questions.Where(q => questions.ContainsKey(q.QuestionId)).Select(q => questions[q.QuestionId])
                .OrderBy(q => q.Number).Select(q => (q, CostBenefitCases.WorkedOf(q))).ToList();
            return new StrategyView(s, s.OwnerGroupId is int g ? groups.GetValueOrDefault(g) : null, qs, StrategyBenefits.Of(qs.Select(Case)));
        }).ToList();
    }

    /// <summary>
    /// Makes a strategy (<paramref name="id"/> null) or saves one. Every problem comes back by field; a question that
    /// is not approved (through the final gateway and not stopped) is refused by its number. When someone else saved
    /// since <see cref="StrategyInput.Version"/> was read, nothing is saved and their version comes back. Null when
    /// <paramref name="id"/> names no strategy of the locality.
    /// </summary>
    /// <exception cref="RedesignInputException">A field is missing or wrong (nothing saved).</exception>
    public static async Task<StrategySave?> SaveAsync(LocalFlowDb db, int localityId, Guid? id, StrategyInput input, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        CommissioningStrategy? s = null;
        if (id is Guid existing)
        {
            s = await db.CommissioningStrategies.Include(x => x.Questions).SingleOrDefaultAsync(x => x.LocalityId == localityId && x.Id == existing, ct);
            if (s is null)
            {
                return null;
            }
            if (s.Version != input.Version)
            {
                return new(false, s);
            }
        }
        var questions = await CheckAsync(db, localityId, input, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (s is null)
        {
            s = new CommissioningStrategy { LocalityId = localityId, Title = "", UpdatedBy = by };
            db.CommissioningStrategies.Add(s);
        }
        s.Title = input.Title!.Trim();
        s.Purpose = input.Purpose!.Trim();
        s.OwnerGroupId = input.OwnerGroupId;
        s.Questions.RemoveAll(q => !questions.Contains(q.QuestionId));
        foreach (var q in questions.Where(q => s.Questions.All(x => x.QuestionId != q)))
        {
            s.Questions.Add(new StrategyQuestion { LocalityId = localityId, StrategyId = s.Id, QuestionId = q });
        }
        s.Version++;
        s.UpdatedBy = by;
        s.UpdatedUtc = now;
        try
        {
            await db.SaveChangesAsync(ct);
            return new(true, s);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(false, (await db.CommissioningStrategies.AsNoTracking().Include(x => x.Questions).SingleAsync(x => x.LocalityId == localityId && x.Id == s.Id, ct)));
        }
    }

    private static async Task<HashSet<Guid>> CheckAsync(LocalFlowDb db, int localityId, StrategyInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors["Title"] = "Enter the strategy's title, for example \"One family, one worker\".";
        }
        else if (title.Length > TitleMax)
        {
            errors["Title"] = $"The title must be {TitleMax} characters or fewer; it is {title.Length}.";
        }
        var purpose = (input.Purpose ?? "").Trim();
        if (purpose.Length == 0)
        {
            errors["Purpose"] = "Say in words what the strategy is for.";
        }
        else if (purpose.Length > PurposeMax)
        {
            errors["Purpose"] = $"The purpose must be {PurposeMax:N0} characters or fewer; it is {purpose.Length:N0}.";
        }
        if (input.OwnerGroupId is not int g || !await db.CommissioningGroups.AnyAsync(x => x.LocalityId == localityId && x.Id == g, ct))
        {
            errors["OwnerGroupId"] = "Choose the commissioning group that owns the strategy.";
        }
        var numbers = input.Questions.Distinct().ToList();
        var found = await db.CommissioningQuestions.AsNoTracking().Where(q => q.LocalityId == localityId && numbers.Contains(q.Number))
            .Select(q => new { q.Id, q.Number, q.Stage, q.Status }).ToListAsync(ct);
        var notApproved = found.Where(q => q.Stage != QuestionStage.Approved || q.Status == QuestionStatus.Stopped).Select(q => q.Number)
            .Concat(numbers.Where(n => found.All(q => q.Number != n))).Order().ToList();
        if (numbers.Count == 0)
        {
            errors["Questions"] = "Choose at least one approved commissioning question.";
        }
        else if (notApproved.Count > 0)
        {
            errors["Questions"] = notApproved.Count == 1
                ? $"Question {notApproved[0]} is not approved: only questions through the final gateway can be in a strategy."
                : $"Questions {string.Join(", ", notApproved)} are not approved: only questions through the final gateway can be in a strategy.";
        }
        if (errors.Count > 0)
        {
            throw new RedesignInputException(errors);
        }
        return found.Select(q => q.Id).ToHashSet();
    }
}
