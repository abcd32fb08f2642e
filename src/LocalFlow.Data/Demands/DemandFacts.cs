using System.Data.Common;
using System.Globalization;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LocalFlow.Data.Demands;

/// <summary>
/// Reads the columns the analysis needs straight from the database, in capture order, without EF's
/// per-row materialisation: at 100,000 demands the analysis page spends most of its time here. Only
/// numbers and the time received are read (no words, no personal data).
/// </summary>
internal static class DemandFacts
{
    private const string Sql = """
        SELECT received_at, front_door_id, channel, nature, failure_kind, type_id, outcome
        FROM demands
        WHERE locality_id = @locality AND study_id = @study
        ORDER BY received_at, captured_at
        """;

    public static async Task<List<DemandFact>> ReadAsync(LocalFlowDb db, int localityId, int studyId, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = Sql;
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(cmd, "@locality", localityId);
            Add(cmd, "@study", studyId);
            var facts = new List<DemandFact>();
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var textTimes = reader.GetFieldType(0) == typeof(string);
            while (await reader.ReadAsync(ct))
            {
                var received = textTimes ? ParseSqliteTime(reader.GetString(0)) : DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc);
                facts.Add(new DemandFact(
                    received,
                    reader.GetInt32(1),
                    (Channel)reader.GetInt32(2),
                    (DemandNature)reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : (FailureKind)reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5),
                    (TransactionOutcome)reader.GetInt32(6)));
            }
            return facts;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static void Add(DbCommand cmd, string name, int value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    /// <summary>
    /// Parses the text EF Core's SQLite provider writes for a DateTime ("yyyy-MM-dd HH:mm:ss" with an optional
    /// fraction of up to seven digits) by position; anything else goes through the general parser.
    /// </summary>
    internal static DateTime ParseSqliteTime(string s)
    {
        if (s.Length >= 19 && s[4] == '-' && s[7] == '-' && (s[10] == ' ' || s[10] == 'T') && s[13] == ':' && s[16] == ':'
            && (s.Length == 19 || (s[19] == '.' && s.Length <= 27)))
        {
            var ticks = 0L;
            for (int i = 20, scale = 1_000_000; i < s.Length; i++, scale /= 10)
            {
                var d = s[i] - '0';
                if (d is < 0 or > 9)
                {
                    return Fallback(s);
                }
                ticks += d * scale;
            }
            return new DateTime(Digits(s, 0, 4), Digits(s, 5, 2), Digits(s, 8, 2), Digits(s, 11, 2), Digits(s, 14, 2), Digits(s, 17, 2), DateTimeKind.Utc).AddTicks(ticks);
        }
        return Fallback(s);
    }

    private static DateTime Fallback(string s)
        => DateTime.SpecifyKind(DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);

    private static int Digits(string s, int start, int length)
    {
        var v = 0;
        for (var i = start; i < start + length; i++)
        {
            var d = s[i] - '0';
            if (d is < 0 or > 9)
            {
                throw new FormatException($"\"{s}\" is not a time LocalFlow wrote.");
            }
            v = (v * 10) + d;
        }
        return v;
    }
}
