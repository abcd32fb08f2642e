using System.Globalization;

namespace LocalFlow.Analytics;

/// <summary>
/// Spreadsheet formula neutralisation for every CSV LocalFlow writes (OWASP "CSV injection"): a cell that starts
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return could be run as a formula when the file
/// is opened in a spreadsheet, so it is written with a leading apostrophe, which spreadsheets read as "this is
/// text". A plain number (such as -12.5) is left alone: it is not a formula. Reading LocalFlow's own exports
/// back, <see cref="Restore(string)"/> takes the apostrophe off again.
/// </summary>
public static class CsvFormula
{
    /// <summary>The characters that make a spreadsheet treat a cell as a formula.</summary>
    public static ReadOnlySpan<char> Triggers => "=+-@\t\r";

    /// <summary>The value as it is safe to write: with a leading apostrophe when it could run as a formula.</summary>
    public static string Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value) || Triggers.IndexOf(value[0]) < 0
            || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return value ?? "";
        }
        return "'" + value;
    }

    /// <summary>The value as it was before <see cref="Neutralise"/>: an apostrophe followed by a trigger character is taken off.</summary>
    public static string Restore(string value) => IsNeutralised(value) ? value[1..] : value;

    /// <summary>The span as it was before <see cref="Neutralise"/> (no copy): an apostrophe followed by a trigger character is skipped.</summary>
    public static ReadOnlySpan<char> Restore(ReadOnlySpan<char> value) => IsNeutralised(value) ? value[1..] : value;

    private static bool IsNeutralised(ReadOnlySpan<char> value)
        => value.Length > 1 && value[0] == '\'' && Triggers.IndexOf(value[1]) >= 0
           && !double.TryParse(value[1..], NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
