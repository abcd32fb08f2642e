using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>Linking's tables.</summary>
public partial class LocalFlowDb
{
    public DbSet<SourceIdentity> SourceIdentities => Set<SourceIdentity>();
    public DbSet<LinkRun> LinkRuns => Set<LinkRun>();
    public DbSet<LinkReview> LinkReviews => Set<LinkReview>();
    public DbSet<LinkDecision> LinkDecisions => Set<LinkDecision>();
}

/// <summary>Registers linking's personal-data entities with the audit trail.</summary>
internal static class LinkingAuditRegistration
{
#pragma warning disable CA2255 // A module initializer lets each capability register itself without editing shared code.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        Audit.AuditTrail.RegisterChangeType<SourceIdentity>(Audit.AuditEventType.LinkChanged);
        Audit.AuditTrail.RegisterChangeType<LinkReview>(Audit.AuditEventType.LinkChanged);
        Audit.AuditTrail.RegisterChangeType<LinkDecision>(Audit.AuditEventType.LinkChanged);
    }
}
