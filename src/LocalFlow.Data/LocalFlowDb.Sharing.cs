using LocalFlow.Data.Trust;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>Trust: data sharing agreements and consent to them (docs/trust.md).</summary>
public partial class LocalFlowDb
{
    public DbSet<SharingAgreement> SharingAgreements => Set<SharingAgreement>();
    public DbSet<SharingParty> SharingParties => Set<SharingParty>();
    public DbSet<SharingCategory> SharingCategories => Set<SharingCategory>();
    public DbSet<SharingConsent> SharingConsents => Set<SharingConsent>();
}
