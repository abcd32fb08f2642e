using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Security;

namespace LocalFlow.Web.Api;

/// <summary>A person's activity records and their summary. Audited like the timeline page; restricted people are hidden (404).</summary>
public static class FlowApi
{
    public sealed record RecordDto(Guid Id, DateTime StartUtc, DateTime? EndUtc, int? SourceOffsetMinutes, int AgencyId, int? TeamId, int? WorkerId,
        ActivityKind Kind, string? Subtype, int? ReferredToAgencyId, int? ReferredToTeamId, string SourceSystem, string SourceRecordId, string? Text,
        decimal? Cost, bool CostFromCatalogue, bool? Helped, ActivityServed? HelpedReason, Guid? ImportId);

    public sealed record WhatMatteredDto(string InTheirWords, string Item, decimal Cost, DateOnly AskedOn);

    public sealed record SummaryDto(Guid PersonId, string Sentence, PersonFigures Figures, decimal CostOfWhatMattered, IReadOnlyList<WhatMatteredDto> WhatMattered);

    public static RouteGroupBuilder MapFlowApi(this RouteGroupBuilder api)
    {
        api.MapGet("/flow/people/{id:guid}/records", async (Guid id, LocalFlowDb db, CurrentUser current) =>
        {
            var person = await FlowAccess.PersonAsync(db, current, id);
            if (person is null)
            {
                return Results.NotFound();
            }
            var records = await FlowQueries.RecordsForAsync(db, current.Viewer, person.LocalityId, id);
            await AuditTrail.ReadAsync(db, AuditEventType.FlowRecordRead, nameof(Person), id.ToString(), person.LocalityId, $"API: {records.Count} activity records");
            return Results.Ok(records.Select(r => new RecordDto(r.Id, r.StartUtc, r.EndUtc, r.SourceOffsetMinutes, r.AgencyId, r.TeamId, r.WorkerId, r.Kind, r.Subtype,
                r.ReferredToAgencyId, r.ReferredToTeamId, r.SourceSystem, r.SourceRecordId, r.Text, r.Cost, r.CostFromCatalogue, r.Helped, r.HelpedReason, r.ImportId)));
        }).RequireAuthorization(Policies.FlowStudy).WithSummary("A person's activity records in time order (audited).");

        api.MapGet("/flow/people/{id:guid}/summary", async (Guid id, LocalFlowDb db, CurrentUser current, FlowEngines engines) =>
        {
            var person = await FlowAccess.PersonAsync(db, current, id);
            if (person is null)
            {
                return Results.NotFound();
            }
            var shared = await FlowQueries.RecordsForAsync(db, current.Viewer, person.LocalityId, id);
            var flow = await engines.ForPersonAsync(db, person.LocalityId, id, shared);
            var figures = flow.Person(id)?.Figures ?? PersonFigures.None(id.ToString("N"));
            var mattered = db.WhatMattered.Where(w => w.LocalityId == person.LocalityId && w.PersonId == id && w.Item != "" && w.RemovedUtc == null).OrderBy(w => w.AskedOn)
                .Select(w => new WhatMatteredDto(w.InTheirWords, w.Item, w.Cost, w.AskedOn)).ToList();
            await AuditTrail.ReadAsync(db, AuditEventType.FlowRecordRead, nameof(Person), id.ToString(), person.LocalityId, "API: flow summary");
            return Results.Ok(new SummaryDto(id, FlowSentence.Of(figures), figures, mattered.Sum(m => m.Cost), mattered));
        }).RequireAuthorization(Policies.FlowStudy).WithSummary("A person's flow figures (the engine's, as on the person page) in the seeds' sentence form, and what mattered to them (audited).");
        return api;
    }
}
