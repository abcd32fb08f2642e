using System.Globalization;
using System.Text;
using LocalFlow.Analytics;
using LocalFlow.Analytics.Demand;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Resources;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Demands;

/// <summary>Input that breaks a rule: each problem keyed by the input field it belongs to, in plain English. Nothing was changed.</summary>
public sealed class DemandInputException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;

    /// <summary>The demand or type the request is about (its address) is not in the study: the API answers 404.</summary>
    public bool NotFound { get; init; }

    public DemandInputException(string field, string message) : this(new Dictionary<string, string> { [field] = message })
    {
    }
}

/// <summary>Someone else changed the record since it was opened; nothing was overwritten.</summary>
public sealed class DemandConflictException(string message) : Exception(message);

/// <summary>What a study team enters when it starts a study.</summary>
public sealed class StudyInput
{
    public string? Service { get; set; }
    public StudyKind? Kind { get; set; }
    public string? Purpose { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int? TeamId { get; set; }
    public string? StudyTeam { get; set; }
    public List<int> FrontDoorIds { get; set; } = [];
    /// <summary>The chance of a new type at or below which demand is called predictable, as a percentage (2 means 2%).</summary>
    public double? PredictableLevelPercent { get; set; } = 2;
    /// <summary>A ready-made list of types, one per line (possible, but the page warns why it defeats the study).</summary>
    public string? ReadyMadeTypes { get; set; }
}

/// <summary>One demand as captured (or corrected). Field names are the keys of <see cref="DemandInputException.Errors"/>.</summary>
public sealed class DemandInput
{
    public int? FrontDoorId { get; set; }
    public Channel? Channel { get; set; }
    /// <summary>When the demand arrived, UTC; empty means now.</summary>
    public DateTime? ReceivedAt { get; set; }
    public string? Verbatim { get; set; }
    /// <summary>The language the demand was made in, as typed ("Cymraeg", "Polish", "pl"); empty for English.</summary>
    public string? Language { get; set; }
    public string? WhatTheyWanted { get; set; }
    public DemandNature? Nature { get; set; }
    public FailureKind? FailureKind { get; set; }
    public string? FailureOther { get; set; }
    public int? TypeId { get; set; }
    /// <summary>A new type's name, created with the demand unless a type of that name exists; when given it wins over <see cref="TypeId"/>.</summary>
    public string? NewTypeName { get; set; }
    public TransactionOutcome? Outcome { get; set; }
    public string? ReferredTo { get; set; }
    public string? LifeContext { get; set; }

    public static DemandInput From(Demand d) => new()
    {
        FrontDoorId = d.FrontDoorId,
        Channel = d.Channel,
        ReceivedAt = d.ReceivedAt,
        Verbatim = d.Verbatim,
        Language = d.Language,
        WhatTheyWanted = d.WhatTheyWanted,
        Nature = d.Nature,
        FailureKind = d.FailureKind,
        FailureOther = d.FailureOther,
        TypeId = d.TypeId,
        Outcome = d.Outcome,
        ReferredTo = d.ReferredTo,
        LifeContext = d.LifeContext,
    };
}

/// <summary>A suggested type for a verbatim.</summary>
public sealed record SuggestedType(int TypeId, string Name, DemandNature Nature, double Score);

/// <summary>
/// Demand studies: create a study, capture and correct demands, let types emerge (create, rename, merge,
/// split), and compute the analysis. Every rule lives here so that the pages, the API and the CLI agree.
/// </summary>
public sealed class DemandStudies(LocalFlowDb db)
{
    /// <summary>The longest verbatim, life context or description kept (far beyond anything said at a front door).</summary>
    public const int MaxTextLength = 100_000;

    /// <summary>How many recent classified demands type suggestions learn from (keeps a suggestion fast in a study of any size).</summary>
    public const int SuggestionWindow = 5_000;

    private string By => db.Actor.UserName;

    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    // ---------------------------------------------------------------- studies

