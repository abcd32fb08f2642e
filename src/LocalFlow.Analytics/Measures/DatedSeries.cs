using System.Globalization;

namespace LocalFlow.Analytics.Measures;

/// <summary>A value measured on a date (one point of a capability chart).</summary>
/// <param name="Date">The date (or the start of the period) the value belongs to.</param>
/// <param name="Value">The value.</param>
public readonly record struct DatedValue(DateOnly Date, double Value);

/// <summary>A problem with one row of a dated-values file.</summary>
/// <param name="Row">The 1-based line number in the file.</param>
/// <param name="Message">What is wrong, in plain English.</param>
public sealed record DatedValueError(int Row, string Message);

/// <summary>Dated series for capability charts: reading them from CSV and charting them with phases given as dates.</summary>
public static class DatedSeries
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ssK"];

    /// <summary>
    /// Reads "date,value" lines (a header line is skipped when its value column is not a number; blank lines
    /// are ignored). Dates are ISO 8601 (yyyy-MM-dd, optionally with a time); values use a dot for decimals.
    /// Every bad row is reported with its line number; the values are in file order.
    /// </summary>
    public static (List<DatedValue> Values, List<DatedValueError> Errors) ReadCsv(TextReader reader)
    {
        var values = new List<DatedValue>();
        var errors = new List<DatedValueError>();
        string? line;
        var row = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            row++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var parts = line.Split(',');
            if (parts.Length < 2)
            {
                errors.Add(new DatedValueError(row, "expected two columns: date,value"));
                continue;
            }
            var dateText = parts[0].Trim().Trim('"');
            var valueText = parts[1].Trim().Trim('"');
            var dateOk = DateTime.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date);
            var valueOk = double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);
            if (row == 1 && !valueOk && values.Count == 0)
            {
                continue; // header
            }
            if (!dateOk)
            {
                errors.Add(new DatedValueError(row, $"\"{dateText}\" is not a date like 2026-11-23"));
            }
            if (!valueOk)
            {
                errors.Add(new DatedValueError(row, $"\"{valueText}\" is not a number"));
            }
            if (dateOk && valueOk)
            {
                values.Add(new DatedValue(DateOnly.FromDateTime(date), value));
            }
        }
        return (values, errors);
    }

    /// <summary>Charts dated values; each phase date starts a new phase at the first point on or after it.</summary>
    public static CapabilityChart Chart(IReadOnlyList<DatedValue> values, IEnumerable<DateOnly> phaseDates, CapabilityChartOptions? options = null)
    {
        var data = new double[values.Count];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = values[i].Value;
        }
        var starts = new List<int>();
        foreach (var d in phaseDates)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i].Date >= d)
                {
                    starts.Add(i);
                    break;
                }
            }
        }
        return CapabilityChart.Compute(data, (options ?? new CapabilityChartOptions()) with { PhaseStarts = starts });
    }
}
