using System.Globalization;

namespace LocalFlow.Analytics;

/// <summary>
/// Counts in plain English: "1 demand", "2 demands", "1 person", "3 people". The one place LocalFlow chooses
/// between a word's singular and plural, so figures read the same on every page, in the CLI and in the audit trail.
/// </summary>
public static class Plural
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The count with thousands separators and the word that fits it: one for exactly 1, otherwise many.</summary>
    /// <param name="count">How many.</param>
    /// <param name="one">The singular, e.g. "demand".</param>
    /// <param name="many">The plural when it is not <paramref name="one"/> + "s", e.g. "people".</param>
    public static string Of(long count, string one, string? many = null) => $"{count.ToString("N0", English)} {Word(count, one, many)}";

    /// <summary>Only the word that fits the count (for a count shown separately): <paramref name="one"/> for exactly 1, otherwise the plural.</summary>
    /// <param name="count">How many.</param>
    /// <param name="one">The singular, e.g. "type".</param>
    /// <param name="many">The plural when it is not <paramref name="one"/> + "s".</param>
    public static string Word(long count, string one, string? many = null) => count == 1 ? one : many ?? one + "s";
}
