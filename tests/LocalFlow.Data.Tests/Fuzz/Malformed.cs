using System.IO.Compression;
using System.Text;
using CsCheck;

namespace LocalFlow.Data.Tests.Fuzz;

/// <summary>
/// Generators of files an importer must refuse cleanly: mutations of a valid file (bit flips, deletions, duplications,
/// truncation, hostile tokens spliced in), random bytes, and hostile whole files for each format (entity bombs,
/// external entities, deep nesting, JSON of the wrong types, compression bombs).
/// </summary>
internal static class Malformed
{
    /// <summary>Bytes that break readers: quotes, NULs, control characters, invalid UTF-8, BOMs, line ends, markup, JSON, bad dates and numbers.</summary>
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "\"", "\"\"", "\0", "\r", "\n", "\r\n", "\n\r", ",", ";", "\t", "\u0001", "\u001b[31m", "\u007f", "\u0085", "\u2028", "\uFEFF",
            "<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#xD800;", "&#x110000;", "&undefined;", "]]>", "<![CDATA[", "<!--", "-->", "<?xml version=\"1.0\"?>",
            "<!DOCTYPE log [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "<trace>", "<event>", "</trace>", "</event>", "<string key=\"concept:name\" value=\"",
            "{", "}", "[", "]", ":", "null", "true", "\"events\":", "\"objects\":", "\"time\":", "{\"id\":1}",
            "1e999", "-1", "-0", "NaN", "Infinity", "99999999999999999999999", "0x1F", "£", "1,000.00", "1.000,00",
            "0001-01-01", "0000-00-00", "9999-12-31T23:59:59Z", "2026-03-29 01:30", "2026-02-30", "2026-13-01", "24:00", "+99:99", "Z",
            "2025-06-01T22:15:00+25:00", "31/12/2025", "yesterday",
            "=cmd|' /C calc'!A0", "@SUM(1+1)", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "e\u0301", "\uD7FF",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0x80], [0xEF, 0xBB, 0xBF],
        [0x1F, 0x8B],
    ];

    /// <summary>A field longer than the readers' 64 KB limit.</summary>
    private static readonly byte[] HugeField = Encoding.ASCII.GetBytes(new string('a', 70 * 1024));

    private static readonly Gen<(int Kind, double At, int Length, int Token)> Mutation =
        Gen.Select(Gen.Int[0, 20], Gen.Double.Unit, Gen.Int[1, 80], Gen.Int[0, Tokens.Length - 1]);

    /// <summary>A valid file with one to eight mutations.</summary>
    public static Gen<byte[]> Mutated(byte[] valid) => Mutation.Array[1, 8].Select(ops => Apply(valid, ops));

    /// <summary>Random bytes, or random text made of the hostile tokens.</summary>
    public static readonly Gen<byte[]> Noise = Gen.OneOf(
        Gen.Byte.Array[0, 2000],
        Gen.Int[0, Tokens.Length - 1].Array[0, 200].Select(ts => ts.SelectMany(t => Tokens[t]).ToArray()));

    /// <summary>Mutations of <paramref name="valid"/> mostly, random bytes sometimes, and now and then one of <paramref name="hostile"/>.</summary>
    public static Gen<byte[]> Files(byte[] valid, params byte[][] hostile) => hostile.Length == 0
        ? Gen.Frequency((12, Mutated(valid)), (3, Noise))
        : Gen.Frequency((12, Mutated(valid)), (3, Noise), (1, Gen.Int[0, hostile.Length - 1].Select(i => hostile[i])));

    private static byte[] Apply(byte[] valid, (int Kind, double At, int Length, int Token)[] ops)
    {
        var bytes = new List<byte>(valid);
        foreach (var (kind, at, length, token) in ops)
        {
            var pos = (int)(at * bytes.Count);
            var len = Math.Min(length, bytes.Count - pos);
            switch (kind)
            {
                case 0 or 1 when pos < bytes.Count:
                    bytes[pos] ^= (byte)(1 << (length % 8)); // flip a bit
                    break;
                case 2 or 3:
                    bytes.RemoveRange(pos, len); // delete a run
                    break;
                case 4 or 5:
                    bytes.InsertRange(pos, bytes.GetRange(pos, len)); // duplicate a run
                    break;
                case 6 or 7 or 8 or 9 or 10 or 11:
                    bytes.InsertRange(pos, Tokens[token]); // splice in a hostile token
                    break;
                case 12 or 13:
                    bytes.RemoveRange(pos, len);
                    bytes.InsertRange(pos, Tokens[token]); // replace a run with a token
                    break;
                case 14:
                    bytes.RemoveRange(pos, bytes.Count - pos); // truncate
                    break;
                case 15:
                    var lines = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(length % 2 == 0 ? "\r\n" : "\n", length)));
                    bytes.InsertRange(pos, lines); // mixed line ends, blank lines
                    break;
                case 16 when bytes.Count > 0:
                    var line = bytes.FindLastIndex(Math.Max(0, Math.Min(pos, bytes.Count - 1)), b => b == (byte)'\n');
                    var end = bytes.FindIndex(pos, b => b == (byte)'\n');
                    if (end > line)
                    {
                        var copy = bytes.GetRange(line + 1, end - line); // duplicate a whole line (a repeated id, a second header)
                        for (var i = 0; i < 1 + (length % 3); i++)
                        {
                            bytes.InsertRange(end + 1, copy);
                        }
                    }
                    break;
                case 17 when length > 70:
                    bytes.InsertRange(pos, HugeField); // a field over the limit
                    break;
                default:
                    var random = new Random(token * 7919 + length);
                    var noise = new byte[length];
                    random.NextBytes(noise);
                    bytes.InsertRange(pos, noise);
                    break;
            }
        }
        return [.. bytes];
    }

    /// <summary>Hostile XML: entity bombs, external entities, deep nesting, unclosed elements, a huge attribute.</summary>
    public static byte[][] HostileXml() =>
    [
        Encoding.UTF8.GetBytes("""
            <?xml version="1.0"?>
            <!DOCTYPE log [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
            <log><trace><string key="concept:name" value="&h;"/></trace></log>
            """),
        Encoding.UTF8.GetBytes("""
            <?xml version="1.0"?>
            <!DOCTYPE log [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <log><trace><string key="concept:name" value="&secret;"/></trace></log>
            """),
        Encoding.UTF8.GetBytes("""<log><trace><string key="concept:name" value="x"/><event><string key="concept:name" value="a"/>"""),
        Encoding.UTF8.GetBytes("<log><trace>" + string.Concat(Enumerable.Repeat("<container key=\"c\">", 20_000)) + "</trace></log>"),
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<log>", 20_000))),
        Encoding.UTF8.GetBytes("<log><trace><event>" + string.Concat(Enumerable.Repeat("<list key=\"l\"><values>", 5_000)) + "</event></trace></log>"),
        Encoding.UTF8.GetBytes("<log><trace><string key=\"concept:name\" value=\"" + new string('x', 200_000) + "\"/></trace></log>"),
        Encoding.UTF8.GetBytes("<log><trace><event><date key=\"time:timestamp\" value=\"0001-01-01T00:00:00Z\"/><string key=\"concept:name\" value=\"a\"/></event></trace></log>"),
        Encoding.UTF8.GetBytes("<log><trace><event><date key=\"time:timestamp\" value=\"9999-12-31T23:59:59-14:00\"/><string key=\"concept:name\" value=\"a\"/></event></trace></log>"),
    ];

    /// <summary>Hostile JSON: deep nesting, the wrong types in every place, unclosed objects, a huge string.</summary>
    public static byte[][] HostileJson() =>
    [
        Encoding.UTF8.GetBytes(new string('[', 100_000)),
        Encoding.UTF8.GetBytes("{\"events\":[" + new string('{', 50_000)),
        Encoding.UTF8.GetBytes("{\"events\":[{\"id\":\"e\",\"type\":\"A\",\"time\":\"2020-01-01T00:00:00Z\",\"attributes\":" + string.Concat(Enumerable.Repeat("[", 1000)) + "]}]}"),
        Encoding.UTF8.GetBytes("""{"events": {"a": 1}, "objects": "none"}"""),
        Encoding.UTF8.GetBytes("""{"events": [1, "x", null, [], true, {"id": 5, "type": ["A"], "time": 12345}]}"""),
        Encoding.UTF8.GetBytes("""{"objects": [{"id": 1, "type": {}}, {"id": "p", "type": "person", "attributes": "none", "relationships": 7}], "events": [{"id": "e", "type": "A", "time": "2020-01-01T00:00:00Z", "relationships": [{"objectId": 5}], "attributes": [{"name": 1, "value": {}}]}]}"""),
        Encoding.UTF8.GetBytes("""{"objects": [{"id": "p", "type": "person"}], "events": [{"id": "e", "type": "A", "time": "0001-01-01T00:00:00Z", "relationships": [{"objectId": "p"}]}]}"""),
        Encoding.UTF8.GetBytes("""{"events": [{"id": "e", "type": "A", "time": "2020-01-01T00:00:00Z"}"""),
        Encoding.UTF8.GetBytes("{\"events\":[{\"id\":\"" + new string('x', 2_000_000) + "\"}]}"),
        Encoding.UTF8.GetBytes("[]"),
        [],
    ];

    /// <summary>A gzip file of <paramref name="before"/>, then <paramref name="unit"/> repeated to <paramref name="megabytes"/> MB, then <paramref name="after"/>: small on disk, huge unpacked.</summary>
    public static byte[] GzipBomb(string before, string unit, int megabytes, string after)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(before));
            var one = Encoding.UTF8.GetBytes(unit);
            var block = new byte[(1 << 20) / one.Length * one.Length];
            for (var at = 0; at < block.Length; at += one.Length)
            {
                one.CopyTo(block, at);
            }
            for (var i = 0; i < megabytes; i++)
            {
                gzip.Write(block);
            }
            gzip.Write(Encoding.UTF8.GetBytes(after));
        }
        return packed.ToArray();
    }
}
