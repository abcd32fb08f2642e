using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Conditions;

/// <summary>What was wrong with a condition or a piece of evidence, field by field, in plain English.</summary>
public sealed class ConditionInputException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>A system condition as typed into the form or sent to the API.</summary>
public sealed class ConditionInput
{
    public ConditionCategory? Category { get; set; }
    /// <summary>The team's own category name, when <see cref="Category"/> is <see cref="ConditionCategory.Own"/>.</summary>
    public string? OwnCategory { get; set; }
    public string? Title { get; set; }
    public string? Finding { get; set; }

    public static ConditionInput From(SystemCondition c) => new() { Category = c.Category, OwnCategory = c.OwnCategory, Title = c.Title, Finding = c.Finding };
}

/// <summary>A piece of evidence as chosen in the pickers.</summary>
public sealed class EvidenceInput
{
    public EvidenceKind? Kind { get; set; }
    public int? DemandTypeId { get; set; }
    public FlowSignalKind? SignalKind { get; set; }
    public int? AgencyId { get; set; }
    public Guid? RecordId { get; set; }
    public Guid? PersonId { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// Recording system conditions and their evidence. Every change is audited by <see cref="LocalFlowDb"/>
/// (conditions and evidence are personal data: evidence names people), field by field, in the same
/// transaction as the change.
/// </summary>
public static class SystemConditions
{
    public const int TitleMax = 300;
    public const int CategoryMax = 200;

    /// <summary>The seeds' names for the categories, as the Locality report writes them.</summary>
    public static string CategoryName(ConditionCategory category) => category switch
    {
        ConditionCategory.Specialisation => "Specialisation",
        ConditionCategory.BudgetManagement => "Budget management",
        ConditionCategory.StandardisationAndCommissioning => "Standardisation and commissioning",
        ConditionCategory.ActivityMeasuresAndTargets => "Activity measures and targets",
        ConditionCategory.LackOfContinuity => "Lack of continuity in relationships",
        ConditionCategory.ThresholdsAndCriteria => "Thresholds and criteria",
        ConditionCategory.RiskManagement => "Risk management",
        ConditionCategory.ItThatForcesAProcess => "IT that forces a process",
        _ => "The team's own",
    };

    /// <summary>The category as shown: the seeds' name, or the team's own name for it.</summary>
    public static string CategoryName(SystemCondition c)
        => c.Category == ConditionCategory.Own && !string.IsNullOrWhiteSpace(c.OwnCategory) ? c.OwnCategory : CategoryName(c.Category);

    /// <summary>What the seeds say each category leads to (hint text on the form).</summary>
    public static string CategoryHint(ConditionCategory category) => category switch
    {
        ConditionCategory.Specialisation => "Many front doors; fitting need to provision rather than providing to need; many agencies involved.",
        ConditionCategory.BudgetManagement => "The driver for 'managing demand': keeping people out.",
        ConditionCategory.StandardisationAndCommissioning => "Services that fail to meet individual needs.",
        ConditionCategory.ActivityMeasuresAndTargets => "Assessments completed but people referred on: an episodic approach to people.",
        ConditionCategory.LackOfContinuity => "Knowledge of people's needs lost, activity duplicated.",
        ConditionCategory.ThresholdsAndCriteria => "People turned away.",
        ConditionCategory.RiskManagement => "Keeping the organisation safe rather than the person; delays and specifications instead of what is needed.",
        ConditionCategory.ItThatForcesAProcess => "The system's forms and workflow decide the work, whatever the person needs.",
        _ => "Name it in your own words.",
    };

    /// <summary>Checks and tidies the input (text trimmed); throws <see cref="ConditionInputException"/> with every problem.</summary>
    public static void Validate(ConditionInput input)
    {
        var errors = new Dictionary<string, string>();
        input.Title = input.Title?.Trim();
        input.OwnCategory = string.IsNullOrWhiteSpace(input.OwnCategory) ? null : input.OwnCategory.Trim();
        input.Finding = input.Finding?.Trim() ?? "";
        if (input.Category is null || !Enum.IsDefined(input.Category.Value))
        {
            errors[nameof(ConditionInput.Category)] = "Choose the kind of system condition";
        }
        else if (input.Category == ConditionCategory.Own && string.IsNullOrEmpty(input.OwnCategory))
        {
            errors[nameof(ConditionInput.OwnCategory)] = "Name your own kind of system condition";
        }
        else if (input.Category != ConditionCategory.Own && !string.IsNullOrEmpty(input.OwnCategory))
        {
            // A name typed for the team's own kind is not dropped silently when another kind is chosen: ask which is meant.
            errors[nameof(ConditionInput.OwnCategory)] = $"You named your own kind (\"{input.OwnCategory}\") but chose \"{CategoryName(input.Category.Value)}\": choose \"{CategoryName(ConditionCategory.Own)}\", or clear the name";
        }
        else if (input.OwnCategory?.Length > CategoryMax)
        {
            errors[nameof(ConditionInput.OwnCategory)] = $"The name must be {CategoryMax} characters or fewer";
        }
        if (string.IsNullOrEmpty(input.Title))
        {
            errors[nameof(ConditionInput.Title)] = "Enter a title for the system condition";
        }
        else if (input.Title.Length > TitleMax)
        {
            errors[nameof(ConditionInput.Title)] = $"The title must be {TitleMax} characters or fewer";
        }
        if (errors.Count > 0)
        {
            throw new ConditionInputException(errors);
        }
    }

    /// <summary>Records a new system condition in the locality.</summary>
    public static async Task<SystemCondition> CreateAsync(LocalFlowDb db, int localityId, ConditionInput input, CancellationToken ct = default)
    {
        Validate(input);
        var c = new SystemCondition
        {
            LocalityId = localityId,
            Category = input.Category!.Value,
            OwnCategory = input.OwnCategory,
            Title = input.Title!,
            Finding = input.Finding ?? "",
            RecordedBy = db.Actor.UserName,
            RecordedByUserId = db.Actor.UserId,
            RecordedUtc = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.SystemConditions.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>One condition in the locality, or null.</summary>
    public static Task<SystemCondition?> FindAsync(LocalFlowDb db, int localityId, Guid id, CancellationToken ct = default)
        => db.SystemConditions.SingleOrDefaultAsync(c => c.LocalityId == localityId && c.Id == id, ct);

    /// <summary>Changes a condition's category, title or finding; returns false when there is no such condition.</summary>
    public static async Task<bool> UpdateAsync(LocalFlowDb db, int localityId, Guid id, ConditionInput input, CancellationToken ct = default)
    {
        Validate(input);
        var c = await FindAsync(db, localityId, id, ct);
        if (c is null)
        {
            return false;
        }
        if (c.Category == input.Category && c.OwnCategory == input.OwnCategory && c.Title == input.Title && c.Finding == input.Finding)
        {
            return true;
        }
        c.Category = input.Category!.Value;
        c.OwnCategory = input.OwnCategory;
        c.Title = input.Title!;
        c.Finding = input.Finding ?? "";
        c.UpdatedBy = db.Actor.UserName;
        c.UpdatedUtc = db.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Deletes a condition and its evidence (each removal audited); returns false when there is no such condition.</summary>
    public static async Task<bool> DeleteAsync(LocalFlowDb db, int localityId, Guid id, CancellationToken ct = default)
    {
        var c = await FindAsync(db, localityId, id, ct);
        if (c is null)
        {
            return false;
        }
        // Removed one by one (not left to the cascade) so that each removal is in the audit trail.
        db.ConditionEvidence.RemoveRange(await db.ConditionEvidence.Where(e => e.LocalityId == localityId && e.ConditionId == id).ToListAsync(ct));
        db.SystemConditions.Remove(c);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Links a piece of evidence to a condition, after checking that what it points at exists in the locality.</summary>
    public static async Task<ConditionEvidence> AddEvidenceAsync(LocalFlowDb db, int localityId, Guid conditionId, EvidenceInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var note = input.Note?.Trim() ?? "";
        var evidence = new ConditionEvidence
        {
            LocalityId = localityId,
            ConditionId = conditionId,
            Note = note,
            AddedBy = db.Actor.UserName,
            AddedUtc = db.Clock.GetUtcNow().UtcDateTime,
        };
        if (!await db.SystemConditions.AnyAsync(c => c.LocalityId == localityId && c.Id == conditionId, ct))
        {
            errors["ConditionId"] = "There is no such system condition";
        }
        switch (input.Kind)
        {
            case EvidenceKind.DemandType:
                if (input.DemandTypeId is not int typeId
                    || !await db.DemandTypes.AnyAsync(t => t.Id == typeId && db.DemandStudies.Any(s => s.Id == t.StudyId && s.LocalityId == localityId), ct))
                {
                    errors[nameof(EvidenceInput.DemandTypeId)] = "Choose a failure demand type from a demand study";
                }
                evidence.DemandTypeId = input.DemandTypeId;
                break;
            case EvidenceKind.FlowSignal:
                if (input.SignalKind is null || !Enum.IsDefined(input.SignalKind.Value))
                {
                    errors[nameof(EvidenceInput.SignalKind)] = "Choose a failure-demand signal";
                }
                if (input.AgencyId is int agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
                {
                    errors[nameof(EvidenceInput.AgencyId)] = "Choose an agency from the list, or any agency";
                }
                evidence.SignalKind = input.SignalKind;
                evidence.AgencyId = input.AgencyId;
                break;
            case EvidenceKind.ActivityRecord:
                if (input.RecordId is not Guid recordId || !await db.ActivityRecords.AnyAsync(r => r.LocalityId == localityId && r.Id == recordId, ct))
                {
                    errors[nameof(EvidenceInput.RecordId)] = "Enter the id of an activity record in this locality (it is at the end of the record's address)";
                }
                evidence.RecordId = input.RecordId;
                break;
            case EvidenceKind.CaseHistory:
                if (input.PersonId is not Guid personId || !await db.People.AnyAsync(p => p.LocalityId == localityId && p.Id == personId, ct))
                {
                    errors[nameof(EvidenceInput.PersonId)] = "Choose a person in this locality";
                }
                evidence.PersonId = input.PersonId;
                break;
            default:
                errors[nameof(EvidenceInput.Kind)] = "Choose what kind of evidence this is";
                break;
        }
        if (errors.Count > 0)
        {
            throw new ConditionInputException(errors);
        }
        evidence.Kind = input.Kind!.Value;
        db.ConditionEvidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        return evidence;
    }

    /// <summary>Removes one piece of evidence; returns false when there is none.</summary>
    public static async Task<bool> RemoveEvidenceAsync(LocalFlowDb db, int localityId, Guid conditionId, Guid evidenceId, CancellationToken ct = default)
    {
        var e = await db.ConditionEvidence.SingleOrDefaultAsync(x => x.LocalityId == localityId && x.ConditionId == conditionId && x.Id == evidenceId, ct);
        if (e is null)
        {
            return false;
        }
        db.ConditionEvidence.Remove(e);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
