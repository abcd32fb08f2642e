using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Flow;

/// <summary>The file formats an import reads, told apart by the file's name.</summary>
public enum FlowFileFormat
{
    /// <summary>An agency's CSV extract, read through a column mapping.</summary>
    Csv = 1,
    /// <summary>XES (IEEE 1849), plain or gzipped.</summary>
    Xes = 2,
    /// <summary>OCEL 2.0 JSON.</summary>
    Ocel = 3,
}

/// <summary>One file to import into a locality.</summary>
public sealed record FlowImportRequest
{
    public required int LocalityId { get; init; }
    /// <summary>The file on disk.</summary>
    public required string Path { get; init; }
    /// <summary>The file's name as the person importing knows it (defaults to the name of <see cref="Path"/>).</summary>
    public string? FileName { get; init; }
    /// <summary>How the columns of a CSV file map to fields; required for CSV.</summary>
    public CsvMapping? Mapping { get; init; }
    /// <summary>The agency (name or short name) whose extract it is: it makes rows that name no agency, and is the import's agency.</summary>
    public string? Agency { get; init; }
    /// <summary>The source system for every row (overrides the file's); else the file's, else the agency's name.</summary>
    public string? SourceSystem { get; init; }
    /// <summary>Store the valid rows of a file with errors (default: a file with any error stores nothing).</summary>
    public bool AllowPartial { get; init; }
    /// <summary>The id the stored import will have (known before it is stored, so that a page can follow it).</summary>
    public Guid ImportId { get; init; } = Guid.CreateVersion7();

    /// <summary>The name shown for the file.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(FileName) ? System.IO.Path.GetFileName(Path) : FileName;
}

/// <summary>A problem with one row (CSV line) or event (XES, OCEL) that keeps it out of the import.</summary>
/// <param name="Row">The CSV line the row starts on (line 1 is the header); for XES and OCEL, the line or event number the reader gives, else the record's number in the file.</param>
/// <param name="Where">The row named for people: "line 12", "record 5 (id E17)".</param>
/// <param name="Column">The column or field concerned, when there is one.</param>
/// <param name="Message">What is wrong, in plain English.</param>
public sealed record FlowImportProblem(long Row, string Where, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"{Where}: {Message}" : $"{Where}, {Column}: {Message}";
}

/// <summary>One mapped row as the preview shows it (names as LocalFlow will store them; the person by the key the file gave).</summary>
public sealed record FlowImportPreviewRow(string Where, string PersonKey, string Agency, string? Team, string? Worker, ActivityKind Kind, string? Subtype,
    DateTime StartUtc, DateTime? EndUtc, string SourceRecordId, decimal? Cost, bool CostFromCatalogue);

/// <summary>What importing a file would do (or did): the first rows mapped, every error with its row, warnings and counts.</summary>
public sealed class FlowImportPreview
{
    /// <summary>How many mapped rows the preview shows.</summary>
    public const int PreviewRows = 20;

    /// <summary>The most errors listed; more are counted in <see cref="ErrorCount"/>.</summary>
    public const int MaxListedErrors = 1000;

    private readonly List<FlowImportProblem> _errors = [];
    private readonly HashSet<long> _badRows = [];
    internal List<ActivityRecord> Records { get; } = [];

    public required string FileName { get; init; }
    public FlowFileFormat Format { get; init; }
    /// <summary>The source system the records are stored under.</summary>
    public string SourceSystem { get; internal set; } = "";
    /// <summary>The import's agency, when one was chosen.</summary>
    public int? AgencyId { get; internal set; }
    public string? AgencyName { get; internal set; }
    /// <summary>Rows (CSV) or events (XES, OCEL) read.</summary>
    public long Rows { get; internal set; }
    /// <summary>Records ready to store.</summary>
    public int Valid => Records.Count;
    /// <summary>Rows kept out by an error.</summary>
    public long Invalid => _badRows.Count;
    /// <summary>People the valid records are about.</summary>
    public int People { get; internal set; }
    /// <summary>Valid records priced from the unit-cost catalogue.</summary>
    public int CostedFromCatalogue { get; internal set; }
    /// <summary>
    /// Valid records that exactly repeat another record of the file under a new record id (the same person, start,
    /// agency, kind, subtype and worker; see docs/flow-study.md): stored and kept for audit, counted once by the engine.
    /// </summary>
    public int ExactDuplicates { get; internal set; }
    /// <summary>True when the file cannot be read at all (not the format, a mapped column missing...): nothing in it can be stored.</summary>
    public bool FileRejected { get; internal set; }
    /// <summary>The errors, in file order (the first <see cref="MaxListedErrors"/>).</summary>
    public IReadOnlyList<FlowImportProblem> Errors => _errors;
    public long ErrorCount { get; private set; }
    /// <summary>Things left empty or read differently, with how many rows each touched.</summary>
    public List<string> Warnings { get; } = [];
    /// <summary>The first <see cref="PreviewRows"/> valid rows, mapped.</summary>
    public List<FlowImportPreviewRow> FirstRows { get; } = [];

