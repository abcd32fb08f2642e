using System.Numerics;

namespace LocalFlow.Analytics.Linking.Privacy;

/// <summary>
/// Encoded records prepared for linkage on their Bloom filters alone: each field is compared by the Dice coefficient of
/// its filters, cut into levels; blocking uses the agencies' keyed hashes. The Fellegi–Sunter engine is the same as in
/// clear text.
/// </summary>
public sealed class BloomSchema : LinkageSchema
{
    /// <summary>The blocking rules (keys made by <see cref="BloomEncoder"/>).</summary>
    public static readonly IReadOnlyList<string> RuleNames = ["keyed date of birth", "keyed surname sound + birth year", "keyed postcode + given initial", "keyed NHS number", "keyed other id", "keyed phone", "keyed email"];

    private static readonly double[][] Cuts = [[0.95, 0.80, 0.60, 0.40], [0.95, 0.80, 0.60], [0.99, 0.70, 0.40], [0.95, 0.70, 0.45], [0.99], [0.99, 0.70], [0.99, 0.70], [0.99, 0.85], [0.99, 0.70]];

    private static readonly ComparisonInfo[] Defs = BuildDefs();

    private readonly IReadOnlyList<EncodedRecord> _records;
    private readonly string[] _sources;
    private readonly int[] _sourceIndex;
    private readonly ulong[] _termKeys;

