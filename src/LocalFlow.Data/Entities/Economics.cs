namespace LocalFlow.Data.Entities;

/// <summary>
/// One year of the price index that restates costs from one year's prices to another's (see docs/economics.md):
/// any base, one number per year, with where it comes from.
/// </summary>
public sealed class PriceIndexYear
{
    public int Year { get; set; }
    public decimal Value { get; set; }
    public required string Source { get; set; }
}
