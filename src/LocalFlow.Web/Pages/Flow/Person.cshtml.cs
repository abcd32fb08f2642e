using LocalFlow.Analytics;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// One person's records across agencies: a timeline with a lane per agency (zoom to a year, filter by agency
/// and kind), every record listed below it and reachable by keyboard, the summary in the seeds' sentence,
/// and the cumulative cost of what was done beside the cost of what mattered. Every view is audited.
/// </summary>
[Authorize(Policy = Policies.FlowStudy)]
public sealed class PersonModel(LocalFlowDb db, CurrentUser current, FlowEngines engines) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public ActivityKind? Kind { get; set; }

    public Person Person { get; private set; } = null!;
    public string? Story { get; private set; }
    /// <summary>The engine's figures over every record of the person (docs/flow-study.md), the same as the cohort page and the API give.</summary>
    public PersonFigures Whole { get; private set; } = null!;
    /// <summary>How many records the filters show.</summary>
    public int Shown { get; private set; }
    /// <summary>How many records are stored for the person (exact duplicates included).</summary>
    public int AllRecords { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> AgencyOptions { get; private set; } = [];
    public IReadOnlyList<ActivityKind> KindOptions { get; private set; } = [];
    public IReadOnlyList<PersonStory.RecordRow> Rows { get; private set; } = [];
    public IReadOnlyList<WhatMattered> Mattered { get; private set; } = [];
    public TimelineChart Timeline { get; private set; } = null!;
    public CostCurveChart CostCurve { get; private set; } = null!;
    /// <summary>The analytics engine's figures and failure-demand signals over every record the user may see (docs/flow-study.md, docs/trust.md).</summary>
    public PersonAnalysis? Engine { get; private set; }
    public IReadOnlyList<string> SignalWords { get; private set; } = [];
    public bool Filtered => Year is not null || Agency is not null || Kind is not null;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var person = await FlowAccess.PersonAsync(db, current, id);
        if (person is null)
        {
            // The same answer whether the person does not exist, is elsewhere, or is restricted from this user.
            return NotFound();
        }
        Person = person;
        var story = await PersonStory.LoadAsync(db, engines, current.Viewer, person, Year, Agency, Kind);
        Story = story.Story;
        Engine = story.Engine;
        SignalWords = story.SignalWords;
        Whole = story.Whole;
        Years = story.Years;
        AgencyOptions = story.AgencyOptions;
        KindOptions = story.KindOptions;
        Shown = story.Shown;
        AllRecords = story.AllRecords;
        Rows = story.Rows;
        Mattered = story.Mattered;
        Timeline = story.Timeline;
        CostCurve = story.CostCurve;
        await AuditTrail.ReadAsync(db, AuditEventType.FlowRecordRead, nameof(Person), person.Id.ToString(), person.LocalityId,
            $"Flow timeline: {Shown} of {Plural.Of(AllRecords, "record")} shown" + (Filtered ? $" (year {Year}, agency {Agency}, kind {Kind})" : ""));
        return Page();
    }
}
