using System.Globalization;

namespace LocalFlow.Analytics.Linking.Privacy;

/// <summary>
/// The file an agency sends in privacy-preserving mode: one row per record with its source, its id, each field's
/// Bloom filter in base64 and each blocking key in hexadecimal. No clear-text identifier is in it.
/// </summary>
public static class EncodedCsv
{
    /// <summary>Writes encoded records (header: source, record_id, one column per field, one per blocking key).</summary>
    public static void Write(TextWriter writer, IEnumerable<EncodedRecord> records)
    {
        var header = new List<string> { "source", "record_id" };
        header.AddRange(BloomEncoder.Fields.Select(f => "bf_" + f.Replace(' ', '_')));
        header.AddRange(Enumerable.Range(0, BloomSchema.RuleNames.Count).Select(i => "block_" + i.ToString(CultureInfo.InvariantCulture)));
        LinkCsv.WriteRow(writer, [.. header]);
        var bytes = new byte[BloomEncoder.Words * 8];
        foreach (var r in records)
        {
            var row = new string?[header.Count];
            row[0] = r.Source;
            row[1] = r.RecordId;
            for (var f = 0; f < BloomEncoder.Fields.Count; f++)
            {
                Buffer.BlockCopy(r.Filters, f * BloomEncoder.Words * 8, bytes, 0, bytes.Length);
                row[2 + f] = Convert.ToBase64String(bytes);
            }
            for (var k = 0; k < r.BlockKeys.Length; k++)
            {
                row[2 + BloomEncoder.Fields.Count + k] = r.BlockKeys[k].ToString("x16", CultureInfo.InvariantCulture);
            }
            LinkCsv.WriteRow(writer, row);
        }
    }

    /// <summary>
    /// Reads a file written by <see cref="Write"/>; throws <see cref="LinkageInputException"/> naming the line when a row is
    /// not an encoding. Files encoded before the phone and e-mail blocking keys were added (five keys) are read with
    /// those keys missing.
    /// </summary>
    public static IReadOnlyList<EncodedRecord> Read(TextReader reader)
    {
        var rows = LinkCsv.ReadRows(reader).GetEnumerator();
        var expected = 2 + BloomEncoder.Fields.Count + BloomSchema.RuleNames.Count;
        const int OlderKeys = 5;
        if (!rows.MoveNext() || rows.Current.Length < 1 || rows.Current[0] != "source" || (rows.Current.Length != expected && rows.Current.Length != expected - BloomSchema.RuleNames.Count + OlderKeys))
        {
            throw new LinkageInputException($"Not an encoded extract: expected a header of {expected} columns starting with \"source\".");
        }
        expected = rows.Current.Length;
        var keyColumns = expected - 2 - BloomEncoder.Fields.Count;
        var list = new List<EncodedRecord>();
        var line = 1;
        var bytes = new byte[BloomEncoder.Words * 8];
        while (rows.MoveNext())
        {
            line++;
            var row = rows.Current;
            if (row.Length != expected)
            {
                throw new LinkageInputException($"Encoded extract, line {line}: {row.Length} columns where {expected} are expected.");
            }
            var filters = new ulong[BloomEncoder.Fields.Count * BloomEncoder.Words];
            for (var f = 0; f < BloomEncoder.Fields.Count; f++)
            {
                if (!Convert.TryFromBase64String(row[2 + f], bytes, out var written) || written != bytes.Length)
                {
                    throw new LinkageInputException($"Encoded extract, line {line}: field {BloomEncoder.Fields[f]} is not a {BloomEncoder.Bits}-bit filter.");
                }
                Buffer.BlockCopy(bytes, 0, filters, f * bytes.Length, bytes.Length);
            }
            var keys = new ulong[BloomSchema.RuleNames.Count];
            for (var k = 0; k < keyColumns; k++)
            {
                if (!ulong.TryParse(row[2 + BloomEncoder.Fields.Count + k], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out keys[k]))
                {
                    throw new LinkageInputException($"Encoded extract, line {line}: blocking key {k} is not hexadecimal.");
                }
            }
            list.Add(new EncodedRecord(row[0], row[1], filters, keys));
        }
        return list;
    }
}
