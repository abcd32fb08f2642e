using LocalFlow.Data;
using LocalFlow.Data.Audit;

namespace LocalFlow.Web.Pages.Admin;

/// <summary>
/// The latest check of the audit chain: made at start-up (from the last anchor, so it stays quick as the trail grows)
/// and again whenever an administrator asks on the audit page (the whole chain). Shown to administrators (docs/trust.md).
/// </summary>
public sealed class AuditChainStatus(TimeProvider clock)
{
    private readonly Lock _lock = new();

    public AuditVerification? Last { get; private set; }

    public DateTime? CheckedAt { get; private set; }

    /// <summary>Checks the chain and remembers what was found.</summary>
    public async Task<AuditVerification> CheckAsync(LocalFlowDb db, bool fromLastAnchor, CancellationToken ct = default)
    {
        var result = await AuditChain.VerifyAsync(db, fromLastAnchor, ct);
        lock (_lock)
        {
            Last = result;
            CheckedAt = clock.GetUtcNow().UtcDateTime;
        }
        return result;
    }
}
