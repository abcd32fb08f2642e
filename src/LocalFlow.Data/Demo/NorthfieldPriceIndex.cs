using LocalFlow.Data.Entities;

namespace LocalFlow.Data.Demo;

/// <summary>
/// The demo's price index, 1996 to 2026 with 2023 = 100: illustrative figures in the shape of HM Treasury's GDP
/// deflator (prices rising about 2% a year, faster in 2022–2023). Replace it with the current published series
/// before using real figures.
/// </summary>
internal static class NorthfieldPriceIndex
{
    private const string Source = "Illustrative demo index in the shape of HM Treasury's GDP deflator (2023 = 100); replace with the current published series before use";

    private static readonly decimal[] From1996 =
    [
        56.10m, 57.30m, 58.40m, 59.60m, 60.40m, 61.80m, 63.50m, 65.00m, 65.60m, 66.70m, // 1996–2005
        67.80m, 68.90m, 70.50m, 71.84m, 73.00m, 74.50m, 75.60m, 77.00m, 78.10m, 78.60m, // 2006–2015
        80.20m, 81.60m, 83.40m, 85.20m, 89.40m, 89.20m, 93.90m, 100.00m, 103.20m, 106.40m, // 2016–2025
        109.40m, // 2026
    ];

    /// <summary>The index's rows.</summary>
    public static IEnumerable<PriceIndexYear> Years() => From1996.Select((v, i) => new PriceIndexYear { Year = 1996 + i, Value = v, Source = Source });
}
