using LocalFlow.Data;
using LocalFlow.Data.Flow;

namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// Builds each locality's flow engine in the background, so that a user's first view of a locality-wide page
/// finds it built: once at start-up, at once when told the data changed (<see cref="Nudge"/>: after an import or
/// an undo here), and whenever the locality's <see cref="FlowDataVersion"/> is found changed on a check every few
/// seconds (a change by the CLI, by linkage, by another server). A view that comes while an engine is being built
/// waits for that build (<see cref="FlowEngines"/>), so it always shows the data as they are.
/// Turned off by <c>LocalFlow:WarmFlowEngines=false</c>; the check's interval is <c>LocalFlow:WarmFlowEnginesSeconds</c> (5).
/// </summary>
public sealed class FlowEngineWarmer(DatabaseOptions database, FlowEngines engines, IConfiguration configuration, ILogger<FlowEngineWarmer> log)
    : BackgroundService
{
    private readonly SemaphoreSlim _nudged = new(0, 1);

    /// <summary>Asks for the engines to be checked (and rebuilt if their data changed) now rather than at the next check.</summary>
    public void Nudge()
    {
        if (_nudged.CurrentCount == 0)
        {
            try
            {
                _nudged.Release();
            }
            catch (SemaphoreFullException)
            {
                // already nudged
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.Equals(configuration["LocalFlow:WarmFlowEngines"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var every = TimeSpan.FromSeconds(int.TryParse(configuration["LocalFlow:WarmFlowEnginesSeconds"], out var s) && s > 0 ? s : 5);
        // let start-up finish first (migrations, the demo)
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = database.CreateContext();
                foreach (var locality in db.Localities.Select(l => l.Id).ToList())
                {
                    var engine = await engines.ForLocalityAsync(db, locality, stoppingToken);
                    // what every locality-wide page starts from: everyone's figures and every signal,
                    _ = engine.Everyone;
                    _ = engine.Signals;
                    // and what the system conditions reach (kept with the engine)
                    await LocalFlow.Data.Conditions.ConditionReachCalculator.ForLocalityAsync(db, engines, locality, ct: stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // a view builds the engine itself; the warmer only saves it the wait
                log.LogWarning("Could not warm the flow engines: {Failure}", SafeLogging.Describe(ex));
            }
            try
            {
                await _nudged.WaitAsync(every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _nudged.Dispose();
        base.Dispose();
    }
}