    /// <summary>True when the file may be stored: it has valid rows, and no errors unless partial imports are allowed.</summary>
    public bool CanStore(bool allowPartial) => !FileRejected && Valid > 0 && (ErrorCount == 0 || allowPartial);

    // The reader's errors come first, then the locality's; people read them in file order.
    internal void SortErrors()
    {
        var sorted = _errors.OrderBy(e => e.Row).ToList();
        _errors.Clear();
        _errors.AddRange(sorted);
    }

    internal void AddError(long row, string where, string? column, string message)
    {
        ErrorCount++;
        _badRows.Add(row);
        if (_errors.Count < MaxListedErrors)
        {
            _errors.Add(new FlowImportProblem(row, where, column, message));
        }
    }
}

/// <summary>The outcome of <see cref="FlowImporter.ImportAsync"/>: the stored import, or null when the file was refused (the preview says why).</summary>
public sealed record FlowImportOutcome(FlowImport? Import, FlowImportPreview Preview);

/// <summary>
/// Turns an agency's file (CSV through a mapping, XES, OCEL 2.0) into activity records of a locality, checked
/// against what the locality knows: agencies by name (an unknown agency is a row error); teams, workers and
/// referral targets by name within their agency (unknown ones are left empty and listed as warnings); the person
/// by LocalFlow id, or by its id in a source system through linked source identities: first in the row's source
/// system, then in any source system of the row's agency, as a data officer knows a person by agency and id (an id
/// found nowhere, or linked to no one, is a row error naming the agency, the systems looked in and the id); the
/// household from the person; a cost
/// from the unit-cost catalogue when the record gives none. Source record ids repeated in the file, or already
/// stored for that source system, are row errors. <see cref="PreviewAsync"/> writes nothing;
/// <see cref="ImportAsync"/> stores the records through <see cref="FlowStore.ImportAsync"/> as one undoable unit.
/// </summary>
public static class FlowImporter
{
    private const int Chunk = 500;

    /// <summary>The format a file's name says: .xes and .xes.gz are XES; .json, .jsonocel and .json.gz are OCEL; anything else is CSV.</summary>
    public static FlowFileFormat FormatOf(string fileName)
    {
        var n = fileName.ToLowerInvariant();
        if (n.EndsWith(".xes", StringComparison.Ordinal) || n.EndsWith(".xes.gz", StringComparison.Ordinal))
        {
            return FlowFileFormat.Xes;
        }
        if (n.EndsWith(".json", StringComparison.Ordinal) || n.EndsWith(".jsonocel", StringComparison.Ordinal) || n.EndsWith(".json.gz", StringComparison.Ordinal))
        {
            return FlowFileFormat.Ocel;
        }
        return FlowFileFormat.Csv;
    }

    /// <summary>What importing the file would store, without writing anything but one audit entry (the preview reads linked identities).</summary>
    public static async Task<FlowImportPreview> PreviewAsync(LocalFlowDb db, FlowImportRequest request, CancellationToken ct = default)
    {
        var preview = await PrepareAsync(db, request, ct);
        AuditTrail.Add(db, AuditEventType.FlowImported, AuditOperation.Read, nameof(FlowImport), null, request.LocalityId,
            $"Previewed the import of {preview.FileName}: {preview.Rows:N0} rows, {preview.Valid:N0} valid, {preview.Invalid:N0} with errors");
        await db.SaveChangesAsync(ct);
        return preview;
    }

