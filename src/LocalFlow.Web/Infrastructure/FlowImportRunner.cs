using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Flow;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Infrastructure;

/// <summary>What a background import is doing.</summary>
public enum FlowImportJobState
{
    Queued = 1,
    Running = 2,
    Stored = 3,
    /// <summary>The file had errors (or nothing valid) and nothing was stored.</summary>
    Refused = 4,
    Failed = 5,
}

/// <summary>One file being imported in the background, followed by its progress page.</summary>
public sealed class FlowImportJob
{
    public required FlowImportRequest Request { get; init; }
    public required string UserName { get; init; }
    public int? UserId { get; init; }
    /// <summary>The upload the file came from (deleted when the job finishes).</summary>
    public FlowUpload? Upload { get; init; }
    /// <summary>The file as its preview read and checked it, when it was previewed with the same choices: the import stores it without reading the file again.</summary>
    internal FlowImportPreview? Prepared { get; set; }
    public Guid Id => Request.ImportId;
    public FlowImportJobState State { get; internal set; } = FlowImportJobState.Queued;
    public double Fraction { get; internal set; }
    public FlowImportOutcome? Outcome { get; internal set; }
    public string? Error { get; internal set; }
    public bool Finished => State is FlowImportJobState.Stored or FlowImportJobState.Refused or FlowImportJobState.Failed;
}

/// <summary>A file uploaded for import, kept in the data folder's temp area (never held in memory) until it is imported or abandoned.</summary>
public sealed record FlowUpload(Guid Token, string FileName, int AgencyId, int LocalityId, string UserName, DateTime UploadedUtc)
{
    /// <summary>The extension kept on the stored file, so that its format is known (.csv, .xes, .xes.gz, .json, .jsonocel).</summary>
    public string Extension => FileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
        ? Path.GetExtension(Path.GetFileNameWithoutExtension(FileName)).ToLowerInvariant() + ".gz"
        : Path.GetExtension(FileName).ToLowerInvariant();
}

