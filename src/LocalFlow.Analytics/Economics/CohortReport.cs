namespace LocalFlow.Analytics.Economics;

/// <summary>
/// Every economics figure for one cohort at one price year, worked out once so that the page and the command line
/// show the same: the comparison by group, the quarters, the concentration of cost, the last twelve months, the
/// glide path (starting from what the historic approach cost the cohort a year: <see cref="BeforeAfter.EndToEndBefore"/>
/// × households) and the extrapolation of the saving.
/// </summary>
public sealed record CohortReport(BeforeAfter Comparison, IReadOnlyList<QuarterFigures> Quarters, Concentration CostConcentration, decimal LastYear, GlidePath Glide, Extrapolation Estimate)
{
    /// <summary>Works out the report for the households taken on at <paramref name="takenOn"/>, counting days before <paramref name="until"/>.</summary>
    public static CohortReport Of(IReadOnlyList<CostedActivity> activities, IReadOnlyList<DateOnly?> takenOn, int localityHouseholds, DateOnly until,
        PriceIndex index, int priceYear, ExtrapolationAssumptions assumptions, int glideYears = 10, double glideChange = 0)
    {
        ArgumentNullException.ThrowIfNull(takenOn);
        var comparison = CohortEconomics.Compare(activities, takenOn, until, index, priceYear);
        return new CohortReport(
            comparison,
            CohortEconomics.ByQuarter(activities, takenOn, until, index, priceYear),
            Concentration.Of(CohortEconomics.CostPerHousehold(activities, takenOn.Count, until, index, priceYear)),
            CohortEconomics.LastYearCost(activities, until, index, priceYear),
            GlidePath.Project(comparison.EndToEndBefore * comparison.Households, glideYears, glideChange),
            Extrapolation.Of(comparison.SavingPerYear, Math.Max(1, localityHouseholds), assumptions, priceYear));
    }
}