    /// <summary>
    /// Checks the file and stores its records as one import (one transaction, one audit entry). A file with any
    /// error stores nothing unless <see cref="FlowImportRequest.AllowPartial"/>, when the valid rows are stored and
    /// the others counted as skipped. <paramref name="progress"/> receives the fraction of records stored.
    /// <paramref name="prepared"/> is the file as its preview (<see cref="PreviewAsync"/> with the same request but for
    /// its id and <see cref="FlowImportRequest.AllowPartial"/>) read and checked it: its records are stored without
    /// reading the file again (each preview's records can be stored once). What changed since the preview and breaks
    /// a constraint (a person deleted, the same source record stored meanwhile) refuses the whole import.
    /// </summary>
    public static async Task<FlowImportOutcome> ImportAsync(LocalFlowDb db, FlowImportRequest request, IProgress<double>? progress = null, CancellationToken ct = default,
        FlowImportPreview? prepared = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        // the import's throughput (docs/operations.md): the file's size now, its records and agency once read
        using var timing = Telemetry.Start("localflow.import", Telemetry.ImportDuration, "flow", request.LocalityId);
        var bytes = File.Exists(request.Path) ? new FileInfo(request.Path).Length : 0;
        var preview = prepared ?? await PrepareAsync(db, request, ct);
        timing.Tag(Telemetry.AgencyTag, preview.AgencyName ?? "several");
        if (!preview.CanStore(request.AllowPartial))
        {
            AuditTrail.Add(db, AuditEventType.FlowImported, AuditOperation.Read, nameof(FlowImport), null, request.LocalityId,
                $"Refused the import of {preview.FileName}: {preview.Valid:N0} valid rows, {preview.Invalid:N0} with errors");
            await db.SaveChangesAsync(ct);
            Measured(timing.Tag(Telemetry.OutcomeTag, "refused"), 0, bytes);
            return new FlowImportOutcome(null, preview);
        }
        var import = new FlowImport
        {
            Id = request.ImportId,
            LocalityId = request.LocalityId,
            FileName = Truncate(preview.FileName, 400),
            SourceSystem = preview.SourceSystem,
            AgencyId = preview.AgencyId,
            ImportedBy = "",
            SkippedCount = checked((int)preview.Invalid),
        };
        var stored = await FlowStore.ImportAsync(db, import, Reporting(preview.Records, progress), ct);
        progress?.Report(1);
        Measured(timing.Tag(Telemetry.OutcomeTag, "stored"), preview.Records.Count, bytes);
        return new FlowImportOutcome(stored, preview);
    }

    private static void Measured(Telemetry.Timing timing, long records, long bytes)
    {
        Telemetry.ImportRecords.Record(records, timing.Tags);
        Telemetry.ImportBytes.Record(bytes, timing.Tags);
    }

    private static IEnumerable<ActivityRecord> Reporting(List<ActivityRecord> records, IProgress<double>? progress)
    {
        var step = Math.Max(1, records.Count / 100);
        for (var i = 0; i < records.Count; i++)
        {
            if (progress is not null && i % step == 0)
            {
                progress.Report((double)i / records.Count);
            }
            yield return records[i];
        }
    }

    /// <summary>
    /// Reads and checks the file against the locality, keeping the records in memory (nothing is written, nothing
    /// audited): what <see cref="PreviewAsync"/> shows and <see cref="ImportAsync"/> stores.
    /// </summary>
    public static async Task<FlowImportPreview> PrepareAsync(LocalFlowDb db, FlowImportRequest request, CancellationToken ct)
    {
        var format = FormatOf(request.DisplayName);
        var preview = new FlowImportPreview { FileName = request.DisplayName, Format = format };
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var agencyByName = new Dictionary<string, Agency>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in agencies.OrderBy(a => a.Id))
        {
            agencyByName.TryAdd(a.Name.Trim(), a);
            agencyByName.TryAdd(a.ShortName.Trim(), a);
        }
        Agency? chosen = null;
        // the import's agency: the one chosen, else the CSV mapping's fixed agency
        var agencyName = FirstText(request.Agency, format == FlowFileFormat.Csv ? request.Mapping?.Agency : null);
        if (agencyName is not null && !agencyByName.TryGetValue(agencyName, out chosen))
        {
            preview.FileRejected = true;
            preview.AddError(0, "the import", "agency", $"there is no agency called \"{agencyName}\" in the reference data");
            return preview;
        }
        preview.AgencyId = chosen?.Id;
        preview.AgencyName = chosen?.Name;

