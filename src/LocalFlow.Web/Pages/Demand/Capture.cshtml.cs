using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>
/// Capture, keyboard first: the person's words, value or failure, the type, what happened. With htmx the form
/// posts and swaps in place (no reload); without JavaScript it is an ordinary post. The form keeps what was
/// typed when something is missing, and the front door and channel stay set for the next demand.
/// </summary>
[Authorize(Policy = Policies.DemandStudy)]
public sealed class CaptureModel(LocalFlowDb db, CurrentUser current) : StudyPageModel(db, current)
{
    public override string StudyPage => "Capture";

    [BindProperty]
    public DemandInput Input { get; set; } = new();

    /// <summary>When the demand arrived, Europe/London (empty means now).</summary>
    [BindProperty]
    public string? When { get; set; }

    public IReadOnlyList<(string Value, string Text)> Doors { get; private set; } = [];
    public IReadOnlyList<DemandType> Types { get; private set; } = [];
    public IReadOnlyList<SuggestedType> Suggestions { get; private set; } = [];
    public IReadOnlyList<Data.Entities.Demand> Recent { get; private set; } = [];
    public int Captured { get; private set; }
    public string? Saved { get; private set; }
    /// <summary>The <c>lang</c> of the saved demand's words.</summary>
    public string SavedLanguage { get; private set; } = "en-GB";

    /// <summary>The kinds of failure demand offered, in the request's language.</summary>
    public static (string Value, string Text, string? Hint)[] FailureKinds =>
    [
        ("RePresenting", DemandText.RePresenting, null),
        ("ProgressChasing", DemandText.ProgressChasing, DemandText.ProgressChasingHint),
        ("NotUnderstoodRework", DemandText.NotUnderstood, DemandText.NotUnderstoodHint),
        ("NotDoneRight", DemandText.NotDoneRight, null),
        ("Other", DemandText.Other, null),
    ];

    /// <summary>What happened at the point of transaction, in the request's language.</summary>
    public static (string Value, string Text, string? Hint)[] Outcomes =>
    [
        ("ResolvedThere", DemandText.ResolvedThere, null),
        ("AdviceOnly", DemandText.AdviceOnly, null),
        ("ReferredOn", DemandText.ReferredOn, null),
        ("ScreenedOut", DemandText.ScreenedOut, null),
        ("Booked", DemandText.Booked, null),
    ];

    private bool IsHtmx => Request.Headers["HX-Request"] == "true";

    public async Task<IActionResult> OnGetAsync(int id, Guid? saved, int? door, string? channel)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        Input.FrontDoorId = door ?? (Study.FrontDoors.Count == 1 ? Study.FrontDoors[0].FrontDoorId : null);
        Input.Channel = Enum.TryParse<Channel>(channel, out var c) ? c : null;
        if (saved is Guid savedId)
        {
            var d = await Db.Demands.AsNoTracking().SingleOrDefaultAsync(x => x.LocalityId == Study.LocalityId && x.Id == savedId);
            Saved = d?.Verbatim;
            SavedLanguage = SpokenLanguages.LangOf(d?.Language);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        if (!string.IsNullOrWhiteSpace(When))
        {
            if (DateTime.TryParse(When, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                Input.ReceivedAt = Gov.FromLondon(local);
            }
            else
            {
                ModelState.AddModelError(nameof(When), DemandText.TimeFormat);
            }
        }
        if (ModelState.IsValid)
        {
            try
            {
                var demand = await Studies.CaptureAsync(Study, Input);
                if (!IsHtmx)
                {
                    return Redirect($"/Demand/Capture/{id}?saved={demand.Id}&door={demand.FrontDoorId}{(Input.Channel is Channel ch ? "&channel=" + ch : "")}");
                }
                // Next demand: keep the front door and channel, clear the rest.
                Saved = demand.Verbatim;
                SavedLanguage = SpokenLanguages.LangOf(demand.Language);
                ModelState.Clear();
                Input = new DemandInput { FrontDoorId = Input.FrontDoorId, Channel = Input.Channel };
                When = null;
            }
            catch (DemandInputException ex)
            {
                AddErrors(ex, "Input.", new Dictionary<string, string> { ["ReceivedAt"] = nameof(When) });
            }
        }
        await LoadAsync(suggest: !ModelState.IsValid);
        return IsHtmx ? Partial("_CaptureForm", this) : Page();
    }

    /// <summary>
    /// Without JavaScript: the form comes back as typed, with types suggested for the words typed so far and
    /// the best one chosen. Nothing is saved and nothing is checked yet.
    /// </summary>
    public async Task<IActionResult> OnPostSuggestAsync(int id)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        await LoadAsync(suggest: true);
        return Page();
    }

    /// <summary>The type list with suggestions for the words typed so far (htmx, as the person types).</summary>
    public async Task<IActionResult> OnGetSuggestAsync(int id, [FromQuery(Name = "Input.Verbatim")] string? verbatim, [FromQuery(Name = "Input.TypeId")] int? typeId, [FromQuery(Name = "Input.Nature")] string? nature)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        Input.Verbatim = verbatim;
        Input.TypeId = typeId;
        Types = await Studies.CurrentTypes(Study.Id).ToListAsync();
        Suggestions = await Studies.SuggestTypesAsync(Study, verbatim);
        return Partial("_TypeField", this);
    }

    private async Task LoadAsync(bool suggest = false)
    {
        Doors = Study.FrontDoors.Where(f => f.FrontDoor is not null).OrderBy(f => f.FrontDoor!.Name)
            .Select(f => (f.FrontDoorId.ToString(CultureInfo.InvariantCulture), f.FrontDoor!.Name)).ToList();
        Types = await Studies.CurrentTypes(Study.Id).ToListAsync();
        if (suggest)
        {
            Suggestions = await Studies.SuggestTypesAsync(Study, Input.Verbatim);
        }
        Captured = await Db.Demands.CountAsync(d => d.LocalityId == Study.LocalityId && d.StudyId == Study.Id);
        Recent = await Db.Demands.AsNoTracking().Where(d => d.LocalityId == Study.LocalityId && d.StudyId == Study.Id)
            .OrderByDescending(d => d.CapturedAt).Take(5).ToListAsync();
        if (Recent.Count > 0)
        {
            await AuditTrail.ReadAsync(Db, AuditEventType.DemandRead, nameof(Data.Entities.Demand), null, Study.LocalityId, $"Capture page: {Recent.Count} most recent demands of study {Study.Id} shown");
        }
    }

    public string TypeName(int? id) => id is int i ? Types.FirstOrDefault(t => t.Id == i)?.Name ?? DemandText.MergedType : DemandText.NotTyped;
}
