using System.Globalization;
using LocalFlow.Analytics;
using LocalFlow.Analytics.Measures;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Api;

/// <summary>Demand studies: studies, demands (capture and list, audited), types, and the analysis figures.</summary>
public static class DemandApi
{
    public sealed record StudyDto(int Id, int LocalityId, string Service, StudyKind Kind, string Purpose, DateOnly StartsOn, DateOnly? EndsOn, int? TeamId, IReadOnlyList<int> FrontDoorIds, double PredictableLevel, bool StartedWithReadyMadeTypes);
    public sealed record DemandDto(Guid Id, int StudyId, int FrontDoorId, Channel Channel, DateTime ReceivedAt, string Verbatim, string? Language, string WhatTheyWanted, DemandNature Nature, FailureKind? FailureKind, string? FailureOther, int? TypeId, TransactionOutcome Outcome, string? ReferredTo, string? LifeContext, string CapturedBy, DateTime CapturedAt, int Version);
    public sealed record DemandPage(int Total, int Skip, int Take, IReadOnlyList<DemandDto> Demands);
    public sealed record TypeDto(int Id, string Name, string Description, DemandNature Nature, int? MergedIntoId, bool ReadyMade, int Demands);
    public sealed record NewType(string? Name, DemandNature? Nature, string? Description);
    public sealed record MergeType(int? IntoTypeId);
    public sealed record MergeResult(int FromTypeId, int IntoTypeId, int DemandsMoved);
    public sealed record SplitType(string? Name, DemandNature? Nature, IReadOnlyList<Guid>? DemandIds);
    public sealed record TypeChangeDto(DateTime At, string By, DemandTypeChangeKind Kind, string Detail, int DemandsMoved);
    public sealed record Correction(int Version, string? Reason, DemandInput? Demand);
    public sealed record ShareDto(string Key, int Value, int Failure, double FailureShare);
    public sealed record ParetoDto(int TypeId, string Name, int Count, double Share, double CumulativeShare);
    public sealed record OutcomeDto(TransactionOutcome Outcome, int Count, double Share);
    public sealed record FailureKindDto(FailureKind Kind, int Count, double Share);
    public sealed record PredictabilityDto(int Demands, int DistinctTypes, int TypesSeenOnce, double NewTypeChance, string Reading, double PredictableLevel, bool IsPredictable);
    public sealed record ChartPointDto(DateOnly Date, double Value, double Centre, double? Lower, double? Upper, string Signals, SignalClass Signal);
    public sealed record AnalysisDto(int Total, int Value, int Failure, double FailureShare, int Untyped, double ResolvedAtFirstContact,
        IReadOnlyList<ShareDto> ByFrontDoor, IReadOnlyList<ShareDto> ByChannel, IReadOnlyList<ShareDto> ByDay, IReadOnlyList<ShareDto> ByHour,
        IReadOnlyList<FailureKindDto> FailureKinds, IReadOnlyList<ParetoDto> ValuePareto, IReadOnlyList<ParetoDto> FailurePareto, IReadOnlyList<OutcomeDto> Outcomes,
        PredictabilityDto Predictability, IReadOnlyList<ChartPointDto> DemandsPerDay, IReadOnlyList<ChartPointDto> FailureSharePerDay);

    public static RouteGroupBuilder MapDemandApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/demand").WithTags("Demand study");

        g.MapGet("/studies", async (LocalFlowDb db, CurrentUser current) =>
        {
            var localities = current.LocalityIds;
            return (await db.DemandStudies.Include(s => s.FrontDoors).Where(s => localities.Contains(s.LocalityId)).OrderBy(s => s.Id).ToListAsync()).Select(ToDto);
        }).RequireAuthorization(Policies.DemandBoard).WithSummary("Demand studies in your localities.");

        g.MapGet("/studies/{id:int}", async (int id, LocalFlowDb db, CurrentUser current) =>
            await new DemandStudies(db).FindStudyAsync(id, current.LocalityIds) is { } s ? Results.Ok(ToDto(s)) : Results.NotFound())
            .RequireAuthorization(Policies.DemandBoard).WithSummary("One study.");

