using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// One person's records across agencies, as the flow person page and the locality team's view of them show it: the
/// engine's figures, the records (filtered by year, agency and kind), the timeline and the cost curve. Loaded for a
/// person the caller has already found through <see cref="FlowAccess"/>.
/// </summary>
public sealed class PersonStory
{
    public sealed record RecordRow(Guid Id, DateTime StartUtc, string Agency, string? Team, string What, string? Worker, string? Text, decimal? Cost, bool? Helped, ActivityServed? Served);

    public required string? Story { get; init; }
    public required PersonFigures Whole { get; init; }
    public required PersonAnalysis? Engine { get; init; }

    /// <summary>What each of the engine's signals found, in the request's language, in the order of <see cref="PersonAnalysis.Signals"/>.</summary>
    public required IReadOnlyList<string> SignalWords { get; init; }
    public required int Shown { get; init; }
    public required int AllRecords { get; init; }
    public required IReadOnlyList<int> Years { get; init; }
    public required IReadOnlyList<(int Id, string Name)> AgencyOptions { get; init; }
    public required IReadOnlyList<ActivityKind> KindOptions { get; init; }
    public required IReadOnlyList<RecordRow> Rows { get; init; }
    public required IReadOnlyList<WhatMattered> Mattered { get; init; }
    public required TimelineChart Timeline { get; init; }
    public required CostCurveChart CostCurve { get; init; }

    /// <summary>
    /// The person's story. <paramref name="linkRecords"/> makes each timeline mark link to its row in the page's list
    /// (<c>#record-{id}</c>); a page without that list passes false.
    /// </summary>
    public static async Task<PersonStory> LoadAsync(LocalFlowDb db, FlowEngines engines, Viewer viewer, Person person, int? year, int? agency, ActivityKind? kind, bool linkRecords = true, CancellationToken ct = default)
    {
        var id = person.Id;
        var story = (await FlowQueries.CaseHistoriesAsync(db)).Where(s => s.PersonId == id).Select(s => FlowAccess.StoryName(s.Story)).FirstOrDefault();
        // only the records that data sharing agreements let the viewer see, and figures over those alone
        var all = await FlowQueries.RecordsForAsync(db, viewer, person.LocalityId, id);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        var teamIds = all.Where(r => r.TeamId is not null).Select(r => r.TeamId!.Value).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var workerIds = all.Where(r => r.WorkerId is not null).Select(r => r.WorkerId!.Value).Distinct().ToList();
        var workers = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name + (w.JobTitle.Length > 0 ? $" ({w.JobTitle})" : ""), ct);
        // Only what has been priced is drawn beside the cost of what was done; the team's unpriced statements are on the locality page.
        var mattered = await db.WhatMattered.AsNoTracking().Where(w => w.LocalityId == person.LocalityId && w.PersonId == id && w.Item != "" && w.RemovedUtc == null).OrderBy(w => w.AskedOn).ToListAsync(ct);

        // Figures, signals and the cost curve come from the locality's engine (kept between views), or from one over the
        // records the viewer may see when an agreement hides some; the records are read once, for the list.
        var flow = await engines.ForPersonAsync(db, person.LocalityId, id, all, ct);
        var engine = flow.Person(id);
        var whole = engine?.Figures ?? PersonFigures.None(id.ToString("N"));

        var shown = all.Where(r => (year is null || FlowAccess.LocalDate(r.StartUtc).Year == year)
            && (agency is null || r.AgencyId == agency) && (kind is null || r.Kind == kind)).ToList();
        var lanes = shown.GroupBy(r => r.AgencyId).OrderBy(g => g.Min(r => r.StartUtc))
            .Select(g => new TimelineLane(agencies[g.Key], g.Select(r => new TimelineEvent(FlowAccess.LocalDate(r.StartUtc), FlowText.Describe(r.Kind, r.Subtype)) { Href = linkRecords ? $"#record-{r.Id}" : null }).ToList()))
            .ToList();
        var timeline = new TimelineChart(year is int y ? Text.Format(FlowPersonText.TimelineTitleYear, y) : FlowPersonText.TimelineTitleAll, FlowPersonText.TimelineAbout + (linkRecords ? FlowPersonText.TimelineAboutLinks : ""), lanes)
        {
            Id = "timeline",
            ShowTitle = false,
            From = year is int y1 ? new DateOnly(y1, 1, 1) : null,
            To = year is int y2 ? new DateOnly(y2, 12, 31) : null,
        };
        var log = flow.Log;
        var curve = engine is null ? new LocalFlow.Analytics.Flow.CostCurve([], []) : LocalFlow.Analytics.Flow.CostCurve.For(flow.Analyzer, whole.Person, [.. mattered.Select(m => new WhatMatteredItem(m.Item, m.Cost, m.AskedOn))]);
        var costs = curve.Done.Select(s => new CostItem(FlowAccess.LocalDate(s.At.UtcDateTime), s.Amount, FlowText.Describe(log.Kind(s.Source), log.Subtype(s.Source)))).ToList();
        var costCurve = new CostCurveChart(FlowPersonText.CumulativeCost, FlowPersonText.CostCurveAbout, costs)
        {
            Id = "cost-curve",
            ShowTitle = false,
            Comparison = mattered.Count > 0 ? mattered.Select(m => new CostItem(m.AskedOn, m.Cost, m.Item)).ToList() : null,
        };
        return new PersonStory
        {
            Story = story,
            Whole = whole,
            Engine = engine,
            SignalWords = engine is null ? [] : [.. flow.Analyzer.Signals(flow.PersonNumber(id)).Select(s => FlowWords.Signal(s, flow.Log))],
            Shown = shown.Count,
            AllRecords = all.Count,
            Years = all.Select(r => FlowAccess.LocalDate(r.StartUtc).Year).Distinct().Order().ToList(),
            AgencyOptions = all.Select(r => r.AgencyId).Distinct().Select(a => (a, agencies[a])).OrderBy(a => a.Item2, StringComparer.Ordinal).ToList(),
            KindOptions = all.Select(r => r.Kind).Distinct().Order().ToList(),
            Rows = shown.Select(r => new RecordRow(r.Id, r.StartUtc, agencies[r.AgencyId], r.TeamId is int t ? teams.GetValueOrDefault(t) : null,
                FlowText.Describe(r.Kind, r.Subtype), r.WorkerId is int w ? workers.GetValueOrDefault(w) : null, r.Text, r.Cost, r.Helped, r.HelpedReason)).ToList(),
            Mattered = mattered,
            Timeline = timeline,
            CostCurve = costCurve,
        };
    }
}
