using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Flow;

/// <summary>
/// One analysed <see cref="FlowEngine"/> per locality, built on first use and kept until the data change: each
/// request reads the locality's stored <see cref="FlowDataVersion"/> (one small query) and rebuilds the engine only
/// when the stamp differs from the one it was built under. Register once per process (a singleton); concurrent
/// first views of a locality wait for one build. The keeping is <see cref="KeptFigures{T}"/>'s, as for every figure
/// kept per locality, so each build is timed there.
/// </summary>
public sealed class FlowEngines
{
    /// <summary>The one key engines are kept under: a locality has one engine per version.</summary>
    private const string Everything = "";

    private readonly KeptFigures<FlowEngine> _built = new("flow-engine");
    private readonly KeptFigures<IReadOnlySet<Guid>> _hidden = new("hidden-people");

    /// <summary>
    /// The engine to read one person's figures, signals and cost curve from as a viewer may see them: the locality's
    /// (kept) when the viewer may see every record of the person, otherwise one over the records they may see
    /// (<paramref name="shared"/>, from <see cref="FlowQueries.RecordsForAsync"/>), so that no figure counts a record
    /// that a data sharing agreement hides from them (docs/trust.md).
    /// </summary>
    public async Task<FlowEngine> ForPersonAsync(LocalFlowDb db, int localityId, Guid personId, IReadOnlyList<Entities.ActivityRecord> shared, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(shared);
        var held = await db.ActivityRecords.CountAsync(r => r.LocalityId == localityId && r.PersonId == personId, ct);
        return held == shared.Count ? await ForLocalityAsync(db, localityId, ct) : await FlowEngine.OfRecordsAsync(db, localityId, shared, ct);
    }

    /// <summary>
    /// The people of <paramref name="localityId"/> hidden from <paramref name="viewer"/>
    /// (<see cref="LocalityWork.Visibility.HiddenPeopleAsync"/>), kept per worker under the locality's
    /// <see cref="FlowDataVersion"/> without waiting for the engine: restricting a person or household and naming or
    /// removing a worker on one change that version, so a change is read again at once.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> HiddenPeopleAsync(LocalFlowDb db, LocalityWork.Viewer viewer, int localityId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.MaySeeRestricted)
        {
            return new HashSet<Guid>();
        }
        var version = await FlowDataVersion.ReadAsync(db, localityId, ct);
        return await _hidden.GetAsync(localityId, version, viewer.WorkerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            c => LocalityWork.Visibility.HiddenPeopleAsync(db, viewer, localityId, c), ct);
    }

    /// <summary>The engine of locality <paramref name="localityId"/> over its stored records as they are now.</summary>
    public async Task<FlowEngine> ForLocalityAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // read before the records: an engine is never kept under a stamp newer than its data
        var version = await FlowDataVersion.ReadAsync(db, localityId, ct);
        return await _built.GetAsync(localityId, version, Everything, c => BuildAsync(db, localityId, version, c), ct);
    }

    /// <summary>
    /// Builds the engine of <paramref name="version"/>: from the kept one when the version says an import only added
    /// records to the data that engine holds exactly (<see cref="FlowDataVersion.AppendOf"/>,
    /// <see cref="FlowEngine.HoldsTheVersion"/>), reading just the import's records; otherwise (an undo, a link, an edit,
    /// a restriction, two imports on top of an engine not kept, another process's change) by reading every record.
    /// </summary>
    private Task<FlowEngine> BuildAsync(LocalFlowDb db, int localityId, string version, CancellationToken ct)
        => FlowDataVersion.AppendOf(version) is { } append && _built.Latest(localityId, Everything) is { } kept && kept.Figures.HoldsTheVersion
            && FlowDataVersion.IsVersion(kept.Version, append.Before)
            ? FlowEngine.ExtendAsync(db, kept.Figures, append.ImportId, version, ct)
            : FlowEngine.LoadAsync(db, localityId, version, ct);
}
