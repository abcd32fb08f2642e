using System.Collections.Concurrent;
using System.Threading.Channels;
using LocalFlow.Analytics.Linking;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Linking;

namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// Runs linkage in the background, one run at a time, so that the page that started it can show its progress
/// (stage and fraction) while it works. The run's own row records the outcome.
/// </summary>
public sealed class LinkingRunner(DatabaseOptions database, TimeProvider clock, ILogger<LinkingRunner> log) : BackgroundService
{
    private readonly Channel<(int RunId, string UserName, int? UserId)> _queue = Channel.CreateUnbounded<(int, string, int?)>();
    private readonly ConcurrentDictionary<int, LinkageProgress> _progress = new();

    /// <summary>Queues a run made by <see cref="LinkingService.StartAsync"/>.</summary>
    public void Enqueue(int runId, string userName, int? userId) => _queue.Writer.TryWrite((runId, userName, userId));

    /// <summary>The latest progress of a running run, if it has reported any.</summary>
    public LinkageProgress? Progress(int runId) => _progress.TryGetValue(runId, out var p) ? p : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (runId, userName, userId) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var db = database.CreateContext(new Actor(userId, userName), clock);
                var progress = new SyncProgress(p => _progress[runId] = p);
                await LinkingService.RunAsync(db, runId, progress, ct: stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError("Linking run {RunId} failed: {Failure}", runId, SafeLogging.Describe(ex));
            }
            finally
            {
                _progress.TryRemove(runId, out _);
            }
        }
    }

    private sealed record Actor(int? UserId, string UserName) : IAuditActor
    {
        public string Source => "POST /Linking (background run)";
    }

    private sealed class SyncProgress(Action<LinkageProgress> report) : IProgress<LinkageProgress>
    {
        public void Report(LinkageProgress value) => report(value);
    }
}
