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
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// One person's records across agencies: a timeline with a lane per agency (zoom to a year, filter by agency
/// and kind), every record listed below it and reachable by keyboard, the summary in the seeds' sentence,
/// and the cumulative cost of what was done beside the cost of what mattered. Every view is audited.
/// </summary>
[Authorize(Policy = Policies.FlowStudy)]
public sealed class PersonModel(LocalFlowDb db, CurrentUser current, FlowEngines engines) : PageModel
{
    public sealed record RecordRow(Guid Id, DateTime StartUtc, string Agency, string? Team, string What, string? Worker, string? Text, decimal? Cost, bool? Helped, ActivityServed? Served);

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
    public IReadOnlyList<RecordRow> Rows { get; private set; } = [];
    public IReadOnlyList<WhatMattered> Mattered { get; private set; } = [];
    public TimelineChart Timeline { get; private set; } = null!;
    public CostCurveChart CostCurve { get; private set; } = null!;
    /// <summary>The analytics engine's figures and failure-demand signals over every record (docs/flow-study.md).</summary>
    public PersonAnalysis? Engine { get; private set; }
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
        Story = (await FlowQueries.CaseHistoriesAsync(db)).Where(s => s.PersonId == id).Select(s => FlowAccess.StoryName(s.Story)).FirstOrDefault();
        var all = await FlowQueries.RecordsForAsync(db, person.LocalityId, id);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName);
        var teamIds = all.Where(r => r.TeamId is not null).Select(r => r.TeamId!.Value).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name);
        var workerIds = all.Where(r => r.WorkerId is not null).Select(r => r.WorkerId!.Value).Distinct().ToList();
        var workers = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name + (w.JobTitle.Length > 0 ? $" ({w.JobTitle})" : ""));
        // Only what has been priced is drawn beside the cost of what was done; the team's unpriced statements are on the locality page.
        Mattered = await db.WhatMattered.AsNoTracking().Where(w => w.LocalityId == person.LocalityId && w.PersonId == id && w.Item != "" && w.RemovedUtc == null).OrderBy(w => w.AskedOn).ToListAsync();

        // Figures, signals and the cost curve come from the locality's engine (kept between views); the records are
        // read once, for the list.
        var flow = await engines.ForLocalityAsync(db, person.LocalityId);
        Engine = flow.Person(id);
        Whole = Engine?.Figures ?? PersonFigures.None(id.ToString("N"));
        Years = all.Select(r => FlowAccess.LocalDate(r.StartUtc).Year).Distinct().Order().ToList();
        AgencyOptions = all.Select(r => r.AgencyId).Distinct().Select(a => (a, agencies[a])).OrderBy(a => a.Item2, StringComparer.Ordinal).ToList();
        KindOptions = all.Select(r => r.Kind).Distinct().Order().ToList();

        var shown = all.Where(r => (Year is null || FlowAccess.LocalDate(r.StartUtc).Year == Year)
            && (Agency is null || r.AgencyId == Agency) && (Kind is null || r.Kind == Kind)).ToList();
        Shown = shown.Count;
        AllRecords = all.Count;
        Rows = shown.Select(r => new RecordRow(r.Id, r.StartUtc, agencies[r.AgencyId], r.TeamId is int t ? teams.GetValueOrDefault(t) : null,
            FlowAccess.Describe(r), r.WorkerId is int w ? workers.GetValueOrDefault(w) : null, r.Text, r.Cost, r.Helped, r.HelpedReason)).ToList();

        var lanes = shown.GroupBy(r => r.AgencyId).OrderBy(g => g.Min(r => r.StartUtc))
            .Select(g => new TimelineLane(agencies[g.Key], g.Select(r => new TimelineEvent(FlowAccess.LocalDate(r.StartUtc), FlowAccess.Describe(r)) { Href = $"#record-{r.Id}" }).ToList()))
            .ToList();
        var span = Year is int y ? $"in {y}" : "over the whole case";
        Timeline = new TimelineChart($"Records by agency {span}", $"Each mark is one activity record, in a lane for the agency that made it. Each mark links to the record in the list below.", lanes)
        {
            Id = "timeline",
            ShowTitle = false,
            From = Year is int y1 ? new DateOnly(y1, 1, 1) : null,
            To = Year is int y2 ? new DateOnly(y2, 12, 31) : null,
        };
        var log = flow.Log;
        var curve = Engine is null ? new LocalFlow.Analytics.Flow.CostCurve([], []) : LocalFlow.Analytics.Flow.CostCurve.For(flow.Analyzer, Whole.Person, [.. Mattered.Select(m => new WhatMatteredItem(m.Item, m.Cost, m.AskedOn))]);
        var costs = curve.Done.Select(s => new CostItem(FlowAccess.LocalDate(s.At.UtcDateTime), s.Amount, FlowAccess.Describe(log.Kind(s.Source), log.Subtype(s.Source)))).ToList();
        CostCurve = new CostCurveChart("Cumulative cost", "The cost of everything the agencies did, added up over time, beside what meeting the person's own needs would have cost.", costs)
        {
            Id = "cost-curve",
            ShowTitle = false,
            Comparison = Mattered.Count > 0 ? Mattered.Select(m => new CostItem(m.AskedOn, m.Cost, m.Item)).ToList() : null,
        };
        await AuditTrail.ReadAsync(db, AuditEventType.FlowRecordRead, nameof(Person), person.Id.ToString(), person.LocalityId,
            $"Flow timeline: {shown.Count} of {Plural.Of(all.Count, "record")} shown" + (Filtered ? $" (year {Year}, agency {Agency}, kind {Kind})" : ""));
        return Page();
    }
}
