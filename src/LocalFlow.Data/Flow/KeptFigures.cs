namespace LocalFlow.Data.Flow;

/// <summary>
/// Figures worked out from a locality's stored data (the flow engine, <see cref="FlowEngines"/>; the locality
/// picture; the economics cohort...), kept between views under the locality's <see cref="FlowDataVersion"/> (read by the caller before it reads any data) and a key naming
/// everything else they were worked out from (rules, today's date, the households left out for the viewer...). A view
/// with the same version and key gets the kept figures; any other makes them afresh, and once the version moves
/// everything kept under the old one is dropped. Views that need figures of the same locality at the same time wait
/// for one make. At most <see cref="MostKept"/> keys are kept per locality. Thread-safe: hold one per process.
/// Every make is timed in <see cref="Telemetry.FiguresBuildDuration"/> (and a span) under <paramref name="name"/>.
/// </summary>
/// <typeparam name="T">The figures: never changed once made, since views share them.</typeparam>
/// <param name="name">What the figures are ("flow-engine", "locality-picture"...): the kind in telemetry.</param>
public sealed class KeptFigures<T>(string name)
    where T : class
{
    /// <summary>The most keys kept for one locality: when one more is made, the others are dropped.</summary>
    public const int MostKept = 16;

    private readonly Dictionary<int, (string Version, Dictionary<string, T> ByKey)> _kept = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, SemaphoreSlim> _making = new();

    /// <summary>
    /// The figures of <paramref name="localityId"/> under <paramref name="version"/> and <paramref name="key"/>: kept
    /// ones, or made by <paramref name="make"/> now (and kept).
    /// </summary>
    public async Task<T> GetAsync(int localityId, string version, string key, Func<CancellationToken, Task<T>> make, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(make);
        if (TryGet(localityId, version, key, out var figures))
        {
            return figures;
        }
        var gate = _making.GetOrAdd(localityId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (TryGet(localityId, version, key, out figures))
            {
                return figures;
            }
            using (Telemetry.Start("localflow.figures.build", Telemetry.FiguresBuildDuration, name, localityId))
            {
                figures = await make(ct);
            }
            lock (_kept)
            {
                if (!_kept.TryGetValue(localityId, out var kept) || kept.Version != version || kept.ByKey.Count >= MostKept)
                {
                    _kept[localityId] = kept = (version, new Dictionary<string, T>(StringComparer.Ordinal));
                }
                kept.ByKey[key] = figures;
            }
            return figures;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The figures kept for <paramref name="localityId"/> under <paramref name="key"/> whatever their version (until
    /// figures of a newer one are kept), with that version: what a make may start from when the version says what
    /// changed since (<see cref="FlowEngines"/>).
    /// </summary>
    public (string Version, T Figures)? Latest(int localityId, string key)
    {
        lock (_kept)
        {
            return _kept.TryGetValue(localityId, out var kept) && kept.ByKey.TryGetValue(key, out var figures) ? (kept.Version, figures) : null;
        }
    }

    /// <summary>How many figures are kept for <paramref name="localityId"/> now (for tests and logs).</summary>
    public int Count(int localityId)
    {
        lock (_kept)
        {
            return _kept.TryGetValue(localityId, out var kept) ? kept.ByKey.Count : 0;
        }
    }

    private bool TryGet(int localityId, string version, string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? figures)
    {
        lock (_kept)
        {
            figures = _kept.TryGetValue(localityId, out var kept) && kept.Version == version ? kept.ByKey.GetValueOrDefault(key) : null;
            return figures is not null;
        }
    }
}
