using LocalFlow.Analytics;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// The study team judges a person's records, many at once, against what mattered to the person: helped the person,
/// or served the system (approvals, reporting, targets, compliance), with a note; or takes a judgement back. Every
/// record changed is audited. The share that helped, quarter by quarter, comes from <see cref="Judging"/>.
/// </summary>
[Authorize(Policy = Policies.FlowJudge)]
public sealed class JudgeModel(LocalFlowDb db, CurrentUser current, FlowEngines engines) : PageModel
{
    /// <summary>The longest note kept with a judgement.</summary>
    public const int MaxNote = 1000;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public List<string> Selected { get; set; } = [];

    [BindProperty]
    public string? Judgement { get; set; }

    [BindProperty]
    public string? Served { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public Person Person { get; private set; } = null!;
    public PersonFigures Whole { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<PersonStory.RecordRow> Rows { get; private set; } = [];
    public IReadOnlyList<JudgedQuarter> Quarters { get; private set; } = [];

    /// <summary>What a record that did not help served instead, as the choices read in the request's language.</summary>
    public static IReadOnlyList<(ActivityServed Value, string Text)> ServedChoices =>
    [
        (ActivityServed.Approvals, FlowText.ServedChoiceApprovals),
        (ActivityServed.Reporting, FlowText.ServedChoiceReporting),
        (ActivityServed.Targets, FlowText.ServedChoiceTargets),
        (ActivityServed.Compliance, FlowText.ServedChoiceCompliance),
        (ActivityServed.Other, FlowText.ServedChoiceOther),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        await AuditTrail.ReadAsync(db, AuditEventType.FlowRecordRead, nameof(Person), Person.Id.ToString(), Person.LocalityId,
            $"Judging records: {Plural.Of(Rows.Count, "record")} shown" + (Year is null ? "" : $" (year {Year})"), ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var shown = Rows.Select(r => r.Id).ToHashSet();
        var chosen = Selected.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(shown.Contains).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(Selected), FlowText.ErrorChooseRecord);
        }
        Data.Flow.Judgement? judgement = Judgement switch
        {
            "helped" => Data.Flow.Judgement.Helped,
            "served" => Data.Flow.Judgement.ServedTheSystem,
            "clear" => Data.Flow.Judgement.NotJudged,
            _ => null,
        };
        if (judgement is null)
        {
            ModelState.AddModelError(nameof(Judgement), FlowText.ErrorChooseJudgement);
        }
        ActivityServed? served = Enum.TryParse<ActivityServed>(Served, out var s) && Enum.IsDefined(s) && !int.TryParse(Served, out _) ? s : null;
        if (judgement == Data.Flow.Judgement.ServedTheSystem && served is null)
        {
            ModelState.AddModelError(nameof(Served), FlowText.ErrorChooseServed);
        }
        if (judgement == Data.Flow.Judgement.ServedTheSystem && served == ActivityServed.Other && string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), FlowText.ErrorSayServed);
        }
        else if (Note is { Length: > MaxNote })
        {
            ModelState.AddModelError(nameof(Note), Text.Format(FlowText.ErrorNoteTooLong, MaxNote.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var changed = await new JudgeRecords(db).JudgeAsync(Person.LocalityId, Person.Id, chosen, judgement!.Value,
            judgement == Data.Flow.Judgement.ServedTheSystem ? served : null, Note, ct);
        TempData["Done"] = judgement switch
        {
            Data.Flow.Judgement.Helped => Text.Format(FlowText.DoneHelped, FlowText.RecordCount(changed), Person.DisplayName),
            Data.Flow.Judgement.ServedTheSystem => Text.Format(FlowText.DoneServed, FlowText.RecordCount(changed)),
            _ => Text.Format(FlowText.DoneCleared, FlowText.RecordCount(changed)),
        };
        return RedirectToPage(null, new { id, year = Year });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var person = await FlowAccess.PersonAsync(db, current, id, ct);
        if (person is null)
        {
            // The same answer whether the person does not exist, is elsewhere, or is restricted from this user.
            return false;
        }
        Person = person;
        var story = await PersonStory.LoadAsync(db, engines, current.Viewer, person, Year, null, null, linkRecords: false, ct);
        Whole = story.Whole;
        Years = story.Years;
        Rows = story.Rows;
        var flow = await engines.ForLocalityAsync(db, person.LocalityId);
        Quarters = story.Engine is null ? [] : Judging.ByQuarter(flow.Log, [story.Whole.Person]);
        return true;
    }

    /// <summary>"25 : 75", helped to served, in whole percentages that add up to 100.</summary>
    public static string Ratio(double helpedShare)
    {
        var helped = (int)Math.Round(helpedShare * 100, MidpointRounding.AwayFromZero);
        return $"{helped} : {100 - helped}";
    }

    public string ServedWords(ActivityServed? served) => served is null ? FlowText.ServedSystem : ServedChoices.First(c => c.Value == served).Text.Split(' ')[0].ToLowerInvariant();
}
