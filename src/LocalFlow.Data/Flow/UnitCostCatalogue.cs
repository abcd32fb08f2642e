using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;

namespace LocalFlow.Data.Flow;

/// <summary>
/// The unit-cost catalogue as the flow study prices records that give no cost of their own: the entry named for
/// the activity when there is one, else the agency's first entry (lowest id) for the kind. The demo's case
/// histories and imported files are priced the same way.
/// </summary>
public sealed class UnitCostCatalogue
{
    private readonly List<UnitCost> _costs;

    public UnitCostCatalogue(IEnumerable<UnitCost> costs) => _costs = costs.OrderBy(c => c.Id).ToList();

    /// <summary>The agency's entry described exactly so (case and surrounding spaces ignored), if any.</summary>
    public UnitCost? Named(int agencyId, string? description)
    {
        var d = description?.Trim();
        return string.IsNullOrEmpty(d) ? null : _costs.FirstOrDefault(c => c.AgencyId == agencyId && string.Equals(c.Description, d, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The agency's first entry for the kind, if any.</summary>
    public UnitCost? ForKind(int agencyId, ActivityKind kind) => _costs.FirstOrDefault(c => c.AgencyId == agencyId && c.ActivityKind == kind);

    /// <summary>The entry that prices one record: the one named by its subtype, else the agency's entry for its kind; null when the catalogue has neither.</summary>
    public UnitCost? Entry(int agencyId, ActivityKind kind, string? subtype) => Named(agencyId, subtype) ?? ForKind(agencyId, kind);

    /// <summary>The price of one record (<see cref="Entry"/>'s amount), at the entry's price year.</summary>
    public decimal? Price(int agencyId, ActivityKind kind, string? subtype) => Entry(agencyId, kind, subtype)?.Amount;
}
