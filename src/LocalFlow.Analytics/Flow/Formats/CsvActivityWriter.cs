using System.Globalization;
using System.Text;

namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>
/// Writes an activity log as CSV (UTF-8, RFC 4180 quoting, one row per record in log order) with the header
/// <see cref="Header"/>; <see cref="CsvMapping.Canonical"/> reads it back. Times are ISO 8601 with the source's offset.
/// </summary>
public static class CsvActivityWriter
{
    /// <summary>The columns written, in order (they map one to one onto <see cref="CsvMapping.Fields"/>).</summary>
    public static readonly IReadOnlyList<string> Header =
        ["person_id", "household_id", "agency", "team", "worker", "kind", "subtype", "referred_to_agency", "referred_to_team", "start", "end",
         "source_system", "source_record_id", "cost", "helped", "helped_reason", "text", "activity"];

    /// <summary>Writes every record of <paramref name="log"/> (or only <paramref name="persons"/>) to <paramref name="writer"/>.</summary>
    public static void Write(ActivityLog log, TextWriter writer, IEnumerable<int>? persons = null)
    {
        writer.Write(string.Join(',', Header));
        writer.Write("\r\n");
        foreach (var p in persons ?? Enumerable.Range(0, log.PersonCount))
        {
            var (from, to) = log.RecordsOf(p);
            for (var i = from; i < to; i++)
            {
                var e = log[i];
                string?[] values =
                [
                    e.PersonId, e.HouseholdId, e.Agency, e.Team, e.Worker, e.Kind.ToString(), e.Subtype, e.ReferredToAgency, e.ReferredToTeam,
                    FlowTimestamps.Format(e.Start), e.End is { } end ? FlowTimestamps.Format(end) : null, e.SourceSystem, e.SourceRecordId,
                    e.Cost?.ToString(CultureInfo.InvariantCulture), e.Helped is { } h ? (h ? "yes" : "no") : null, e.HelpedReason, e.Text, e.Activity,
                ];
                for (var c = 0; c < values.Length; c++)
                {
                    if (c > 0)
                    {
                        writer.Write(',');
                    }
                    writer.Write(Quote(values[c]));
                }
                writer.Write("\r\n");
            }
        }
    }

    /// <summary>Quotes a value when it holds a comma, quote or line break (doubling quotes), after <see cref="CsvFormula.Neutralise"/>.</summary>
    public static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        value = CsvFormula.Neutralise(value);
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var ch in value)
        {
            sb.Append(ch == '"' ? "\"\"" : ch.ToString());
        }
        return sb.Append('"').ToString();
    }
}