        g.MapPost("/studies", async (StudyInput input, LocalFlowDb db, CurrentUser current) =>
        {
            if (current.LocalityId is not int locality)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Your sign-in is not linked to a locality");
            }
            try
            {
                var s = await new DemandStudies(db).CreateStudyAsync(locality, input);
                return Results.Created($"/api/demand/studies/{s.Id}", ToDto(s));
            }
            catch (DemandInputException ex)
            {
                return Invalid(ex);
            }
        }).RequireAuthorization(Policies.DemandStudy).WithSummary("Start a study (predictableLevelPercent: e.g. 2 for 2%).");

        g.MapGet("/studies/{id:int}/demands", async (int id, int? skip, int? take, LocalFlowDb db, CurrentUser current) =>
        {
            if (await new DemandStudies(db).FindStudyAsync(id, current.LocalityIds) is not { } s)
            {
                return Results.NotFound();
            }
            var from = Math.Max(0, skip ?? 0);
            var count = Math.Clamp(take ?? 100, 1, 1000);
            var q = db.Demands.AsNoTracking().Where(d => d.LocalityId == s.LocalityId && d.StudyId == s.Id);
            var total = await q.CountAsync();
            var rows = await q.OrderBy(d => d.ReceivedAt).ThenBy(d => d.CapturedAt).Skip(from).Take(count).ToListAsync();
            await AuditTrail.ReadAsync(db, AuditEventType.DemandRead, nameof(Demand), null, s.LocalityId, $"API: {Plural.Of(rows.Count, "demand")} of study {s.Id} from {from}");
            return Results.Ok(new DemandPage(total, from, count, rows.Select(ToDto).ToList()));
        }).RequireAuthorization(Policies.DemandStudy).WithSummary("Demands of a study, oldest first (skip, take up to 1,000). Audited.");

        g.MapPost("/studies/{id:int}/demands", async (int id, DemandInput input, LocalFlowDb db, CurrentUser current) =>
        {
            if (await new DemandStudies(db).FindStudyAsync(id, current.LocalityIds) is not { } s)
            {
                return Results.NotFound();
            }
            try
            {
                var d = await new DemandStudies(db).CaptureAsync(s, input);
                return Results.Created($"/api/demand/studies/{id}/demands/{d.Id}", ToDto(d));
            }
            catch (DemandInputException ex)
            {
                return Invalid(ex);
            }
        }).RequireAuthorization(Policies.DemandStudy).WithSummary("Capture a demand (verbatim, nature and outcome required; receivedAt defaults to now).");

        g.MapGet("/studies/{id:int}/types", async (int id, LocalFlowDb db, CurrentUser current) =>
        {
            if (await new DemandStudies(db).FindStudyAsync(id, current.LocalityIds) is not { } s)
            {
                return Results.NotFound();
            }
            var counts = await db.Demands.Where(d => d.LocalityId == s.LocalityId && d.StudyId == s.Id && d.TypeId != null)
                .GroupBy(d => d.TypeId!.Value).Select(x => new { x.Key, Count = x.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
            return Results.Ok((await db.DemandTypes.Where(t => t.StudyId == s.Id).OrderBy(t => t.Name).ToListAsync())
                .Select(t => new TypeDto(t.Id, t.Name, t.Description, t.Nature, t.MergedIntoId, t.ReadyMade, counts.GetValueOrDefault(t.Id))));
        }).RequireAuthorization(Policies.DemandAnalyse).WithSummary("Types of demand, including merged ones (mergedIntoId), with how many demands each.");

        g.MapPost("/studies/{id:int}/types", async (int id, NewType input, LocalFlowDb db, CurrentUser current) =>
        {
            if (await new DemandStudies(db).FindStudyAsync(id, current.LocalityIds) is not { } s)
            {
                return Results.NotFound();
            }
            try
            {
                var t = await new DemandStudies(db).CreateTypeAsync(s, input.Name, input.Nature, input.Description);
                return Results.Created($"/api/demand/studies/{id}/types", new TypeDto(t.Id, t.Name, t.Description, t.Nature, null, t.ReadyMade, 0));
            }
            catch (DemandInputException ex)
            {
                return Invalid(ex);
            }
        }).RequireAuthorization(Policies.DemandStudy).WithSummary("Create a type.");

        g.MapPut("/studies/{id:int}/demands/{demandId:guid}", async (int id, Guid demandId, Correction input, LocalFlowDb db, CurrentUser current) =>
        {
            if (await new DemandStudies(db).FindStudyAsync(id, current.LocalityIds) is not { } s)
            {
                return Results.NotFound();
            }
            if (input.Demand is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["demand"] = ["Give the corrected demand"] });
            }
            try
            {
                return Results.Ok(ToDto(await new DemandStudies(db).CorrectAsync(s, demandId, input.Version, input.Demand, input.Reason)));
            }
            catch (DemandInputException ex)
            {
                return Invalid(ex);
            }
            catch (DemandConflictException ex)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: ex.Message);
            }
        }).RequireAuthorization(Policies.DemandStudy).WithSummary("Correct a demand (send the version you read; a stale version answers 409). The change is kept and audited.");

        g.MapPut("/studies/{id:int}/types/{typeId:int}", (int id, int typeId, NewType input, LocalFlowDb db, CurrentUser current)
            => WithStudy(db, current, id, async (service, s) =>
            {
                var t = await service.RenameTypeAsync(s, typeId, input.Name, input.Description, input.Nature);
                return Results.Ok(new TypeDto(t.Id, t.Name, t.Description, t.Nature, t.MergedIntoId, t.ReadyMade,
                    await db.Demands.CountAsync(d => d.LocalityId == s.LocalityId && d.StudyId == s.Id && d.TypeId == t.Id)));
            }))
            .RequireAuthorization(Policies.DemandStudy).WithSummary("Rename a type, describe it or change its nature (history kept).");

        g.MapPost("/studies/{id:int}/types/{typeId:int}/merge", (int id, int typeId, MergeType input, LocalFlowDb db, CurrentUser current)
            => WithStudy(db, current, id, async (service, s) =>
                Results.Ok(new MergeResult(typeId, input.IntoTypeId ?? 0, await service.MergeTypesAsync(s, typeId, input.IntoTypeId)))))
            .RequireAuthorization(Policies.DemandStudy).WithSummary("Merge a type into another: every demand moves, the history is kept; merging a type into itself is refused.");

        g.MapPost("/studies/{id:int}/types/{typeId:int}/split", (int id, int typeId, SplitType input, LocalFlowDb db, CurrentUser current)
            => WithStudy(db, current, id, async (service, s) =>
            {
                var t = await service.SplitTypeAsync(s, typeId, input.Name, input.Nature, input.DemandIds ?? []);
                return Results.Created($"/api/demand/studies/{id}/types/{t.Id}/history", new TypeDto(t.Id, t.Name, t.Description, t.Nature, null, t.ReadyMade, input.DemandIds?.Count ?? 0));
            }))
            .RequireAuthorization(Policies.DemandStudy).WithSummary("Split a type: the chosen demands move to a new type (name and demandIds required).");

        g.MapGet("/studies/{id:int}/types/{typeId:int}/history", (int id, int typeId, LocalFlowDb db, CurrentUser current)
            => WithStudy(db, current, id, async (service, s) =>
            {
                var t = await service.FindTypeAsync(s, typeId);
                return Results.Ok((await service.TypeHistoryAsync(t.Id)).Select(c => new TypeChangeDto(c.At, c.By, c.Kind, c.Detail, c.DemandsMoved)));
            }))
            .RequireAuthorization(Policies.DemandAnalyse).WithSummary("A type's history: created, renamed, merged, split.");

        g.MapGet("/studies/{id:int}/analysis", async (int id, LocalFlowDb db, CurrentUser current) =>
        {
            if (await new DemandStudies(db).FindStudyAsync(id, current.LocalityIds) is not { } s)
            {
                return Results.NotFound();
            }
            var a = await new DemandStudies(db).AnalyseAsync(s);
            return Results.Ok(ToDto(a, s));
        }).RequireAuthorization(Policies.DemandAnalyse).WithSummary("Every figure of the analysis (no verbatims).");

        return api;
    }

    /// <summary>Runs <paramref name="work"/> on a study in the user's localities: 404 if there is none, 400 with the fields' messages on bad input.</summary>
    private static async Task<IResult> WithStudy(LocalFlowDb db, CurrentUser current, int id, Func<DemandStudies, DemandStudy, Task<IResult>> work)
    {
        var service = new DemandStudies(db);
        if (await service.FindStudyAsync(id, current.LocalityIds) is not { } s)
        {
            return Results.NotFound();
        }
        try
        {
            return await work(service, s);
        }
        catch (DemandInputException ex)
        {
            return Invalid(ex);
        }
    }

    private static IResult Invalid(DemandInputException ex)
        => ex.NotFound ? Results.NotFound() : Results.ValidationProblem(ex.Errors.ToDictionary(kv => char.ToLowerInvariant(kv.Key[0]) + kv.Key[1..], kv => new[] { kv.Value }));

    private static StudyDto ToDto(DemandStudy s) => new(s.Id, s.LocalityId, s.Service, s.Kind, s.Purpose, s.StartsOn, s.EndsOn, s.TeamId,
        s.FrontDoors.Select(f => f.FrontDoorId).Order().ToList(), s.PredictableLevel, s.StartedWithReadyMadeTypes);

    private static DemandDto ToDto(Demand d) => new(d.Id, d.StudyId, d.FrontDoorId, d.Channel, d.ReceivedAt, d.Verbatim, d.Language, d.WhatTheyWanted, d.Nature, d.FailureKind, d.FailureOther,
        d.TypeId, d.Outcome, d.ReferredTo, d.LifeContext, d.CapturedBy, d.CapturedAt, d.Version);

    private static AnalysisDto ToDto(DemandAnalysis a, DemandStudy s)
    {
        static IReadOnlyList<ShareDto> Shares(IReadOnlyList<Analytics.Demand.DemandShare> list) => list.Select(x => new ShareDto(x.Key, x.Value, x.Failure, x.FailureShare)).ToList();
        static IReadOnlyList<ParetoDto> Bars(IReadOnlyList<Analytics.Demand.ParetoBar> list) => list.Select(b => new ParetoDto(int.Parse(b.Key, CultureInfo.InvariantCulture), b.Label, b.Count, b.Share, b.CumulativeShare)).ToList();
        IReadOnlyList<ChartPointDto> Chart(CapabilityChart? chart) => chart is null ? [] : chart.Points.Select(p => new ChartPointDto(a.Days[p.Index].Day, p.Value, p.Centre,
            double.IsFinite(p.Lower) ? p.Lower : null, double.IsFinite(p.Upper) ? p.Upper : null, CapabilityChart.Describe(p.Signals), p.Class)).ToList();
        var p = a.Predictability;
        return new AnalysisDto(a.Total, a.Value, a.Failure, a.FailureShare, a.Untyped, a.ResolvedAtFirstContact,
            Shares(a.ByFrontDoor), Shares(a.ByChannel), Shares(a.ByDay), Shares(a.ByHour),
            a.ByFailureKind.Select(k => new FailureKindDto(k.Kind, k.Count, k.Share)).ToList(), Bars(a.ValuePareto), Bars(a.FailurePareto),
            a.Outcomes.Select(o => new OutcomeDto(o.Outcome, o.Count, o.Share)).ToList(),
            new PredictabilityDto(p.Demands, p.DistinctTypes, p.TypesSeenOnce, p.NewTypeChance, p.Reading, s.PredictableLevel, p.IsPredictable),
            Chart(a.DemandsPerDay), Chart(a.FailureSharePerDay));
    }
}