    public async Task<DemandStudy> CreateStudyAsync(int localityId, StudyInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Service))
        {
            errors[nameof(input.Service)] = DataText.StudyServiceRequired;
        }
        if (input.Kind is null)
        {
            errors[nameof(input.Kind)] = DataText.StudyKindRequired;
        }
        if (string.IsNullOrWhiteSpace(input.Purpose))
        {
            errors[nameof(input.Purpose)] = DataText.StudyPurposeRequired;
        }
        if (input.StartsOn is null)
        {
            errors[nameof(input.StartsOn)] = DataText.StudyStartRequired;
        }
        if (input.StartsOn is not null && input.EndsOn is not null && input.EndsOn < input.StartsOn)
        {
            errors[nameof(input.EndsOn)] = DataText.StudyEndBeforeStart;
        }
        var doors = await db.FrontDoors.Where(f => f.LocalityId == localityId && input.FrontDoorIds.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct);
        if (input.FrontDoorIds.Count == 0 || doors.Count != input.FrontDoorIds.Distinct().Count())
        {
            errors[nameof(input.FrontDoorIds)] = DataText.StudyFrontDoorRequired;
        }
        if (input.PredictableLevelPercent is not (> 0 and <= 50))
        {
            errors[nameof(input.PredictableLevelPercent)] = DataText.PredictableLevelRange;
        }
        if (input.TeamId is int teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct))
        {
            errors[nameof(input.TeamId)] = DataText.TeamFromList;
        }
        if (errors.Count > 0)
        {
            throw new DemandInputException(errors);
        }
        var readyMade = ReadyMadeNames(input.ReadyMadeTypes);
        var study = new DemandStudy
        {
            LocalityId = localityId,
            Service = input.Service!.Trim(),
            Kind = input.Kind!.Value,
            Purpose = input.Purpose!.Trim(),
            StartsOn = input.StartsOn!.Value,
            EndsOn = input.EndsOn,
            TeamId = input.TeamId,
            StudyTeam = (input.StudyTeam ?? "").Trim(),
            PredictableLevel = input.PredictableLevelPercent!.Value / 100.0,
            StartedWithReadyMadeTypes = readyMade.Count > 0,
            CreatedAt = Now,
            CreatedBy = By,
        };
        foreach (var id in doors)
        {
            study.FrontDoors.Add(new DemandStudyFrontDoor { FrontDoorId = id });
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DemandStudies.Add(study);
        await db.SaveChangesAsync(ct);
        foreach (var name in readyMade)
        {
            await AddTypeAsync(study.Id, name, DemandNature.Value, "", readyMadeType: true, ct);
        }
        AuditTrail.Add(db, AuditEventType.DemandChanged, AuditOperation.Create, nameof(DemandStudy), study.Id.ToString(CultureInfo.InvariantCulture), localityId,
            $"Study created: {study.Service}{(readyMade.Count > 0 ? $"; started with {readyMade.Count} ready-made types" : "")}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return study;
    }

    private static List<string> ReadyMadeNames(string? text) => (text ?? "")
        .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToList();

    /// <summary>A study in one of the given localities, or null.</summary>
    public Task<DemandStudy?> FindStudyAsync(int studyId, IReadOnlyCollection<int> localityIds, CancellationToken ct = default)
        => db.DemandStudies.Include(s => s.FrontDoors).ThenInclude(f => f.FrontDoor).Include(s => s.Team)
            .SingleOrDefaultAsync(s => s.Id == studyId && localityIds.Contains(s.LocalityId), ct);

    public async Task SetPredictableLevelAsync(DemandStudy study, double? percent, CancellationToken ct = default)
    {
        if (percent is not (> 0 and <= 50))
        {
            throw new DemandInputException("PredictableLevelPercent", DataText.PredictableLevelRange);
        }
        var old = study.PredictableLevel;
        study.PredictableLevel = percent.Value / 100.0;
        AuditTrail.Add(db, AuditEventType.DemandChanged, AuditOperation.Update, nameof(DemandStudy), study.Id.ToString(CultureInfo.InvariantCulture), study.LocalityId,
            $"Predictable level: {old:P1} → {study.PredictableLevel:P1}");
        await db.SaveChangesAsync(ct);
    }

    // ---------------------------------------------------------------- capture and correction

    /// <summary>Records one demand. Throws <see cref="DemandInputException"/> (nothing saved) when a rule is broken.</summary>
    public async Task<Demand> CaptureAsync(DemandStudy study, DemandInput input, CancellationToken ct = default)
    {
        var demand = new Demand { Verbatim = "", CapturedBy = By, CapturedAt = Now, LocalityId = study.LocalityId, StudyId = study.Id };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ApplyAsync(study, demand, input, ct);
        db.Demands.Add(demand);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return demand;
    }

    /// <summary>
    /// Corrects a demand captured earlier. <paramref name="expectedVersion"/> is the version the person opened:
    /// if someone corrected it since, <see cref="DemandConflictException"/> is thrown and nothing is overwritten.
    /// The correction is kept field by field (and in the audit trail).
    /// </summary>
    public async Task<Demand> CorrectAsync(DemandStudy study, Guid demandId, int expectedVersion, DemandInput input, string? reason, CancellationToken ct = default)
    {
        var demand = await db.Demands.SingleOrDefaultAsync(d => d.LocalityId == study.LocalityId && d.StudyId == study.Id && d.Id == demandId, ct)
            ?? throw new DemandInputException("Id", DataText.NoSuchDemand) { NotFound = true };
        if (demand.Version != expectedVersion)
        {
            throw new DemandConflictException(DataText.DemandCorrectedMeanwhile);
        }
        var before = DemandInput.From(demand);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ApplyAsync(study, demand, input, ct);
        var after = DemandInput.From(demand);
        var changes = Describe(before, after);
        if (changes.Length == 0)
        {
            return demand;
        }
        db.Entry(demand).Property(d => d.Version).OriginalValue = expectedVersion;
        demand.Version = expectedVersion + 1;
        db.DemandCorrections.Add(new DemandCorrection { LocalityId = demand.LocalityId, DemandId = demand.Id, At = Now, By = By, Reason = (reason ?? "").Trim(), Changes = changes });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DemandConflictException(DataText.DemandCorrectedMeanwhile);
        }
        await tx.CommitAsync(ct);
        return demand;
    }

    public Task<List<DemandCorrection>> CorrectionsAsync(Demand demand, CancellationToken ct = default)
        => db.DemandCorrections.Where(c => c.LocalityId == demand.LocalityId && c.DemandId == demand.Id).OrderBy(c => c.At).ToListAsync(ct);

    private static string Describe(DemandInput a, DemandInput b)
    {
        var sb = new StringBuilder();
        void Field(string name, object? x, object? y)
        {
            if (!Equals(x, y))
            {
                sb.Append(name).Append(": ").Append(x?.ToString() ?? "(empty)").Append(" → ").Append(y?.ToString() ?? "(empty)").Append('\n');
            }
        }
        Field("Front door", a.FrontDoorId, b.FrontDoorId);
        Field("Channel", a.Channel, b.Channel);
        Field("Received", a.ReceivedAt?.ToString("u", CultureInfo.InvariantCulture), b.ReceivedAt?.ToString("u", CultureInfo.InvariantCulture));
        Field("Verbatim", a.Verbatim, b.Verbatim);
        Field("Language", a.Language, b.Language);
        Field("What they wanted", a.WhatTheyWanted, b.WhatTheyWanted);
        Field("Value or failure", a.Nature, b.Nature);
        Field("Failure kind", a.FailureKind, b.FailureKind);
        Field("Failure (other)", a.FailureOther, b.FailureOther);
        Field("Type", a.TypeId, b.TypeId);
        Field("What happened", a.Outcome, b.Outcome);
        Field("Referred to", a.ReferredTo, b.ReferredTo);
        Field("Life context", a.LifeContext, b.LifeContext);
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>Checks every rule, then writes the input onto the demand (creating a new type if one was named).</summary>
    private async Task ApplyAsync(DemandStudy study, Demand demand, DemandInput input, CancellationToken ct, bool checkOnly = false)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Verbatim))
        {
            errors[nameof(input.Verbatim)] = DataText.VerbatimRequired;
        }
        else if (input.Verbatim.Length > MaxTextLength)
        {
            errors[nameof(input.Verbatim)] = DataText.VerbatimTooLong(MaxTextLength, input.Verbatim.Length);
        }
        if (!SpokenLanguages.TryTag(input.Language, out var language))
        {
            errors[nameof(input.Language)] = SpokenLanguages.Unknown(input.Language);
        }
        var doors = study.FrontDoors.Count > 0
            ? study.FrontDoors.Select(f => f.FrontDoorId).ToList()
            : await db.DemandStudyFrontDoors.Where(f => f.StudyId == study.Id).Select(f => f.FrontDoorId).ToListAsync(ct);
        if (input.FrontDoorId is not int doorId || !doors.Contains(doorId))
        {
            errors[nameof(input.FrontDoorId)] = DataText.FrontDoorRequired;
        }
        if (input.ReceivedAt is DateTime at && at.ToUniversalTime() > Now.AddMinutes(5))
        {
            errors[nameof(input.ReceivedAt)] = DataText.ReceivedInFuture;
        }
        if (input.Nature is null)
        {
            errors[nameof(input.Nature)] = DataText.NatureRequired;
        }
        if (input.Nature == DemandNature.Failure && input.FailureKind is null)
        {
            errors[nameof(input.FailureKind)] = DataText.FailureKindRequired;
        }
        if (input.Nature == DemandNature.Failure && input.FailureKind == FailureKind.Other && string.IsNullOrWhiteSpace(input.FailureOther))
        {
            errors[nameof(input.FailureOther)] = DataText.FailureOtherRequired;
        }
        if (input.Outcome is null)
        {
            errors[nameof(input.Outcome)] = DataText.OutcomeRequired;
        }
        if (input.Outcome == TransactionOutcome.ReferredOn && string.IsNullOrWhiteSpace(input.ReferredTo))
        {
            errors[nameof(input.ReferredTo)] = DataText.ReferredToRequired;
        }
        // Words typed in a box that the other answers make unused are not thrown away silently: the form asks.
        if (!string.IsNullOrWhiteSpace(input.FailureOther) && !(input.Nature == DemandNature.Failure && input.FailureKind == FailureKind.Other))
        {
            errors[nameof(input.FailureOther)] = DataText.FailureOtherNotOther;
        }
        if (!string.IsNullOrWhiteSpace(input.ReferredTo) && input.Outcome is not null && input.Outcome != TransactionOutcome.ReferredOn)
        {
            errors[nameof(input.ReferredTo)] = DataText.ReferredToNotReferred;
        }
        if (input.LifeContext is { Length: > MaxTextLength })
        {
            errors[nameof(input.LifeContext)] = DataText.LifeContextTooLong(MaxTextLength);
        }
        DemandType? type = null;
        // A name typed in "Or a new type" wins over the type chosen in the list: the list may hold a suggestion
        // the form chose, or the type a demand had before correction, and the person typed the name on purpose.
        var typedName = string.IsNullOrWhiteSpace(input.NewTypeName) ? null : input.NewTypeName.Trim();
        if (typedName is { Length: > 200 })
        {
            errors[nameof(input.NewTypeName)] = DataText.TypeNameTooLong;
        }
        else if (typedName is null && input.TypeId is int typeId)
        {
            type = await db.DemandTypes.SingleOrDefaultAsync(t => t.Id == typeId && t.StudyId == study.Id, ct);
            if (type is null)
            {
                errors[nameof(input.TypeId)] = DataText.TypeFromList;
            }
            else
            {
                // A type merged since the form was opened: its demands live in the type it went into.
                while (type.MergedIntoId is int into)
                {
                    type = await db.DemandTypes.SingleAsync(t => t.Id == into, ct);
                }
            }
        }
        if (errors.Count > 0)
        {
            throw new DemandInputException(errors);
        }
        if (checkOnly)
        {
            return;
        }
        if (typedName is not null)
        {
            type = await CurrentTypes(study.Id).FirstOrDefaultAsync(t => t.Name.ToLower() == typedName.ToLower(), ct)
                ?? await AddTypeAsync(study.Id, typedName, input.Nature!.Value, "", readyMadeType: false, ct);
        }
        demand.FrontDoorId = input.FrontDoorId!.Value;
        demand.Channel = input.Channel ?? await db.FrontDoors.Where(f => f.Id == demand.FrontDoorId).Select(f => f.Channel).SingleAsync(ct);
        demand.ReceivedAt = input.ReceivedAt?.ToUniversalTime() ?? demand.CapturedAt;
        // The person's words are kept exactly as written: no trimming, no normalising.
        demand.Verbatim = input.Verbatim!;
        demand.Language = language;
        demand.WhatTheyWanted = (input.WhatTheyWanted ?? "").Trim();
        demand.Nature = input.Nature!.Value;
        demand.FailureKind = demand.Nature == DemandNature.Failure ? input.FailureKind : null;
        demand.FailureOther = demand.FailureKind == FailureKind.Other ? input.FailureOther!.Trim() : null;
        demand.TypeId = type?.Id;
        demand.Outcome = input.Outcome!.Value;
        demand.ReferredTo = demand.Outcome == TransactionOutcome.ReferredOn ? input.ReferredTo!.Trim() : null;
        demand.LifeContext = study.Kind == StudyKind.PeopleCentred && !string.IsNullOrWhiteSpace(input.LifeContext) ? input.LifeContext : null;
    }

    /// <summary>Checks a demand against every rule without saving anything (for an import's preview).</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckAsync(DemandStudy study, DemandInput input, CancellationToken ct = default)
    {
        try
        {
            await ApplyAsync(study, new Demand { Verbatim = "", CapturedBy = By, CapturedAt = Now }, input, ct, checkOnly: true);
            return new Dictionary<string, string>();
        }
        catch (DemandInputException ex)
        {
            return ex.Errors;
        }
    }

    /// <summary>
    /// Imports demands in one transaction: every row is checked first and, if any breaks a rule, nothing is
    /// saved (<see cref="DemandInputException"/>). New type names are created as ready-made types (they were
    /// not heard by the study). One audit entry records the import.
    /// </summary>
    public async Task<int> ImportAsync(DemandStudy study, IReadOnlyList<DemandInput> rows, string source, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(rows);
        using var timing = Telemetry.Start("localflow.import", Telemetry.ImportDuration, "demand", study.LocalityId);
        var problems = new Dictionary<string, string>();
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var (field, message) in await CheckAsync(study, rows[i], ct))
            {
                problems[$"Demand {i + 1}: {field}"] = message;
            }
        }
        if (problems.Count > 0)
        {
            timing.Tag(Telemetry.OutcomeTag, "refused");
            throw new DemandInputException(problems);
        }
        var previous = db.AuditChangesIndividually;
        db.AuditChangesIndividually = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var existing = await CurrentTypes(study.Id).ToListAsync(ct);
            var byName = existing.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
            foreach (var name in rows.Where(r => !string.IsNullOrWhiteSpace(r.NewTypeName)).Select(r => r.NewTypeName!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!byName.ContainsKey(name))
                {
                    var nature = rows.First(r => string.Equals(r.NewTypeName?.Trim(), name, StringComparison.OrdinalIgnoreCase)).Nature ?? DemandNature.Value;
                    byName[name] = await AddTypeAsync(study.Id, name, nature, "Imported", readyMadeType: true, ct);
                }
            }
            var now = Now;
            foreach (var row in rows)
            {
                if (!string.IsNullOrWhiteSpace(row.NewTypeName))
                {
                    row.TypeId = byName[row.NewTypeName.Trim()].Id;
                    row.NewTypeName = null;
                }
                var demand = new Demand { Verbatim = "", CapturedBy = By, CapturedAt = now, LocalityId = study.LocalityId, StudyId = study.Id };
                await ApplyAsync(study, demand, row, ct);
                db.Demands.Add(demand);
            }
            AuditTrail.Add(db, AuditEventType.DemandImported, AuditOperation.Create, nameof(Demand), null, study.LocalityId, $"{Plural.Of(rows.Count, "demand")} imported into study {study.Id} from {source}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.AuditChangesIndividually = previous;
        }
        Telemetry.ImportRecords.Record(rows.Count, timing.Tag(Telemetry.OutcomeTag, "stored").Tags);
        return rows.Count;
    }

    // ---------------------------------------------------------------- types

    /// <summary>Types still in use (not merged away), by name.</summary>
    public IQueryable<DemandType> CurrentTypes(int studyId) => db.DemandTypes.Where(t => t.StudyId == studyId && t.MergedIntoId == null).OrderBy(t => t.Name);

    public async Task<DemandType> CreateTypeAsync(DemandStudy study, string? name, DemandNature? nature, string? description, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["Name"] = DataText.TypeNameRequired;
        }
        else if (name.Trim().Length > 200)
        {
            errors["Name"] = DataText.TypeNameTooLong;
        }
        else if (await NameTakenAsync(study.Id, name, null, ct))
        {
            errors["Name"] = DataText.TypeNameTaken(name.Trim());
        }
        if (nature is null)
        {
            errors["Nature"] = DataText.TypeNatureRequired;
        }
        if (errors.Count > 0)
        {
            throw new DemandInputException(errors);
        }
        var type = await AddTypeAsync(study.Id, name!.Trim(), nature!.Value, (description ?? "").Trim(), readyMadeType: false, ct);
        await db.SaveChangesAsync(ct);
        return type;
    }

    private async Task<bool> NameTakenAsync(int studyId, string name, int? except, CancellationToken ct)
    {
        var lower = name.Trim().ToLower(CultureInfo.InvariantCulture);
        return await CurrentTypes(studyId).AnyAsync(t => t.Name.ToLower() == lower && t.Id != except, ct);
    }

    private async Task<DemandType> AddTypeAsync(int studyId, string name, DemandNature nature, string description, bool readyMadeType, CancellationToken ct)
    {
        var type = new DemandType { StudyId = studyId, Name = name, Nature = nature, Description = description, ReadyMade = readyMadeType, CreatedAt = Now };
        db.DemandTypes.Add(type);
        await db.SaveChangesAsync(ct);
        History(type.Id, DemandTypeChangeKind.Created, readyMadeType ? $"Created from a ready-made list as \"{name}\"" : $"Created as \"{name}\"");
        return type;
    }

    private void History(int typeId, DemandTypeChangeKind kind, string detail, int moved = 0)
        => db.DemandTypeChanges.Add(new DemandTypeChange { TypeId = typeId, Kind = kind, At = Now, By = By, Detail = detail, DemandsMoved = moved });

    public async Task<DemandType> FindTypeAsync(DemandStudy study, int typeId, CancellationToken ct = default)
        => await db.DemandTypes.SingleOrDefaultAsync(t => t.Id == typeId && t.StudyId == study.Id, ct)
           ?? throw new DemandInputException("TypeId", DataText.NoSuchType) { NotFound = true };

    /// <summary>Renames a type and/or changes its description or usual nature; the old name is kept in its history.</summary>
    public async Task<DemandType> RenameTypeAsync(DemandStudy study, int typeId, string? name, string? description, DemandNature? nature = null, CancellationToken ct = default)
    {
        var type = await FindTypeAsync(study, typeId, ct);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DemandInputException("Name", DataText.TypeNewNameRequired);
        }
        if (name.Trim().Length > 200)
        {
            throw new DemandInputException("Name", DataText.TypeNameTooLong);
        }
        if (await NameTakenAsync(study.Id, name, typeId, ct))
        {
            throw new DemandInputException("Name", DataText.TypeNameTakenMerge(name.Trim()));
        }
        if (type.MergedIntoId is not null)
        {
            throw new DemandInputException("TypeId", DataText.RenameMerged);
        }
        var newName = name.Trim();
        if (newName != type.Name)
        {
            History(type.Id, DemandTypeChangeKind.Renamed, $"Renamed from \"{type.Name}\" to \"{newName}\"");
            type.Name = newName;
        }
        var newDescription = (description ?? "").Trim();
        if (newDescription != type.Description)
        {
            History(type.Id, DemandTypeChangeKind.Described, "Description changed");
            type.Description = newDescription;
        }
        if (nature is DemandNature n && n != type.Nature)
        {
            History(type.Id, DemandTypeChangeKind.Described, $"Usually {n} demand (was {type.Nature})");
            type.Nature = n;
        }
        await db.SaveChangesAsync(ct);
        return type;
    }

    /// <summary>Merges one type into another: every demand moves, the merged type keeps its history and points at the other.</summary>
    /// <returns>How many demands moved.</returns>
    public async Task<int> MergeTypesAsync(DemandStudy study, int fromTypeId, int? intoTypeId, CancellationToken ct = default)
    {
        if (intoTypeId is null)
        {
            throw new DemandInputException("IntoTypeId", DataText.MergeIntoRequired);
        }
        if (fromTypeId == intoTypeId)
        {
            throw new DemandInputException("IntoTypeId", DataText.MergeIntoItself);
        }
        var from = await FindTypeAsync(study, fromTypeId, ct);
        var into = await db.DemandTypes.SingleOrDefaultAsync(t => t.Id == intoTypeId && t.StudyId == study.Id, ct)
            ?? throw new DemandInputException("IntoTypeId", DataText.MergeIntoFromStudy);
        if (from.MergedIntoId is not null)
        {
            throw new DemandInputException("TypeId", DataText.AlreadyMerged);
        }
        if (into.MergedIntoId is not null)
        {
            throw new DemandInputException("IntoTypeId", DataText.MergeIntoMerged);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Demands.Where(d => d.StudyId == study.Id && d.TypeId == from.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.TypeId, into.Id).SetProperty(d => d.Version, d => d.Version + 1), ct);
        from.MergedIntoId = into.Id;
        History(from.Id, DemandTypeChangeKind.MergedInto, $"Merged into \"{into.Name}\"", moved);
        History(into.Id, DemandTypeChangeKind.MergedFrom, $"\"{from.Name}\" merged in", moved);
        // The demands moved in bulk: one audit entry says what happened to them.
        AuditTrail.Add(db, AuditEventType.DemandChanged, AuditOperation.Update, nameof(DemandType), from.Id.ToString(CultureInfo.InvariantCulture), study.LocalityId,
            $"{Plural.Of(moved, "demand")} moved from type \"{from.Name}\" to \"{into.Name}\" (merge)");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return moved;
    }

    /// <summary>Splits a type: the chosen demands move to a new type; the rest stay.</summary>
    public async Task<DemandType> SplitTypeAsync(DemandStudy study, int typeId, string? newName, DemandNature? nature, IReadOnlyCollection<Guid> demandIds, CancellationToken ct = default)
    {
        var type = await FindTypeAsync(study, typeId, ct);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(newName))
        {
            errors["NewName"] = DataText.SplitNameRequired;
        }
        else if (await NameTakenAsync(study.Id, newName, null, ct))
        {
            errors["NewName"] = DataText.TypeNameTaken(newName.Trim());
        }
        if (demandIds.Count == 0)
        {
            errors["DemandIds"] = DataText.SplitDemandsRequired;
        }
        if (type.MergedIntoId is not null)
        {
            errors["TypeId"] = DataText.SplitMerged;
        }
        var ids = demandIds.ToList();
        var found = await db.Demands.CountAsync(d => d.LocalityId == study.LocalityId && d.StudyId == study.Id && d.TypeId == type.Id && ids.Contains(d.Id), ct);
        if (demandIds.Count > 0 && found != ids.Distinct().Count())
        {
            errors["DemandIds"] = DataText.SplitDemandsMoved;
        }
        if (errors.Count > 0)
        {
            throw new DemandInputException(errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await AddTypeAsync(study.Id, newName!.Trim(), nature ?? type.Nature, "", readyMadeType: false, ct);
        var moved = await db.Demands.Where(d => d.LocalityId == study.LocalityId && d.StudyId == study.Id && d.TypeId == type.Id && ids.Contains(d.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.TypeId, created.Id).SetProperty(d => d.Version, d => d.Version + 1), ct);
        History(type.Id, DemandTypeChangeKind.SplitInto, $"{Plural.Of(moved, "demand")} split off into \"{created.Name}\"", moved);
        History(created.Id, DemandTypeChangeKind.SplitFrom, $"Split from \"{type.Name}\"", moved);
        AuditTrail.Add(db, AuditEventType.DemandChanged, AuditOperation.Update, nameof(DemandType), type.Id.ToString(CultureInfo.InvariantCulture), study.LocalityId,
            $"{Plural.Of(moved, "demand")} moved from type \"{type.Name}\" to new type \"{created.Name}\" (split)");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return created;
    }

    public Task<List<DemandTypeChange>> TypeHistoryAsync(int typeId, CancellationToken ct = default)
        => db.DemandTypeChanges.Where(c => c.TypeId == typeId).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct);

    /// <summary>Types suggested for a verbatim by its words' similarity to earlier demands of this study (computed here, no outside service).</summary>
    public async Task<IReadOnlyList<SuggestedType>> SuggestTypesAsync(DemandStudy study, string? verbatim, int take = 3, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(verbatim))
        {
            return [];
        }
        var earlier = await db.Demands.Where(d => d.StudyId == study.Id && d.LocalityId == study.LocalityId && d.TypeId != null)
            .OrderByDescending(d => d.ReceivedAt).Take(SuggestionWindow)
            .Select(d => new { d.Verbatim, d.TypeId }).ToListAsync(ct);
        var suggester = TypeSuggester.Build(earlier.Select(e => (e.Verbatim, e.TypeId!.Value.ToString(CultureInfo.InvariantCulture))));
        var suggestions = suggester.Suggest(verbatim, take);
        if (suggestions.Count == 0)
        {
            return [];
        }
        var ids = suggestions.Select(s => int.Parse(s.TypeKey, CultureInfo.InvariantCulture)).ToList();
        var types = await db.DemandTypes.Where(t => ids.Contains(t.Id) && t.MergedIntoId == null).ToDictionaryAsync(t => t.Id, ct);
        return suggestions
            .Select(s => (Id: int.Parse(s.TypeKey, CultureInfo.InvariantCulture), s.Score))
            .Where(s => types.ContainsKey(s.Id))
            .Select(s => new SuggestedType(s.Id, types[s.Id].Name, types[s.Id].Nature, s.Score))
            .ToList();
    }

    // ---------------------------------------------------------------- analysis

    /// <summary>Every figure of the analysis, from the demands captured so far.</summary>
    public async Task<DemandAnalysis> AnalyseAsync(DemandStudy study, CancellationToken ct = default)
    {
        var facts = await DemandFacts.ReadAsync(db, study.LocalityId, study.Id, ct);
        var types = await db.DemandTypes.AsNoTracking().Where(t => t.StudyId == study.Id).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var doorIds = await db.DemandStudyFrontDoors.Where(f => f.StudyId == study.Id).Select(f => f.FrontDoorId).ToListAsync(ct);
        var usedDoors = facts.Select(f => f.FrontDoorId).Distinct().ToList();
        var doors = await db.FrontDoors.AsNoTracking().Where(f => doorIds.Contains(f.Id) || usedDoors.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return DemandAnalysis.Compute(facts, types, doors, study.PredictableLevel);
    }
}