    /// <summary>Prepares encoded records from one or more agencies.</summary>
    public BloomSchema(IReadOnlyList<EncodedRecord> records)
    {
        _records = records;
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        _sourceIndex = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            if (!map.TryGetValue(records[i].Source, out var s))
            {
                map[records[i].Source] = s = map.Count;
            }
            _sourceIndex[i] = s;
        }
        _sources = [.. map.OrderBy(kv => kv.Value).Select(kv => kv.Key)];
        _termKeys = new ulong[records.Count * 3];
        Parallel.For(0, records.Count, i =>
        {
            for (var f = 0; f < 3; f++)
            {
                var field = f == 2 ? 3 : f;
                var span = records[i].Filters.AsSpan(field * BloomEncoder.Words, BloomEncoder.Words);
                ulong h = 0;
                foreach (var w in span)
                {
                    h = (h * 0x9E3779B97F4A7C15UL) ^ w;
                }
                _termKeys[(i * 3) + f] = h;
            }
        });
        var usable = new bool[_sources.Length];
        for (var i = 0; i < records.Count; i++)
        {
            if (!Empty(i, 1) || !Empty(i, 2) || !Empty(i, 5) || !Empty(i, 8))
            {
                usable[_sourceIndex[i]] = true;
            }
        }
        for (var s = 0; s < usable.Length; s++)
        {
            if (!usable[s])
            {
                throw new LinkageInputException($"Source \"{_sources[s]}\" has no usable identifier: none of its encoded rows has a surname, date of birth, NHS number or other id filter.");
            }
        }
    }

    private static ComparisonInfo[] BuildDefs()
    {
        var defs = new ComparisonInfo[BloomEncoder.Fields.Count];
        for (var f = 0; f < defs.Length; f++)
        {
            var cuts = Cuts[f];
            var levels = cuts.Select((c, i) => i == 0 ? $"Dice ≥ {c:0.00}" : $"Dice ≥ {c:0.00}").Append("different").ToArray();
            var m = Enumerable.Range(0, levels.Length).Select(i => i == 0 ? 0.8 : 0.2 / levels.Length).ToArray();
            defs[f] = new ComparisonInfo(BloomEncoder.Fields[f], levels, f is 0 or 1 or 3 ? 0 : -1, m, Weak: f == 4, Shared: f is 1 or 3 or 6 or 7, HouseholdLevel: f is 3 or 6 or 7 ? 0 : -1, TellsApart: f is 0 or 2);
        }
        return defs;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ComparisonInfo> Comparisons => Defs;

    /// <inheritdoc/>
    public override IReadOnlyList<string> BlockingRules => RuleNames;

    /// <inheritdoc/>
    public override int DateOfBirthRules => 2;

    /// <inheritdoc/>
    public override IReadOnlyList<int[]> BlockedComparisons { get; } = [[2], [1, 2], [3, 0], [5], [8], [6], [7]];

    /// <inheritdoc/>
    public override int Count => _records.Count;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Sources => _sources;

    /// <inheritdoc/>
    public override IReadOnlyList<RecordIssue> Issues => [];

    /// <inheritdoc/>
    public override int SourceIndex(int record) => _sourceIndex[record];

    /// <inheritdoc/>
    public override string RecordId(int record) => _records[record].RecordId;

    /// <inheritdoc/>
    public override ulong BlockingKey(int rule, int record) => _records[record].BlockKeys[rule];

    /// <inheritdoc/>
    public override ulong HouseholdKey(int comparison, int record)
    {
        if (comparison is not (3 or 6 or 7) || Empty(record, comparison))
        {
            return 0;
        }
        // The same address, phone or e-mail gives the same filter: its words' hash is the key.
        ulong h = 0x9E3779B97F4A7C15UL * (ulong)(comparison + 1);
        foreach (var w in _records[record].Filters.AsSpan(comparison * BloomEncoder.Words, BloomEncoder.Words))
        {
            h = (h * 0x9E3779B97F4A7C15UL) ^ w;
        }
        return h == 0 ? 1 : h;
    }

    /// <summary>
    /// As in clear text: the NHS numbers' filters clearly different (Dice below the lowest cut) cannot link; unless the
    /// NHS number or other id agrees, neither can a given name clearly different within one family (surname filters
    /// agreeing) with the same or a clearly different date of birth.
    /// </summary>
    public override string? CannotLinkReason(ReadOnlySpan<byte> levels)
    {
        if (levels[5] == Cuts[5].Length)
        {
            return "two different NHS numbers";
        }
        if (IdentifierAgrees(levels))
        {
            return null;
        }
        var family = levels[1] < Cuts[1].Length;
        return family && GivenDifferent(levels[0]) && levels[2] == Cuts[2].Length ? "same family, a different given name and a clearly different date of birth" : null;
    }

    /// <summary>
    /// Also, unless the NHS number or other id agrees, two records of <b>one source</b>, one household and family, with
    /// the same date-of-birth filter and given-name filters below Dice 0.40 cannot link: twins each known to that agency.
    /// A filter cannot tell a twin's name from a nickname, but one agency rarely holds one person twice under two names
    /// (at 100,000 hard records 121 such pairs of the same sex were twins and 80 one person).
    /// </summary>
    public override string? CannotLinkReason(int a, int b, ReadOnlySpan<byte> levels)
    {
        var reason = CannotLinkReason(levels);
        if (reason is not null || IdentifierAgrees(levels))
        {
            return reason;
        }
        var household = levels[3] == 0 || levels[6] == 0 || levels[7] == 0;
        return household && levels[1] < Cuts[1].Length && levels[2] == 0 && levels[0] == Cuts[0].Length && _sourceIndex[a] == _sourceIndex[b]
            ? "one source, household and birthday, clearly different given names (twins)" : null;
    }

    /// <summary>
    /// Pairs the model over-counts in Bloom mode go to review instead of being linked, whatever their weight, unless an
    /// NHS number or other id agrees:
    /// <list type="bullet">
    /// <item>surname filters clearly different (Dice below the lowest cut) and no address, phone or e-mail shared: the
    /// pair rests on given name and date of birth, which strangers of one generation share far more often than random
    /// pairs do (names follow the birth year and sex), so the model, taking the fields as independent, over-counts them;</item>
    /// <item>one household (same address, phone or e-mail) and family, the same given name and date-of-birth filters
    /// clearly different: a father and son of one name (13,270 such pairs between 0 and 4 bits on a million hard
    /// records, 385 of them one person);</item>
    /// <item>one household and family, given-name filters clearly different and no date of birth to say otherwise
    /// (11,131 pairs there, 1,596 one person). Clear text holds such pairs apart by cannot-link rules; in a filter a
    /// clearly different date can be a typo and a clearly different name a nickname, so here they are only reviewed.</item>
    /// </list>
    /// </summary>
    public override bool ReviewOnly(ReadOnlySpan<byte> levels)
    {
        if (IdentifierAgrees(levels))
        {
            return false;
        }
        var household = levels[3] == 0 || levels[6] == 0 || levels[7] == 0;
        var family = levels[1] < Cuts[1].Length;
        return !household ? levels[1] == Cuts[1].Length
            : family && ((levels[0] == 0 && levels[2] == Cuts[2].Length) || (GivenDifferent(levels[0]) && levels[2] == Unknown));
    }

    /// <summary>Given-name filters clearly different: Dice below 0.60 (the last two levels).</summary>
    private static bool GivenDifferent(byte level) => level is 3 or 4;

    /// <inheritdoc/>
    public override bool IdentifierAgrees(ReadOnlySpan<byte> levels) => levels[5] < Cuts[5].Length || levels[8] < Cuts[8].Length;

    /// <inheritdoc/>
    public override ulong TermKey(int comparison, int record) => comparison switch
    {
        0 => Empty(record, 0) ? 0 : _termKeys[record * 3],
        1 => Empty(record, 1) ? 0 : _termKeys[(record * 3) + 1],
        3 => Empty(record, 3) ? 0 : _termKeys[(record * 3) + 2],
        _ => 0,
    };

    /// <inheritdoc/>
    public override string Display(int comparison, int record)
    {
        var span = _records[record].Filters.AsSpan(comparison * BloomEncoder.Words, BloomEncoder.Words);
        var bits = 0;
        foreach (var w in span)
        {
            bits += BitOperations.PopCount(w);
        }
        return bits == 0 ? "" : $"{bits} bits set";
    }

    /// <inheritdoc/>
    public override void Compare(int a, int b, Span<byte> levels)
    {
        var fa = _records[a].Filters;
        var fb = _records[b].Filters;
        for (var f = 0; f < Defs.Length; f++)
        {
            var x = fa.AsSpan(f * BloomEncoder.Words, BloomEncoder.Words);
            var y = fb.AsSpan(f * BloomEncoder.Words, BloomEncoder.Words);
            var both = 0;
            var ca = 0;
            var cb = 0;
            for (var i = 0; i < x.Length; i++)
            {
                both += BitOperations.PopCount(x[i] & y[i]);
                ca += BitOperations.PopCount(x[i]);
                cb += BitOperations.PopCount(y[i]);
            }
            if (ca == 0 || cb == 0)
            {
                levels[f] = Unknown;
                continue;
            }
            var dice = 2.0 * both / (ca + cb);
            var cuts = Cuts[f];
            var level = cuts.Length;
            for (var c = 0; c < cuts.Length; c++)
            {
                if (dice >= cuts[c])
                {
                    level = c;
                    break;
                }
            }
            levels[f] = (byte)level;
        }
    }

    private bool Empty(int record, int field)
    {
        foreach (var w in _records[record].Filters.AsSpan(field * BloomEncoder.Words, BloomEncoder.Words))
        {
            if (w != 0)
            {
                return false;
            }
        }
        return true;
    }
}