        // 1. Read the file in file mode, keeping every good row; this importer decides what is refused.
        var builder = new ActivityLogBuilder();
        FlowImportReport report;
        List<long>? csvLines = null;
        try
        {
            switch (format)
            {
                case FlowFileFormat.Csv:
                    var mapping = request.Mapping ?? EventLogMapping(request.Path, chosen?.Name)
                        ?? throw new FlowFormatException("A CSV file needs a column mapping, or the columns of an event log (case:concept:name, concept:name, time:timestamp...).");
                    if (chosen is not null && !mapping.Columns.ContainsKey("agency") && string.IsNullOrWhiteSpace(mapping.Agency))
                    {
                        mapping = mapping with { Agency = chosen.Name };
                    }
                    await using (var s = File.OpenRead(request.Path))
                    {
                        csvLines = new List<long>();
                        report = CsvActivityReader.Read(s, mapping, builder, preview.FileName, allowPartial: true, ct: ct, recordLines: csvLines);
                    }
                    break;
                case FlowFileFormat.Xes:
                    report = XesReader.Read(request.Path, builder, new XesReadOptions { AllowPartial = true, DefaultAgency = chosen?.Name ?? "(no agency)" }, ct: ct);
                    break;
                default:
                    report = OcelReader.Read(request.Path, builder, new OcelReadOptions { AllowPartial = true, DefaultAgency = chosen?.Name ?? "(no agency)" }, ct);
                    break;
            }
        }
        catch (Exception ex) when (ex is FlowFormatException or System.Xml.XmlException or System.Text.Json.JsonException or InvalidDataException)
        {
            preview.FileRejected = true;
            preview.AddError(0, "the file", null, ex.Message);
            return preview;
        }
        preview.Rows = report.Rows;
        string RowName(long row) => format == FlowFileFormat.Csv ? $"line {row}" : format == FlowFileFormat.Xes ? $"line {row}" : $"event {row}";
        foreach (var e in report.Errors)
        {
            preview.AddError(e.Row, RowName(e.Row), e.Column, e.Message);
        }
        if (format == FlowFileFormat.Csv && report.Rows == 0 && report.ErrorCount > 0)
        {
            preview.FileRejected = true;
            return preview;
        }
        foreach (var (value, count) in report.UnknownKinds)
        {
            preview.Warnings.Add($"Kind \"{value}\" is not a kind LocalFlow knows: {count:N0} rows read as Other");
        }
        preview.Warnings.AddRange(report.Notes);

        var log = builder.Build();
        // Records in the order they were read, to name rows and keep the first rows first.
        var order = new int[log.Count];
        for (var i = 0; i < log.Count; i++)
        {
            order[log.FileOrder[i]] = i;
        }
        // CSV: the line of each record, as the reader kept it (in the order the records were read).
        var lineOf = csvLines is not null && csvLines.Count == log.Count ? csvLines : null;

