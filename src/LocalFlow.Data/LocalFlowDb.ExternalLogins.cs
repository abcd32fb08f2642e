using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>Trust: sign-ins at the organisation's identity provider (docs/security.md).</summary>
public partial class LocalFlowDb
{
    public DbSet<ExternalLogin> ExternalLogins => Set<ExternalLogin>();
}
