namespace LocalFlow.Analytics.Economics;

/// <summary>
/// The assumptions of an extrapolation, with the seeds' own as defaults ("Saving money by doing the right thing",
/// 2014: the £16 billion): spend is equal per household across the wider area, the population is that of one base
/// year, only direct costs count and overheads are left out (<see cref="OverheadShare"/> 0), and the estimate is
/// shown with a range of ± <see cref="Sensitivity"/>.
/// </summary>
/// <param name="AreaHouseholds">Households in the wider area, at the base year.</param>
/// <param name="BaseYear">The year the area's household count is for.</param>
/// <param name="OverheadShare">Overheads saved as a share of direct costs saved (0: overheads left out).</param>
/// <param name="Sensitivity">The range either side of the estimate (0.5 is ± 50%).</param>
public sealed record ExtrapolationAssumptions(long AreaHouseholds, int BaseYear, double OverheadShare = 0, double Sensitivity = 0.5);

/// <summary>An extrapolated saving: an estimate, never a finding.</summary>
/// <param name="PerHousehold">The saving per household of the locality per year.</param>
/// <param name="Estimate">The saving per year across the wider area.</param>
/// <param name="Low">The low end of the range.</param>
/// <param name="High">The high end of the range.</param>
/// <param name="Assumptions">What it rests on.</param>
/// <param name="PriceYear">The year whose prices the amounts are in.</param>
public sealed record Extrapolation(decimal PerHousehold, decimal Estimate, decimal Low, decimal High, ExtrapolationAssumptions Assumptions, int PriceYear)
{
    /// <summary>
    /// Scales a locality's observed saving to the wider area by equal spend per household: the cohort's saving per
    /// year (<see cref="BeforeAfter.SavingPerYear"/>) spread over all <paramref name="localityHouseholds"/> households
    /// of the locality (not only those taken on, as the seeds spread a pilot's saving over its whole population),
    /// times the area's households, plus overheads at <see cref="ExtrapolationAssumptions.OverheadShare"/>. Amounts
    /// are rounded to the pound (the saving per household to the penny).
    /// </summary>
    public static Extrapolation Of(decimal savingPerYear, int localityHouseholds, ExtrapolationAssumptions assumptions, int priceYear)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(localityHouseholds, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(assumptions.AreaHouseholds);
        ArgumentOutOfRangeException.ThrowIfNegative(assumptions.OverheadShare);
        if (assumptions.Sensitivity is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(assumptions), "The sensitivity range must be between 0 and 1 (0% and 100%).");
        }
        var perHousehold = decimal.Round(savingPerYear / localityHouseholds, 2, MidpointRounding.AwayFromZero);
        var central = savingPerYear / localityHouseholds * assumptions.AreaHouseholds * (1 + (decimal)assumptions.OverheadShare);
        decimal Pound(decimal x) => decimal.Round(x, 0, MidpointRounding.AwayFromZero);
        var range = (decimal)assumptions.Sensitivity;
        return new Extrapolation(perHousehold, Pound(central), Pound(central * (1 - range)), Pound(central * (1 + range)), assumptions, priceYear);
    }
}