/// <summary>
/// Imports files in the background, one at a time (as <see cref="LinkingRunner"/> runs linkage), so that a large
/// extract does not hold a web request open; its progress page reloads itself until the import is stored or refused.
/// Uploaded files wait in <c>DATA/tmp/flow-imports</c> and are deleted when their import finishes, or after a day
/// (an upload still queued is kept).
/// <para>
/// The queue is stored (<see cref="FlowImportQueue"/>): each import is written to it when queued, and removed in
/// the same transaction as its records are stored, so an import interrupted by a stop or a crash of the server has
/// stored nothing and is still queued; it runs again when the server starts.
/// </para>
/// <para>
/// A file is read and checked once: the preview's prepared import (<see cref="KeepPrepared"/>) is handed to the
/// import when the same upload is imported with the same choices, within <see cref="PreparedKeptFor"/>. After a
/// restart, or with other choices, the import reads the file itself.
/// </para>
/// </summary>
public sealed class FlowImportRunner(DatabaseOptions database, TimeProvider clock, IConfiguration configuration, IWebHostEnvironment environment,
    FlowEngineWarmer warmer, ILogger<FlowImportRunner> log)
    : BackgroundService
{
    /// <summary>How long a preview's prepared import is kept for the import that follows it.</summary>
    public static readonly TimeSpan PreparedKeptFor = TimeSpan.FromMinutes(30);

    /// <summary>
    /// At most this many files are read for a preview at once (imports themselves run one at a time from the queue),
    /// so that several large uploads previewed together cannot add up to more memory than the server has.
    /// </summary>
    public const int PreviewsAtOnce = 2;

    private readonly SemaphoreSlim _previews = new(PreviewsAtOnce, PreviewsAtOnce);

    /// <summary>A place to read a file for a preview, given back when disposed; null when <see cref="PreviewsAtOnce"/> are being read and none came free within <paramref name="wait"/>.</summary>
    public async Task<IDisposable?> PreviewSlotAsync(TimeSpan wait, CancellationToken ct = default)
        => await _previews.WaitAsync(wait, ct) ? new PreviewSlot(_previews) : null;

    private sealed class PreviewSlot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<FlowImportJob> _queue = Channel.CreateUnbounded<FlowImportJob>();
    private readonly ConcurrentDictionary<Guid, FlowImportJob> _jobs = new();
    private readonly ConcurrentDictionary<Guid, (string Choices, FlowImportPreview Prepared, DateTime KeptUtc)> _prepared = new();

    /// <summary>
    /// Keeps a preview (with its checked records) for the import of the same upload with the same choices, so that
    /// the file is not read and checked again. One per upload; the latest preview wins.
    /// </summary>
    public void KeepPrepared(FlowUpload upload, FlowImportRequest request, FlowImportPreview prepared)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (token, kept) in _prepared)
        {
            if (now - kept.KeptUtc > PreparedKeptFor)
            {
                _prepared.TryRemove(token, out _);
            }
        }
        _prepared[upload.Token] = (Choices(request), prepared, now);
    }

    // What decides how a file is read and checked: everything in the request but its id and whether a partial import is allowed.
    private static string Choices(FlowImportRequest request) => JsonSerializer.Serialize(new
    {
        request.LocalityId,
        request.Path,
        request.FileName,
        Mapping = request.Mapping?.ToJson(),
        request.Agency,
        request.SourceSystem,
    });

    private FlowImportPreview? TakePrepared(FlowUpload? upload, FlowImportRequest request)
        => upload is not null && _prepared.TryRemove(upload.Token, out var kept) && kept.Choices == Choices(request)
            && clock.GetUtcNow().UtcDateTime - kept.KeptUtc <= PreparedKeptFor
            ? kept.Prepared : null;

    /// <summary>The folder uploads wait in.</summary>
    public string Folder
    {
        get
        {
            var data = configuration["LocalFlow:DataDirectory"];
            var dir = Path.Combine(string.IsNullOrWhiteSpace(data) ? Path.Combine(environment.ContentRootPath, "data") : data, "tmp", "flow-imports");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>The most one user's uploads may take in the temp area (<c>Import:TempQuotaPerUserMB</c>, 1,024 MB unless set).</summary>
    public long QuotaPerUser => Megabytes("Import:TempQuotaPerUserMB", 1024);

    /// <summary>The most everyone's uploads may take in the temp area (<c>Import:TempQuotaMB</c>, 4,096 MB unless set).</summary>
    public long QuotaTotal => Megabytes("Import:TempQuotaMB", 4096);

    private long Megabytes(string key, double otherwise) => (long)(configuration.GetValue(key, otherwise) * 1024 * 1024);

    /// <summary>
    /// Why an upload of <paramref name="length"/> bytes by <paramref name="userName"/> does not fit in the temp area
    /// (<see cref="QuotaPerUser"/>, <see cref="QuotaTotal"/>), or null when it fits. Uploads waiting for their import
    /// count until it finishes; ones never imported are removed after a day.
    /// </summary>
    public string? NoRoomFor(string userName, long length)
    {
        RemoveStale();
        long mine = 0, all = 0;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            all += new FileInfo(file).Length;
        }
        foreach (var meta in Directory.EnumerateFiles(Folder, "*.upload.json"))
        {
            var upload = JsonSerializer.Deserialize<FlowUpload>(File.ReadAllText(meta), Json);
            if (upload is not null && upload.UserName == userName && File.Exists(PathOf(upload)))
            {
                mine += new FileInfo(PathOf(upload)).Length;
            }
        }
        static string Mb(long bytes) => Math.Ceiling(bytes / (1024.0 * 1024)).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        if (mine + length > QuotaPerUser)
        {
            return mine == 0
                ? Resources.Text.Format(Resources.FlowMappingText.QuotaOneFile, Mb(QuotaPerUser))
                : Resources.Text.Format(Resources.FlowMappingText.QuotaMine, Mb(mine), Mb(QuotaPerUser));
        }
        return all + length > QuotaTotal
            ? Resources.Text.Format(Resources.FlowMappingText.QuotaFull, Mb(QuotaTotal))
            : null;
    }

    /// <summary>
    /// At start-up: removes what a killed server left in the temp area, that is, an upload's file without its
    /// description or the other way round (killed while the upload was written), and anything older than a day that
    /// no queued import needs. Files written since this start are never touched.
    /// </summary>
    internal void CleanUpAfterStop(DateTime startedUtc)
    {
        RemoveStale();
        var queued = _jobs.Values.Where(j => !j.Finished && j.Upload is not null).SelectMany(j => new[] { PathOf(j.Upload!), MetaPath(j.Upload!.Token) }).ToHashSet();
        var files = Directory.EnumerateFiles(Folder).Where(f => File.GetLastWriteTimeUtc(f) < startedUtc && !queued.Contains(f)).ToList();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var token = name[..Math.Min(32, name.Length)];
            var isMeta = name.EndsWith(".upload.json", StringComparison.Ordinal);
            var partner = isMeta
                ? Directory.EnumerateFiles(Folder, token + ".*").Any(f => !f.EndsWith(".upload.json", StringComparison.Ordinal))
                : File.Exists(Path.Combine(Folder, token + ".upload.json"));
            if (!partner)
            {
                log.LogInformation("Removing {File} from the upload area: an upload cut off by a stop", name);
                Delete(file);
            }
        }
    }

    /// <summary>Writes an upload to the temp area (streamed) and returns its description; uploads older than a day are removed.</summary>
    public async Task<FlowUpload> SaveUploadAsync(IFormFile file, int agencyId, int localityId, string userName, CancellationToken ct)
    {
        RemoveStale();
        var upload = new FlowUpload(Guid.NewGuid(), Path.GetFileName(file.FileName), agencyId, localityId, userName, clock.GetUtcNow().UtcDateTime);
        await using (var target = new FileStream(PathOf(upload), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await file.CopyToAsync(target, ct);
        }
        await File.WriteAllTextAsync(MetaPath(upload.Token), JsonSerializer.Serialize(upload, Json), ct);
        return upload;
    }

    /// <summary>The upload if it exists and belongs to this user and locality.</summary>
    public FlowUpload? FindUpload(Guid token, string userName, int localityId)
    {
        var meta = MetaPath(token);
        if (!File.Exists(meta))
        {
            return null;
        }
        var upload = JsonSerializer.Deserialize<FlowUpload>(File.ReadAllText(meta), Json);
        return upload is not null && upload.UserName == userName && upload.LocalityId == localityId && File.Exists(PathOf(upload)) ? upload : null;
    }

    public string PathOf(FlowUpload upload) => Path.Combine(Folder, upload.Token.ToString("N") + upload.Extension);

    private string MetaPath(Guid token) => Path.Combine(Folder, token.ToString("N") + ".upload.json");

    /// <summary>
    /// Queues the import of an upload (stored, so that it survives a restart); its progress page is at
    /// /Flow/ImportProgress/{request.ImportId}.
    /// </summary>
    public async Task<FlowImportJob> EnqueueAsync(FlowImportRequest request, FlowUpload? upload, string userName, int? userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // a second press of the button follows the import already under way for this upload
        if (upload is not null && _jobs.Values.FirstOrDefault(j => j.Upload?.Token == upload.Token && !j.Finished) is { } existing)
        {
            return existing;
        }
        var job = new FlowImportJob { Request = request, Upload = upload, UserName = userName, UserId = userId, Prepared = TakePrepared(upload, request) };
        // known before it is stored, so that resuming the stored queue at start-up never queues it a second time
        _jobs[job.Id] = job;
        try
        {
            await using var db = database.CreateContext(new Actor(userId, userName), clock);
            await FlowImportQueue.AddAsync(db, request, upload is null ? null : JsonSerializer.Serialize(upload, Json), userName, userId, ct);
        }
        catch
        {
            _jobs.TryRemove(job.Id, out _);
            throw;
        }
        _queue.Writer.TryWrite(job);
        return job;
    }

    /// <summary>Puts the imports stored as queued (an earlier run of the server stopped before they were stored) back in the queue, oldest first.</summary>
    private async Task ResumeAsync(CancellationToken ct)
    {
        await using var db = database.CreateContext();
        foreach (var entry in await FlowImportQueue.PendingAsync(db, ct))
        {
            var upload = entry.UploadJson is null ? null : JsonSerializer.Deserialize<FlowUpload>(entry.UploadJson, Json);
            var job = new FlowImportJob { Request = FlowImportQueue.RequestOf(entry), Upload = upload, UserName = entry.UserName, UserId = entry.UserId };
            if (!_jobs.TryAdd(job.Id, job))
            {
                continue; // queued since this start
            }
            log.LogInformation("Resuming the flow import {ImportId}, queued {Queued:O}", entry.Id, entry.QueuedUtc);
            _queue.Writer.TryWrite(job);
        }
    }

    /// <summary>A job started since the app started, if any.</summary>
    public FlowImportJob? Job(Guid id) => _jobs.TryGetValue(id, out var job) ? job : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        try
        {
            await ResumeAsync(stoppingToken);
            CleanUpAfterStop(started);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError("Could not read the stored queue of flow imports, or clean the upload area: {Failure}", SafeLogging.Describe(ex));
        }
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    /// <summary>
    /// Runs one import: the records, the import's audit entry and the removal from the stored queue are one
    /// transaction, so a stop in the middle (<paramref name="stoppingToken"/>, or the process killed) stores nothing
    /// and leaves the import queued for the next start.
    /// </summary>
    private async Task RunAsync(FlowImportJob job, CancellationToken stoppingToken)
    {
        try
        {
            job.State = FlowImportJobState.Running;
            var prepared = job.Prepared;
            job.Prepared = null;
            await using (var db = database.CreateContext(new Actor(job.UserId, job.UserName), clock))
            {
                // read and checked before the transaction, which holds SQLite's write lock only while the records are written
                prepared ??= await FlowImporter.PrepareAsync(db, job.Request, stoppingToken);
                await db.Database.OpenConnectionAsync(stoppingToken);
                await using var tx = await db.Database.BeginTransactionAsync(stoppingToken);
                var outcome = await FlowImporter.ImportAsync(db, job.Request, new SyncProgress(f =>
                {
                    job.Fraction = f;
                    Progressed?.Invoke(job);
                }), stoppingToken, prepared);
                await FlowImportQueue.RemoveAsync(db, job.Id, stoppingToken);
                await tx.CommitAsync(stoppingToken);
                job.Outcome = outcome;
                job.State = outcome.Import is null ? FlowImportJobState.Refused : FlowImportJobState.Stored;
            }
            if (job.State == FlowImportJobState.Stored)
            {
                warmer.Nudge();
            }
        }
        catch (Exception stopped) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping: nothing was stored (the records and the queue entry's removal commit together),
            // so the import stays queued and its upload is kept. Not only OperationCanceledException: on PostgreSQL a
            // command cut off by the stop surfaces as NpgsqlException "Exception while reading from stream", which was
            // taken for a failed import and dropped from the queue.
            log.LogDebug("Flow import {ImportId} interrupted by the server stopping: {Failure}", job.Id, SafeLogging.Describe(stopped));
            job.State = FlowImportJobState.Queued;
            job.Fraction = 0;
            log.LogInformation("Flow import {ImportId} stopped with the server; it runs again at the next start", job.Id);
            return;
        }
        catch (Exception ex)
        {
            log.LogError("Flow import {ImportId} failed: {Failure}", job.Id, SafeLogging.Describe(ex));
            job.Error = Causes(ex);
            job.State = FlowImportJobState.Failed;
            try
            {
                await using var db = database.CreateContext(new Actor(job.UserId, job.UserName), clock);
                await FlowImportQueue.RemoveAsync(db, job.Id, CancellationToken.None);
            }
            catch (Exception removal)
            {
                log.LogError("Could not take the failed flow import {ImportId} off the stored queue: {Failure}", job.Id, SafeLogging.Describe(removal));
            }
        }
        job.Fraction = 1;
        if (job.Upload is { } upload)
        {
            Delete(PathOf(upload));
            Delete(MetaPath(upload.Token));
        }
    }

    private void RemoveStale()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var queued = _jobs.Values.Where(j => !j.Finished && j.Upload is not null).SelectMany(j => new[] { PathOf(j.Upload!), MetaPath(j.Upload!.Token) }).ToHashSet();
        foreach (var f in Directory.EnumerateFiles(Folder))
        {
            if (File.GetLastWriteTimeUtc(f) < cutoff && !queued.Contains(f))
            {
                Delete(f);
            }
        }
    }

    private void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            log.LogWarning("Could not delete {Path} from the upload area: {Failure}", Path.GetFileName(path), SafeLogging.Describe(ex));
        }
    }

    private sealed record Actor(int? UserId, string UserName) : IAuditActor
    {
        public string Source => "POST /Flow/Import (background import)";
    }

    /// <summary>
    /// Called on the import's own thread each time a running import reports progress. Tests use it to hold an import
    /// part-way through its records, so that a stop is sure to come in the middle without a huge file.
    /// </summary>
    internal Action<FlowImportJob>? Progressed { get; set; }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    /// <summary>The error and every inner cause, outermost first ("Exception while reading from stream: ... "), so a failure says why.</summary>
    internal static string Causes(Exception ex)
    {
        var parts = new List<string>();
        for (Exception? e = ex; e is not null && parts.Count < 5; e = e.InnerException)
        {
            if (parts.Count == 0 || parts[^1] != e.Message)
            {
                parts.Add(e.Message);
            }
        }
        return string.Join(": ", parts);
    }
}
