using System.Globalization;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Conditions;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Conditions;

/// <summary>
/// Link evidence to a system condition, one kind at a time, from pickers: a demand study's failure type; a kind of
/// failure-demand signal (optionally one agency's); an activity record; a person's case history (found by name,
/// or arriving from their timeline). Remove evidence that turned out not to be. Every change is audited.
/// </summary>
[Authorize(Policy = Policies.ConditionsEdit)]
public sealed class EvidenceModel(LocalFlowDb db, CurrentUser current, LocalFlow.Data.Flow.FlowEngines engines) : PageModel
{
    public const int MaxPeople = 20;

    public sealed record PersonOption(Guid Id, string Name, string? Story, int Records);

    [BindProperty]
    public EvidenceInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public EvidenceKind? Kind { get; set; }

    /// <summary>Arriving from a demand type, a record or a person's timeline: what to pre-select.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Record { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public ConditionReach Condition { get; private set; } = null!;
    public IReadOnlyList<EvidenceView> Existing { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Types { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Signals { get; } =
        [.. Enum.GetValues<FlowSignalKind>().Select(k => (k.ToString(), LocalFlow.Web.Resources.FlowText.SignalName(k)))];
    public IReadOnlyList<(string Value, string Text)> Agencies { get; private set; } = [];
    public IReadOnlyList<PersonOption> People { get; private set; } = [];
    public string? ChosenPersonName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Input.Kind = Kind;
        Input.DemandTypeId = Type;
        Input.RecordId = Record;
        Input.PersonId = Person;
        await LoadPickersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id)
    {
        if (current.LocalityId is not int locality || !await LoadAsync(id))
        {
            return NotFound();
        }
        Kind = Input.Kind;
        Person = Input.PersonId;
        // Evidence may not point at a person this user may not see (a restricted record): answered as if they did not exist.
        if (Input.Kind == EvidenceKind.CaseHistory && Input.PersonId is Guid pid && await FlowAccess.PersonAsync(db, current, pid) is null)
        {
            ModelState.AddModelError("Input.PersonId", LocalFlow.Web.Resources.ConditionsText.ErrorChoosePerson);
            Person = Input.PersonId = null;
        }
        if (Input.Kind == EvidenceKind.ActivityRecord && Input.RecordId is Guid rid
            && await db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == locality && r.Id == rid).Select(r => (Guid?)r.PersonId).SingleOrDefaultAsync() is Guid owner
            && (await FlowAccess.PersonAsync(db, current, owner) is null
                || !await db.ActivityRecords.Where(r => r.LocalityId == locality && r.Id == rid).SharedWith(db, current.Viewer).AnyAsync()))
        {
            ModelState.AddModelError("Input.RecordId", LocalFlow.Web.Resources.ConditionsText.ErrorRecordId);
        }
        if (ModelState.IsValid)
        {
            try
            {
                await SystemConditions.AddEvidenceAsync(db, locality, id, Input);
                TempData["Done"] = LocalFlow.Web.Resources.ConditionsText.EvidenceAdded;
                return Redirect($"/Conditions/Evidence/{id}");
            }
            catch (ConditionInputException ex)
            {
                foreach (var (field, message) in ex.Errors)
                {
                    ModelState.AddModelError("Input." + field, message);
                }
            }
        }
        await LoadPickersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid evidenceId)
    {
        if (current.LocalityId is not int locality || !await SystemConditions.RemoveEvidenceAsync(db, locality, id, evidenceId))
        {
            return NotFound();
        }
        TempData["Done"] = LocalFlow.Web.Resources.ConditionsText.EvidenceRemoved;
        return Redirect($"/Conditions/Evidence/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (current.LocalityId is not int locality || await ConditionReachCalculator.ForConditionAsync(db, engines, locality, id) is not { } condition)
        {
            return false;
        }
        Condition = condition;
        Existing = await ConditionViews.DescribeAsync(db, User, current, locality, condition.Evidence);
        return true;
    }

    private async Task LoadPickersAsync()
    {
        var locality = current.LocalityId!.Value;
        switch (Kind)
        {
            case EvidenceKind.DemandType:
                var failureCounts = await db.Demands.AsNoTracking().Where(d => d.LocalityId == locality && d.Nature == DemandNature.Failure && d.TypeId != null)
                    .GroupBy(d => d.TypeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
                Types = (await db.DemandTypes.AsNoTracking().Where(t => t.MergedIntoId == null)
                        .Join(db.DemandStudies.Where(s => s.LocalityId == locality), t => t.StudyId, s => s.Id, (t, s) => new { t.Id, t.Name, t.Nature, s.Service, s.StartsOn })
                        .ToListAsync())
                    .Where(t => t.Nature == DemandNature.Failure || failureCounts.ContainsKey(t.Id))
                    .OrderBy(t => t.Service, StringComparer.CurrentCulture).ThenByDescending(t => failureCounts.GetValueOrDefault(t.Id)).ThenBy(t => t.Name, StringComparer.CurrentCulture)
                    .Select(t => (t.Id.ToString(CultureInfo.InvariantCulture), LocalFlow.Web.Resources.Text.Format(LocalFlow.Web.Resources.ConditionsText.TypeOption, t.Service, t.Name, failureCounts.GetValueOrDefault(t.Id))))
                    .ToList();
                break;
            case EvidenceKind.FlowSignal:
                Agencies = (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync())
                    .Select(a => (a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList();
                break;
            case EvidenceKind.CaseHistory:
                await LoadPeopleAsync(locality);
                break;
        }
    }

    private async Task LoadPeopleAsync(int locality)
    {
        if (Person is Guid chosen)
        {
            var p = await FlowAccess.PersonAsync(db, current, chosen);
            if (p is not null)
            {
                ChosenPersonName = p.DisplayName;
                return;
            }
            Person = null;
        }
        var records = db.ActivityRecords.Where(r => r.LocalityId == locality).SharedWith(db, current.Viewer);
        var visible = db.People.Where(p => p.LocalityId == locality && records.Any(r => r.PersonId == p.Id)).SeenInFull(db, current.Viewer);
        var stories = (await FlowQueries.CaseHistoriesAsync(db)).ToDictionary(s => s.PersonId, s => s.Story);
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
            var like = "%" + q.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() + "%";
            visible = visible.Where(p => EF.Functions.Like((p.GivenName + " " + p.FamilyName).ToLower(), like));
        }
        else
        {
            var storyIds = stories.Keys.ToList();
            visible = visible.Where(p => storyIds.Contains(p.Id));
        }
        var found = await visible.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(MaxPeople)
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName, Records = records.Count(r => r.PersonId == p.Id) }).ToListAsync();
        People = found.Select(p => new PersonOption(p.Id, p.Name, stories.TryGetValue(p.Id, out var s) ? FlowAccess.StoryName(s) : null, p.Records))
            .OrderBy(p => p.Story is null).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        await AuditTrail.ReadAsync(db, AuditEventType.PersonalDataListed, nameof(LocalFlow.Data.Entities.Person), null, locality,
            $"People to link as evidence of a system condition{(string.IsNullOrEmpty(q) ? " (case histories)" : $" matching \"{q}\"")}: {People.Count} shown");
    }
}