        // 2. The people: LocalFlow ids, or the source system's keys through linked identities.
        var systemOf = new string[log.Count];
        for (var n = 0; n < log.Count; n++)
        {
            var i = order[n];
            var own = log[i].SourceSystem;
            systemOf[n] = Truncate(FirstText(request.SourceSystem, format == FlowFileFormat.Ocel && own == "OCEL" ? null : own, chosen?.Name, log.Agency(i))!, 100);
        }
        preview.SourceSystem = systemOf.GroupBy(s => s, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault()
            ?? FirstText(request.SourceSystem, chosen?.Name) ?? "";
        // Each row's agency (its own, else the import's), for finding a person by the agency's id when the source system does not know it.
        var agencyOf = new int?[log.Count];
        for (var n = 0; n < log.Count; n++)
        {
            agencyOf[n] = agencyByName.TryGetValue(log.Agency(order[n]).Trim(), out var rowAgency) ? rowAgency.Id : chosen?.Id;
        }
        var agencyNames = agencies.ToDictionary(a => a.Id, a => a.Name);
        var people = await ResolvePeopleAsync(db, request.LocalityId, log, order, systemOf, agencyOf, agencyNames, ct);

        // 3. Reference data by name.
        var teams = await db.Teams.AsNoTracking().ToListAsync(ct);
        var teamByName = teams.GroupBy(t => (t.AgencyId, t.Name.Trim().ToUpperInvariant())).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Id).First().Id);
        var workers = await db.Workers.AsNoTracking().ToListAsync(ct);
        var workerByName = workers.GroupBy(w => (w.AgencyId, w.Name.Trim().ToUpperInvariant())).ToDictionary(g => g.Key, g => g.OrderBy(w => w.Id).First());
        var catalogue = new UnitCostCatalogue(await db.UnitCosts.AsNoTracking().ToListAsync(ct));
        var unknownTeams = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unknownWorkers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unknownRefAgencies = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unknownRefTeams = new SortedDictionary<string, int>(StringComparer.Ordinal);
        static void Count(SortedDictionary<string, int> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;

        // 4. Source record ids: made from the content when the file gives none; repeated or already stored are errors.
        var ids = new string[log.Count];
        var eventPeople = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < log.Count; n++)
        {
            var id = log[order[n]].SourceRecordId;
            if (!string.IsNullOrWhiteSpace(id))
            {
                eventPeople[systemOf[n] + "\u0001" + id] = eventPeople.GetValueOrDefault(systemOf[n] + "\u0001" + id) + 1;
            }
        }
        for (var n = 0; n < log.Count; n++)
        {
            var e = log[order[n]];
            var id = e.SourceRecordId?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                id = ContentId(e);
            }
            else if (format == FlowFileFormat.Ocel && eventPeople[systemOf[n] + "\u0001" + e.SourceRecordId] > 1)
            {
                // an OCEL event about several people is one record for each: the event's id with the person's
                id = $"{id}/{e.PersonId}";
            }
            ids[n] = Truncate(id, 200);
        }
        var stored = await StoredIdsAsync(db, request.LocalityId, systemOf, ids, ct);
        var firstSeen = new Dictionary<(string, string), string>();

        var peopleSeen = new HashSet<Guid>();
        for (var n = 0; n < log.Count; n++)
        {
            ct.ThrowIfCancellationRequested();
            var i = order[n];
            var e = log[i];
            var row = lineOf is not null ? lineOf[n] : n + 1;
            var where = lineOf is not null ? $"line {row}" : $"record {n + 1}" + (e.SourceRecordId is { } sid ? $" (id {sid})" : "");
            var errors = 0;
            void Error(string? column, string message)
            {
                preview.AddError(row, where, column, message);
                errors++;
            }
            if (!agencyByName.TryGetValue(e.Agency.Trim(), out var agency))
            {
                Error("agency", $"there is no agency called \"{e.Agency}\" in the reference data: add it (Admin, agencies) or correct the file");
            }
            var person = people.GetValueOrDefault(n);
            if (person.Error is not null)
            {
                Error("person", person.Error);
            }
            var key = (systemOf[n], ids[n]);
            if (stored.Contains(key))
            {
                Error("sourceRecordId", $"record \"{ids[n]}\" of {systemOf[n]} is already stored (an earlier import): undo that import first, or leave the row out");
            }
            else if (firstSeen.TryGetValue(key, out var first))
            {
                Error("sourceRecordId", $"duplicate record id \"{ids[n]}\" (first at {first})");
            }
            else
            {
                firstSeen[key] = where;
            }
            if (errors > 0 || agency is null || person.Person is null)
            {
                continue;
            }
            int? teamId = null;
            if (!string.IsNullOrWhiteSpace(e.Team))
            {
                if (teamByName.TryGetValue((agency.Id, e.Team.Trim().ToUpperInvariant()), out var t))
                {
                    teamId = t;
                }
                else
                {
                    Count(unknownTeams, $"{e.Team.Trim()} ({agency.ShortName})");
                }
            }
            int? workerId = null;
            if (!string.IsNullOrWhiteSpace(e.Worker))
            {
                if (workerByName.TryGetValue((agency.Id, e.Worker.Trim().ToUpperInvariant()), out var w))
                {
                    workerId = w.Id;
                    teamId ??= w.TeamId;
                }
                else
                {
                    Count(unknownWorkers, $"{e.Worker.Trim()} ({agency.ShortName})");
                }
            }
            int? refAgencyId = null;
            int? refTeamId = null;
            if (!string.IsNullOrWhiteSpace(e.ReferredToAgency))
            {
                if (agencyByName.TryGetValue(e.ReferredToAgency.Trim(), out var ra))
                {
                    refAgencyId = ra.Id;
                    if (!string.IsNullOrWhiteSpace(e.ReferredToTeam))
                    {
                        if (teamByName.TryGetValue((ra.Id, e.ReferredToTeam.Trim().ToUpperInvariant()), out var rt))
                        {
                            refTeamId = rt;
                        }
                        else
                        {
                            Count(unknownRefTeams, $"{e.ReferredToTeam.Trim()} ({ra.ShortName})");
                        }
                    }
                }
                else
                {
                    Count(unknownRefAgencies, e.ReferredToAgency.Trim());
                }
            }
            var cost = e.Cost;
            var fromCatalogue = false;
            int? priceYear = null;
            if (cost is null && catalogue.Entry(agency.Id, e.Kind, e.Subtype) is { } entry)
            {
                cost = entry.Amount;
                priceYear = entry.PriceYear;
                fromCatalogue = true;
            }
            var (reason, note) = Served(e.Helped, e.HelpedReason);
            var record = new ActivityRecord
            {
                LocalityId = request.LocalityId,
                PersonId = person.Person.Value,
                HouseholdId = person.Household,
                AgencyId = agency.Id,
                TeamId = teamId,
                WorkerId = workerId,
                Kind = e.Kind,
                Subtype = Truncate(e.Subtype?.Trim(), 200),
                ReferredToAgencyId = refAgencyId,
                ReferredToTeamId = refTeamId,
                StartUtc = e.Start.UtcDateTime,
                EndUtc = e.End?.UtcDateTime,
                SourceOffsetMinutes = (int)e.Start.Offset.TotalMinutes,
                SourceSystem = systemOf[n],
                SourceRecordId = ids[n],
                Text = e.Text,
                Cost = cost,
                CostFromCatalogue = fromCatalogue,
                PriceYear = priceYear,
                Helped = e.Helped,
                HelpedReason = reason,
                HelpedNote = note,
            };
            preview.Records.Add(record);
            peopleSeen.Add(record.PersonId);
            if (fromCatalogue)
            {
                preview.CostedFromCatalogue++;
            }
            if (preview.FirstRows.Count < FlowImportPreview.PreviewRows)
            {
                preview.FirstRows.Add(new FlowImportPreviewRow(where, e.PersonId, agency.Name,
                    teamId is { } ti ? teams.First(t => t.Id == ti).Name : null, workerId is { } wi ? workerByName.Values.First(w => w.Id == wi).Name : null,
                    e.Kind, record.Subtype, record.StartUtc, record.EndUtc, record.SourceRecordId, cost, fromCatalogue));
            }
        }
        preview.People = peopleSeen.Count;
        preview.ExactDuplicates = preview.Records.Count - preview.Records
            .Select(r => (r.PersonId, r.StartUtc, r.AgencyId, r.Kind, r.Subtype, r.WorkerId)).Distinct().Count();
        void Warn(SortedDictionary<string, int> d, string what)
        {
            foreach (var (name, count) in d)
            {
                preview.Warnings.Add($"{what} \"{name}\" is not in the reference data: left empty on {count:N0} rows");
            }
        }
        Warn(unknownTeams, "Team");
        Warn(unknownWorkers, "Worker");
        Warn(unknownRefAgencies, "Referred-to agency");
        Warn(unknownRefTeams, "Referred-to team");
        preview.SortErrors();
        return preview;
    }

    private readonly record struct ResolvedPerson(Guid? Person, Guid? Household, string? Error);

    private static async Task<Dictionary<int, ResolvedPerson>> ResolvePeopleAsync(LocalFlowDb db, int localityId, ActivityLog log, int[] order, string[] systemOf,
        int?[] agencyOf, Dictionary<int, string> agencyNames, CancellationToken ct)
    {
        var guids = new HashSet<Guid>();
        var keys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var n = 0; n < order.Length; n++)
        {
            var key = log.PersonId(log.Persons[order[n]]).Trim();
            if (Guid.TryParse(key, out var g))
            {
                guids.Add(g);
            }
            else
            {
                if (!keys.TryGetValue(systemOf[n], out var set))
                {
                    keys[systemOf[n]] = set = new HashSet<string>(StringComparer.Ordinal);
                }
                set.Add(key);
            }
        }
        var people = new Dictionary<Guid, Guid?>();
        foreach (var chunk in guids.Chunk(Chunk))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => p.LocalityId == localityId && chunk.Contains(p.Id)).Select(p => new { p.Id, p.HouseholdId }).ToListAsync(ct))
            {
                people[p.Id] = p.HouseholdId;
            }
        }
        var identities = new Dictionary<(string, string), Guid?>();
        foreach (var (system, set) in keys)
        {
            foreach (var chunk in set.Chunk(Chunk))
            {
                foreach (var s in await db.SourceIdentities.AsNoTracking().Where(s => s.LocalityId == localityId && s.Source == system && chunk.Contains(s.SourceRecordId))
                    .Select(s => new { s.SourceRecordId, s.PersonId }).ToListAsync(ct))
                {
                    identities[(system, s.SourceRecordId)] = s.PersonId;
                }
            }
        }
        // Ids the row's source system does not know are looked for among all the identities of the row's agency,
        // whatever system they came from (a file's "Northshire Police" is the agency's "Police (Niche)").
        var byAgency = new Dictionary<(int Agency, string Key), List<(string System, Guid? Person)>>();
        var missing = Enumerable.Range(0, order.Length)
            .Select(n => (n, Key: log.PersonId(log.Persons[order[n]]).Trim()))
            .Where(r => agencyOf[r.n] is not null && !Guid.TryParse(r.Key, out _) && !identities.ContainsKey((systemOf[r.n], r.Key)))
            .GroupBy(r => agencyOf[r.n]!.Value);
        foreach (var group in missing)
        {
            var agency = group.Key;
            foreach (var chunk in group.Select(r => r.Key).Distinct(StringComparer.Ordinal).Chunk(Chunk))
            {
                foreach (var s in await db.SourceIdentities.AsNoTracking().Where(s => s.LocalityId == localityId && s.AgencyId == agency && chunk.Contains(s.SourceRecordId))
                    .Select(s => new { s.Source, s.SourceRecordId, s.PersonId }).ToListAsync(ct))
                {
                    if (!byAgency.TryGetValue((agency, s.SourceRecordId), out var found))
                    {
                        byAgency[(agency, s.SourceRecordId)] = found = [];
                    }
                    found.Add((s.Source, s.PersonId));
                }
            }
        }
        var systemsOfAgency = new Dictionary<int, List<string>>();
        foreach (var agency in agencyOf.OfType<int>().Distinct())
        {
            systemsOfAgency[agency] = await AgencySourceSystems.NamesAsync(db, localityId, agency, ct);
        }
        var linked = identities.Values.Concat(byAgency.Values.SelectMany(f => f.Select(x => x.Person))).OfType<Guid>().Distinct().Where(g => !people.ContainsKey(g)).ToList();
        foreach (var chunk in linked.Chunk(Chunk))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => p.LocalityId == localityId && chunk.Contains(p.Id)).Select(p => new { p.Id, p.HouseholdId }).ToListAsync(ct))
            {
                people[p.Id] = p.HouseholdId;
            }
        }
        var result = new Dictionary<int, ResolvedPerson>(order.Length);
        for (var n = 0; n < order.Length; n++)
        {
            var key = log.PersonId(log.Persons[order[n]]).Trim();
            if (Guid.TryParse(key, out var g))
            {
                result[n] = people.TryGetValue(g, out var h)
                    ? new ResolvedPerson(g, h, null)
                    : new ResolvedPerson(null, null, $"{key} is not a LocalFlow person in this locality");
                continue;
            }
            var agencyName = agencyOf[n] is int a ? agencyNames.GetValueOrDefault(a, "the agency") : null;
            var system = systemOf[n];
            if (identities.TryGetValue((system, key), out var linkedTo))
            {
                result[n] = Linked(linkedTo, system, key, agencyName);
                continue;
            }
            var found = agencyOf[n] is int agencyId && byAgency.TryGetValue((agencyId, key), out var f) ? f : [];
            var persons = found.Select(x => x.Person).Distinct().ToList();
            if (found.Count == 0)
            {
                var others = agencyOf[n] is int ag ? systemsOfAgency[ag].Where(x => x != system).ToList() : [];
                var lookedIn = agencyName is null
                    ? $"in source system \"{system}\" (the row names no agency, so no other system was tried)"
                    : others.Count == 0
                        ? $"in source system \"{system}\"; {agencyName} has no identities from any other system"
                        : $"in source system \"{system}\" and in {agencyName}'s other source systems ({string.Join(", ", others.Select(o => $"\"{o}\""))})";
                result[n] = new ResolvedPerson(null, null,
                    $"no identity has the id \"{key}\": looked {lookedIn}. Choose the source system this file comes from, or import that system's identity extract and link it");
            }
            else if (persons.Count > 1)
            {
                result[n] = new ResolvedPerson(null, null,
                    $"{agencyName} id \"{key}\" is not in source system \"{system}\" and means different people in {string.Join(" and ", found.Select(x => $"\"{x.System}\"").Distinct())}: choose the source system this file comes from");
            }
            else
            {
                result[n] = Linked(persons[0], found[0].System, key, agencyName);
            }
        }
        return result;

        ResolvedPerson Linked(Guid? person, string system, string key, string? agencyName) =>
            person is { } lp && people.TryGetValue(lp, out var lh)
                ? new ResolvedPerson(lp, lh, null)
                : new ResolvedPerson(null, null,
                    $"{(agencyName is null ? "" : agencyName + " ")}id \"{key}\" in source system \"{system}\" is not linked to a person: the last linking run left it unmatched or waiting for review; decide it on the linking review page");
    }

    private static async Task<HashSet<(string, string)>> StoredIdsAsync(LocalFlowDb db, int localityId, string[] systemOf, string[] ids, CancellationToken ct)
    {
        var stored = new HashSet<(string, string)>();
        foreach (var group in Enumerable.Range(0, ids.Length).GroupBy(n => systemOf[n], StringComparer.Ordinal))
        {
            var system = group.Key;
            foreach (var chunk in group.Select(n => ids[n]).Distinct(StringComparer.Ordinal).Chunk(Chunk))
            {
                foreach (var id in await db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == localityId && r.SourceSystem == system && chunk.Contains(r.SourceRecordId))
                    .Select(r => r.SourceRecordId).ToListAsync(ct))
                {
                    stored.Add((system, id));
                }
            }
        }
        return stored;
    }

    // A record without an id is named by what it says, so that the same file imported twice is refused.
    private static string ContentId(ActivityEvent e)
    {
        var text = string.Join('\u001f', e.PersonId, e.Start.UtcTicks.ToString(CultureInfo.InvariantCulture), e.Agency, ((int)e.Kind).ToString(CultureInfo.InvariantCulture),
            e.Subtype ?? "", e.Activity ?? "", e.Team ?? "", e.Worker ?? "", e.Text ?? "");
        return "h:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }

    private static (ActivityServed? Reason, string? Note) Served(bool? helped, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return (null, null);
        }
        if (Enum.TryParse<ActivityServed>(reason.Trim(), true, out var served) && Enum.IsDefined(served) && !reason.Trim().Any(char.IsAsciiDigit))
        {
            return (helped == false ? served : null, helped == false ? null : reason.Trim());
        }
        return (helped == false ? ActivityServed.Other : null, reason.Trim());
    }

    // A CSV event log in the common process-mining convention needs no mapping.
    private static CsvMapping? EventLogMapping(string path, string? agency)
    {
        using var s = File.OpenRead(path);
        return CsvMapping.EventLog(CsvActivityReader.Preview(s, rows: 0).Header, agency ?? "(no agency)");
    }

    private static string? FirstText(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
