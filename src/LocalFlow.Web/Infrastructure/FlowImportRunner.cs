using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Flow;

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
/// Uploaded files wait in <c>DATA/tmp/flow-imports</c> and are deleted when their import finishes, or after a day.
/// </summary>
public sealed class FlowImportRunner(DatabaseOptions database, TimeProvider clock, IConfiguration configuration, IWebHostEnvironment environment, ILogger<FlowImportRunner> log)
    : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<FlowImportJob> _queue = Channel.CreateUnbounded<FlowImportJob>();
    private readonly ConcurrentDictionary<Guid, FlowImportJob> _jobs = new();

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

    /// <summary>Queues the import of an upload; its progress page is at /Flow/ImportProgress/{request.ImportId}.</summary>
    public FlowImportJob Enqueue(FlowImportRequest request, FlowUpload? upload, string userName, int? userId)
    {
        // a second press of the button follows the import already under way for this upload
        if (upload is not null && _jobs.Values.FirstOrDefault(j => j.Upload?.Token == upload.Token) is { } existing)
        {
            return existing;
        }
        var job = new FlowImportJob { Request = request, Upload = upload, UserName = userName, UserId = userId };
        _jobs[job.Id] = job;
        _queue.Writer.TryWrite(job);
        return job;
    }

    /// <summary>A job started since the app started, if any.</summary>
    public FlowImportJob? Job(Guid id) => _jobs.TryGetValue(id, out var job) ? job : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                job.State = FlowImportJobState.Running;
                await using var db = database.CreateContext(new Actor(job.UserId, job.UserName), clock);
                var outcome = await FlowImporter.ImportAsync(db, job.Request, new SyncProgress(f => job.Fraction = f), stoppingToken);
                job.Outcome = outcome;
                job.State = outcome.Import is null ? FlowImportJobState.Refused : FlowImportJobState.Stored;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Flow import {ImportId} failed", job.Id);
                job.Error = ex.Message;
                job.State = FlowImportJobState.Failed;
            }
            finally
            {
                job.Fraction = 1;
                if (job.Upload is { } upload)
                {
                    Delete(PathOf(upload));
                    Delete(MetaPath(upload.Token));
                }
            }
        }
    }

    private void RemoveStale()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var f in Directory.EnumerateFiles(Folder))
        {
            if (File.GetLastWriteTimeUtc(f) < cutoff)
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
            log.LogWarning(ex, "Could not delete {Path}", path);
        }
    }

    private sealed record Actor(int? UserId, string UserName) : IAuditActor
    {
        public string Source => "POST /Flow/Import (background import)";
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
