using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Redesign;

/// <summary>A commissioning question's words as typed into the form, with the version they were read at.</summary>
public sealed class QuestionInput
{
    public string? Title { get; set; }
    public string? Prompt { get; set; }
    public string? Outcome { get; set; }
    public string? Measure { get; set; }
    public int? GroupId { get; set; }
    public string? Feasibility { get; set; }
    public string? Plan { get; set; }
    public int Version { get; set; }

    public static QuestionInput From(CommissioningQuestion q) => new()
    {
        Title = q.Title,
        Prompt = q.Prompt,
        Outcome = q.Outcome,
        Measure = q.Measure,
        GroupId = q.GroupId,
        Feasibility = q.Feasibility,
        Plan = q.Plan,
        Version = q.Version,
    };
}

/// <summary>Where a new question comes from: a piece of evidence, or none.</summary>
/// <param name="Kind">The kind of evidence.</param>
/// <param name="ConditionId">The system condition, for <see cref="QuestionSource.SystemCondition"/>.</param>
/// <param name="DemandTypeId">The failure demand type, for <see cref="QuestionSource.DemandType"/>.</param>
/// <param name="Note">For a signal, measure or picture finding: its name.</param>
/// <param name="NeedId">The need of the needs database, for <see cref="QuestionSource.Need"/>.</param>
public sealed record QuestionOrigin(QuestionSource Kind, Guid? ConditionId = null, int? DemandTypeId = null, string? Note = null, Guid? NeedId = null)
{
    public static readonly QuestionOrigin None = new(QuestionSource.None);
}

/// <summary>The outcome of saving a question: saved, or refused because someone else saved first (with what they saved).</summary>
public sealed record QuestionSave(bool Saved, CommissioningQuestion Current);

/// <summary>Raising and changing commissioning questions. Each question states its outcome apart from its measure.</summary>
public static class Questions
{
    public const int TitleMax = 300;

    /// <summary>The question of the locality, with its cost–benefit years, or null.</summary>
    public static Task<CommissioningQuestion?> FindAsync(LocalFlowDb db, int localityId, Guid id, CancellationToken ct = default)
        => db.CommissioningQuestions.Include(q => q.Years).SingleOrDefaultAsync(q => q.LocalityId == localityId && q.Id == id, ct);

    /// <summary>Raises a question at the "posed" stage, numbered after the locality's last one.</summary>
    /// <exception cref="RedesignInputException">A field is missing or wrong (every problem, by field).</exception>
    public static async Task<CommissioningQuestion> RaiseAsync(LocalFlowDb db, int localityId, QuestionInput input, QuestionOrigin origin, string by, CancellationToken ct = default)
    {
        await CheckAsync(db, localityId, input, ct);
        if (origin.Kind == QuestionSource.SystemCondition
            && !await db.SystemConditions.AnyAsync(c => c.LocalityId == localityId && c.Id == origin.ConditionId, ct))
        {
            throw new RedesignInputException(new Dictionary<string, string> { ["Source"] = "The system condition this question was raised from is not in this locality." });
        }
        if (origin.Kind == QuestionSource.Need
            && !await db.Needs.AnyAsync(n => n.LocalityId == localityId && n.Id == origin.NeedId, ct))
        {
            throw new RedesignInputException(new Dictionary<string, string> { ["Source"] = "The need this question was raised from is not in this locality." });
        }
        var number = (await db.CommissioningQuestions.Where(q => q.LocalityId == localityId).MaxAsync(q => (int?)q.Number, ct) ?? 0) + 1;
        var q = new CommissioningQuestion
        {
            LocalityId = localityId,
            Number = number,
            Title = input.Title!.Trim(),
            RaisedBy = by,
            RaisedUtc = db.Clock.GetUtcNow().UtcDateTime,
            Source = origin.Kind,
            ConditionId = origin.ConditionId,
            DemandTypeId = origin.DemandTypeId,
            NeedId = origin.Kind == QuestionSource.Need ? origin.NeedId : null,
            SourceNote = string.IsNullOrWhiteSpace(origin.Note) ? null : origin.Note.Trim(),
        };
        Apply(q, input);
        db.CommissioningQuestions.Add(q);
        await db.SaveChangesAsync(ct);
        return q;
    }

    /// <summary>
    /// Saves the question's words. When someone else saved since <see cref="QuestionInput.Version"/> was read, nothing
    /// is saved and their version comes back, so the form shows both and keeps what this person typed.
    /// </summary>
    public static async Task<QuestionSave?> SaveAsync(LocalFlowDb db, int localityId, Guid id, QuestionInput input, string by, CancellationToken ct = default)
    {
        if (await FindAsync(db, localityId, id, ct) is not { } q)
        {
            return null;
        }
        if (q.Version != input.Version)
        {
            return new(false, q);
        }
        await CheckAsync(db, localityId, input, ct);
        q.Title = input.Title!.Trim();
        Apply(q, input);
        return await SaveVersionAsync(db, q, by, ct);
    }

    /// <summary>Stamps the change, raises the version and saves; a concurrent save made in between is reported, not overwritten.</summary>
    internal static async Task<QuestionSave> SaveVersionAsync(LocalFlowDb db, CommissioningQuestion q, string by, CancellationToken ct)
    {
        q.Version++;
        q.UpdatedBy = by;
        q.UpdatedUtc = db.Clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
            return new(true, q);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(false, (await FindAsync(db, q.LocalityId, q.Id, ct))!);
        }
    }

    private static void Apply(CommissioningQuestion q, QuestionInput input)
    {
        q.Prompt = (input.Prompt ?? "").Trim();
        q.Outcome = (input.Outcome ?? "").Trim();
        q.Measure = (input.Measure ?? "").Trim();
        q.GroupId = input.GroupId;
        q.Feasibility = (input.Feasibility ?? "").Trim();
        q.Plan = (input.Plan ?? "").Trim();
    }

    private static async Task CheckAsync(LocalFlowDb db, int localityId, QuestionInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors["Title"] = "Enter the question, for example \"Could one worker stay with a family from first contact?\"";
        }
        else if (title.Length > TitleMax)
        {
            errors["Title"] = $"The question must be {TitleMax} characters or fewer; it is {title.Length}.";
        }
        if (string.IsNullOrWhiteSpace(input.Outcome))
        {
            errors["Outcome"] = "Describe the outcome the question aims at, in words (how it will be measured goes separately).";
        }
        if (input.GroupId is int g && !await db.CommissioningGroups.AnyAsync(x => x.LocalityId == localityId && x.Id == g, ct))
        {
            errors["GroupId"] = "Choose one of this programme's commissioning groups.";
        }
        if (errors.Count > 0)
        {
            throw new RedesignInputException(errors);
        }
    }
}
