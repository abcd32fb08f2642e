using System.Text.Json;
using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.Flow;

/// <summary>
/// An import waiting to run, or running, in the web app's background queue: stored so that the queue survives a
/// restart. The entry is removed in the same transaction as the import it describes is stored (or refused), so
/// an entry that is still there after a restart is an import that stored nothing, and is run again.
/// </summary>
public sealed class FlowImportQueueEntry
{
    /// <summary>The id the stored import will have (<see cref="FlowImportRequest.ImportId"/>).</summary>
    public Guid Id { get; set; }
    public int LocalityId { get; set; }
    /// <summary>The request, as <see cref="FlowImportQueue"/> writes it.</summary>
    public required string RequestJson { get; set; }
    /// <summary>What the web app knows of the upload the file came from (its own JSON), if any.</summary>
    public string? UploadJson { get; set; }
    public required string UserName { get; set; }
    public int? UserId { get; set; }
    public DateTime QueuedUtc { get; set; }
}

internal sealed class FlowImportQueueEntryConfiguration : IEntityTypeConfiguration<FlowImportQueueEntry>
{
    public void Configure(EntityTypeBuilder<FlowImportQueueEntry> e)
    {
        e.ToTable("flow_import_queue");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.Property(x => x.UserName).HasMaxLength(200);
        e.HasIndex(x => x.QueuedUtc);
    }
}

/// <summary>The stored queue of background imports (<see cref="FlowImportQueueEntry"/>).</summary>
public static class FlowImportQueue
{
    private sealed record StoredRequest(int LocalityId, string Path, string? FileName, string? Mapping, string? Agency, string? SourceSystem, bool AllowPartial);

    /// <summary>Stores an import as waiting, and returns its entry.</summary>
    public static async Task<FlowImportQueueEntry> AddAsync(LocalFlowDb db, FlowImportRequest request, string? uploadJson, string userName, int? userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = new FlowImportQueueEntry
        {
            Id = request.ImportId,
            LocalityId = request.LocalityId,
            RequestJson = JsonSerializer.Serialize(new StoredRequest(request.LocalityId, request.Path, request.FileName, request.Mapping?.ToJson(),
                request.Agency, request.SourceSystem, request.AllowPartial)),
            UploadJson = uploadJson,
            UserName = userName,
            UserId = userId,
            QueuedUtc = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.FlowImportQueue.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Every waiting import, oldest first.</summary>
    public static async Task<IReadOnlyList<FlowImportQueueEntry>> PendingAsync(LocalFlowDb db, CancellationToken ct = default)
        => await db.FlowImportQueue.AsNoTracking().OrderBy(e => e.QueuedUtc).ThenBy(e => e.Id).ToListAsync(ct);

    /// <summary>The request an entry stores.</summary>
    public static FlowImportRequest RequestOf(FlowImportQueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var r = JsonSerializer.Deserialize<StoredRequest>(entry.RequestJson)
            ?? throw new InvalidOperationException($"The queued import {entry.Id} has no request.");
        return new FlowImportRequest
        {
            LocalityId = r.LocalityId,
            Path = r.Path,
            FileName = r.FileName,
            Mapping = r.Mapping is null ? null : CsvMapping.FromJson(r.Mapping),
            Agency = r.Agency,
            SourceSystem = r.SourceSystem,
            AllowPartial = r.AllowPartial,
            ImportId = entry.Id,
        };
    }

    /// <summary>Removes an import from the queue (in the caller's transaction, if any): it has run.</summary>
    public static Task<int> RemoveAsync(LocalFlowDb db, Guid importId, CancellationToken ct = default)
        => db.FlowImportQueue.Where(e => e.Id == importId).ExecuteDeleteAsync(ct);
}
