namespace LocalFlow.Analytics.Linking;

/// <summary>
/// Candidate pairs from blocking rules: records sharing a rule's key are compared. Each pair is produced once, by the
/// first rule whose key the two records share, so later rules never repeat earlier rules' pairs. A block bigger than
/// the limit (a tower block's postcode, a common birthday in a large extract) is not skipped: its records are sorted by
/// the next rule's key and each is compared with the <see cref="Window"/> records after it (a sorted neighbourhood), so
/// it costs size × window pairs instead of size². When the pairs would exceed the budget, the limit and the window are
/// halved until they fit. Placeholder values (01/01/1900, ZZ99 postcodes, "NFA") never reach blocking: they are unknown.
/// What was done is in <see cref="Notes"/>; a run never stops for the size of a block.
/// </summary>
public sealed class CandidatePairs
{
    /// <summary>Default number of following records each record of an oversized block is compared with.</summary>
    public const int DefaultWindow = 20;

    internal CandidatePairs(long[] packed, int[] perRule, int[] skippedBlocks)
    {
        Packed = packed;
        PerRule = perRule;
        SkippedBlocks = skippedBlocks;
    }

    /// <summary>What blocking did about oversized blocks and the pair budget, in plain words (empty when nothing needed doing).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The sorted-neighbourhood window used in oversized blocks.</summary>
    public int Window { get; private set; } = DefaultWindow;

    /// <summary>Pairs as (a &lt;&lt; 32) | b with a &lt; b (record indexes).</summary>
    public long[] Packed { get; }

    /// <summary>How many pairs each rule produced.</summary>
    public int[] PerRule { get; }

    /// <summary>How many blocks of each rule were bigger than the limit (compared within a window instead of in full).</summary>
    public int[] SkippedBlocks { get; }

    /// <summary>How many pairs.</summary>
    public int Count => Packed.Length;

    /// <summary>Reviewer-made links between records that blocking did not pair (used by clustering only).</summary>
    internal List<long> ExtraLinks { get; } = [];

    /// <summary>The first record of pair <paramref name="i"/>.</summary>
    public int A(int i) => (int)(Packed[i] >> 32);

    /// <summary>The second record of pair <paramref name="i"/>.</summary>
    public int B(int i) => (int)(Packed[i] & 0xFFFFFFFF);

    /// <summary>Makes the candidate pairs of a schema.</summary>
    /// <param name="schema">The records.</param>
    /// <param name="maxBlockSize">Blocks with more records than this are skipped for that rule.</param>
    /// <param name="withinSources">Whether two records of the same source may be paired (finds duplicates inside a source).</param>
    /// <param name="pairBudget">At most this many candidate pairs: the block limit and window are halved until the pairs fit.</param>
    /// <param name="window">Records each record of an oversized block is compared with.</param>
    public static CandidatePairs Build(LinkageSchema schema, int maxBlockSize, bool withinSources, long pairBudget = long.MaxValue, int window = DefaultWindow)
    {
        var rules = schema.BlockingRules.Count;
        var applied = new ulong[rules][];
        var blocks = new Blocks[rules];
        var perRule = new int[rules];
        var skipped = new int[rules];
        var chunkCounts = new long[rules][];
        long total;
        var budget = Math.Min(pairBudget, int.MaxValue / 16);
        var halvings = 0;
        while (true)
        {
            for (var r = 0; r < rules; r++)
            {
                blocks[r] = MakeBlocks(schema, r, maxBlockSize, window);
                applied[r] = blocks[r].Keys;
                skipped[r] = blocks[r].Skipped;
            }
            // Two passes: count each chunk's pairs, then fill one exactly sized array (no growing lists at 50M pairs).
            total = 0;
            for (var r = 0; r < rules; r++)
            {
                var b = blocks[r];
                var counts = new long[b.ChunkCount];
                var rule = r;
                Parallel.For(0, b.ChunkCount, chunk => counts[chunk] = Emit(schema, b, rule, chunk, applied, withinSources, null, 0, 1));
                chunkCounts[r] = counts;
                perRule[r] = (int)Math.Min(int.MaxValue, counts.Sum());
                total += counts.Sum();
            }
            if (total <= budget || (maxBlockSize <= 2 && window <= 1))
            {
                break;
            }
            maxBlockSize = Math.Max(2, maxBlockSize / 2);
            window = Math.Max(1, window / 2);
            halvings++;
        }
        var notes = new List<string>();
        if (halvings > 0)
        {
            notes.Add($"The pairs went over the budget of {pairBudget:N0}: the block limit was halved {halvings} time(s), to {maxBlockSize:N0} records, and the window to {window}.");
        }
        for (var r = 0; r < rules; r++)
        {
            if (skipped[r] > 0)
            {
                notes.Add($"{schema.BlockingRules[r]}: {skipped[r]:N0} block(s) over {maxBlockSize:N0} records (largest {blocks[r].Largest:N0}) compared within a window of {window} records sorted by {schema.BlockingRules[(r + 1) % rules]}.");
            }
        }
        if (total > budget)
        {
            notes.Add($"Still {total:N0} pairs at the smallest limit: the budget of {pairBudget:N0} is too small for these records.");
        }
        var packed = new long[total];
        long offset = 0;
        for (var r = 0; r < rules; r++)
        {
            var b = blocks[r];
            var offsets = new long[b.ChunkCount];
            for (var c = 0; c < b.ChunkCount; c++)
            {
                offsets[c] = offset;
                offset += chunkCounts[r][c];
            }
            var rule = r;
            Parallel.For(0, b.ChunkCount, chunk => Emit(schema, b, rule, chunk, applied, withinSources, packed, offsets[chunk], 1));
        }
        if (skipped.Any(x => x > 0))
        {
            // An oversized block does not cover its pairs for later rules (most were never compared), so a pair may
            // come from its window and again from a later rule: keep one of each.
            Array.Sort(packed);
            var n = 0;
            for (var i = 0; i < packed.Length; i++)
            {
                if (i == 0 || packed[i] != packed[i - 1])
                {
                    packed[n++] = packed[i];
                }
            }
            Array.Resize(ref packed, n);
        }
        var result = new CandidatePairs(packed, perRule, skipped) { Window = window };
        result.Notes.AddRange(notes);
        return result;
    }

    /// <summary>
    /// The pairs of one rule's blocks, with no regard to other rules (for estimating m on that rule), thinned to about
    /// <paramref name="maxPairs"/> by keeping the pairs whose hash falls in a fixed share (deterministic).
    /// </summary>
    public static long[] ForRule(LinkageSchema schema, int rule, int maxBlockSize, bool withinSources, int maxPairs) => ForRule(schema, rule, maxBlockSize, withinSources, maxPairs, out _);

    /// <summary>As <see cref="ForRule(LinkageSchema, int, int, bool, int)"/>, with the share kept: one pair in <paramref name="step"/>.</summary>
    public static long[] ForRule(LinkageSchema schema, int rule, int maxBlockSize, bool withinSources, int maxPairs, out long step)
    {
        var b = MakeBlocks(schema, rule, maxBlockSize, DefaultWindow);
        long possible = 0;
        for (var i = 0; i < b.Starts.Count; i += 2)
        {
            long size = b.Starts[i + 1] - b.Starts[i];
            possible += b.Windowed.Contains(i / 2) ? size * DefaultWindow : size * (size - 1) / 2;
        }
        var share = Math.Max(1, (possible + maxPairs - 1) / maxPairs);
        step = share;
        var counts = new long[b.ChunkCount];
        Parallel.For(0, b.ChunkCount, chunk => counts[chunk] = Emit(schema, b, rule, chunk, null, withinSources, null, 0, share));
        var packed = new long[counts.Sum()];
        var offsets = new long[b.ChunkCount];
        long offset = 0;
        for (var c = 0; c < b.ChunkCount; c++)
        {
            offsets[c] = offset;
            offset += counts[c];
        }
        Parallel.For(0, b.ChunkCount, chunk => Emit(schema, b, rule, chunk, null, withinSources, packed, offsets[chunk], share));
        return packed;
    }

    private sealed record Blocks(ulong[] Keys, int[] Order, List<int> Starts, int Skipped, int ChunkCount, HashSet<int> Windowed, int Window, int Largest);

    private static Blocks MakeBlocks(LinkageSchema schema, int rule, int maxBlockSize, int window)
    {
        var n = schema.Count;
        var keys = new ulong[n];
        Parallel.For(0, n, i => keys[i] = schema.BlockingKey(rule, i));
        var sortedKeys = (ulong[])keys.Clone();
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        Array.Sort(sortedKeys, order);
        // Blocks: runs of equal non-zero keys.
        var starts = new List<int>();
        var windowed = new HashSet<int>();
        var largest = 0;
        var skipped = 0;
        var i0 = 0;
        while (i0 < n)
        {
            var j = i0 + 1;
            while (j < n && sortedKeys[j] == sortedKeys[i0])
            {
                j++;
            }
            if (sortedKeys[i0] != 0 && j - i0 > 1)
            {
                if (j - i0 > maxBlockSize)
                {
                    // Sorted neighbourhood: order the block by the next rule's key, compare each record with the next
                    // few; the key no longer covers the block's pairs for later rules.
                    skipped++;
                    largest = Math.Max(largest, j - i0);
                    var next = (rule + 1) % schema.BlockingRules.Count;
                    var secondary = new ulong[j - i0];
                    for (var t = i0; t < j; t++)
                    {
                        keys[order[t]] = 0;
                        secondary[t - i0] = schema.BlockingKey(next, order[t]);
                    }
                    var segment = order[i0..j];
                    Array.Sort(secondary, segment);
                    segment.CopyTo(order, i0);
                    windowed.Add(starts.Count / 2);
                    starts.Add(i0);
                    starts.Add(j);
                }
                else
                {
                    starts.Add(i0);
                    starts.Add(j);
                }
            }
            i0 = j;
        }
        var blocks = starts.Count / 2;
        return new Blocks(keys, order, starts, skipped, Math.Max(1, Math.Min(blocks, Environment.ProcessorCount * 8)), windowed, window, largest);
    }

    /// <summary>Counts (target null) or writes one chunk's pairs; returns how many.</summary>
    private static long Emit(LinkageSchema schema, Blocks b, int rule, int chunk, ulong[][]? applied, bool withinSources, long[]? target, long offset, long step)
    {
        var blocks = b.Starts.Count / 2;
        var from = (int)((long)blocks * chunk / b.ChunkCount);
        var to = (int)((long)blocks * (chunk + 1) / b.ChunkCount);
        var order = b.Order;
        long count = 0;
        for (var bIndex = from; bIndex < to; bIndex++)
        {
            var s = b.Starts[2 * bIndex];
            var e = b.Starts[(2 * bIndex) + 1];
            var windowed = b.Windowed.Contains(bIndex);
            for (var p = s; p < e; p++)
            {
                var last = windowed ? Math.Min(e, p + 1 + b.Window) : e;
                for (var q = p + 1; q < last; q++)
                {
                    var a = Math.Min(order[p], order[q]);
                    var c = Math.Max(order[p], order[q]);
                    if (!withinSources && schema.SourceIndex(a) == schema.SourceIndex(c))
                    {
                        continue;
                    }
                    var pair = ((long)a << 32) | (uint)c;
                    if (step > 1 && Mix((ulong)pair) % (ulong)step != 0)
                    {
                        continue;
                    }
                    if (applied is not null && CoveredEarlier(applied, rule, a, c))
                    {
                        continue;
                    }
                    if (target is not null)
                    {
                        target[offset + count] = pair;
                    }
                    count++;
                }
            }
        }
        return count;
    }

    private static bool CoveredEarlier(ulong[][] applied, int rule, int a, int b)
    {
        for (var r = 0; r < rule; r++)
        {
            var ka = applied[r][a];
            if (ka != 0 && ka == applied[r][b])
            {
                return true;
            }
        }
        return false;
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        return x;
    }
}

/// <summary>The comparison levels of every candidate pair, one byte per comparison (<see cref="LinkageSchema.Unknown"/> when unknown).</summary>
public sealed class ComparisonVectors
{
    /// <summary>Comparisons per pair.</summary>
    public int Width { get; }

    /// <summary>Levels, pair after pair.</summary>
    public byte[] Levels { get; }

    /// <summary>How many pairs.</summary>
    public int Count => Width == 0 ? 0 : Levels.Length / Width;

    private ComparisonVectors(int width, byte[] levels)
    {
        Width = width;
        Levels = levels;
    }

    /// <summary>The levels of pair <paramref name="i"/>.</summary>
    public ReadOnlySpan<byte> Of(int i) => Levels.AsSpan(i * Width, Width);

    /// <summary>Compares every candidate pair (in parallel).</summary>
    public static ComparisonVectors Build(LinkageSchema schema, CandidatePairs pairs) => Build(schema, pairs.Packed);

    /// <summary>Compares pairs given as (a &lt;&lt; 32) | b (in parallel), reporting the fraction done as chunks finish.</summary>
    public static ComparisonVectors Build(LinkageSchema schema, long[] packed, IProgress<LinkageProgress>? progress = null)
    {
        var k = schema.Comparisons.Count;
        var count = packed.Length;
        var levels = new byte[(long)count * k];
        var chunks = Math.Max(1, Math.Min(count / 4096, Environment.ProcessorCount * 16));
        var done = 0;
        Parallel.For(0, chunks, chunk =>
        {
            var from = (int)((long)count * chunk / chunks);
            var to = (int)((long)count * (chunk + 1) / chunks);
            for (var i = from; i < to; i++)
            {
                schema.Compare((int)(packed[i] >> 32), (int)(packed[i] & 0xFFFFFFFF), levels.AsSpan(i * k, k));
            }
            if (progress is not null)
            {
                progress.Report(new LinkageProgress("comparing", (double)Interlocked.Increment(ref done) / chunks));
            }
        });
        return new ComparisonVectors(k, levels);
    }

    /// <summary>Packs a level vector into 4 bits per comparison (15 = unknown); at most 16 comparisons.</summary>
    public static ulong Pack(ReadOnlySpan<byte> levels)
    {
        ulong key = 0;
        for (var c = 0; c < levels.Length; c++)
        {
            key |= (ulong)(levels[c] == LinkageSchema.Unknown ? 0xF : levels[c] & 0xF) << (4 * c);
        }
        return key;
    }

    /// <summary>The distinct level patterns with how many pairs have each.</summary>
    public IReadOnlyList<(ulong Pattern, long Count)> Patterns() => Patterns(0, Count);

    /// <summary>The distinct level patterns of pairs [<paramref name="start"/>, <paramref name="end"/>) with how many pairs have each.</summary>
    public IReadOnlyList<(ulong Pattern, long Count)> Patterns(int start, int end)
    {
        var merged = new Dictionary<ulong, long>();
        var gate = new object();
        var span = end - start;
        var chunks = Math.Max(1, Math.Min(span / 65536, Environment.ProcessorCount * 4));
        Parallel.For(0, chunks, chunk =>
        {
            var local = new Dictionary<ulong, long>();
            var from = start + (int)((long)span * chunk / chunks);
            var to = start + (int)((long)span * (chunk + 1) / chunks);
            for (var i = from; i < to; i++)
            {
                var key = Pack(Of(i));
                local[key] = local.GetValueOrDefault(key) + 1;
            }
            lock (gate)
            {
                foreach (var (key, count) in local)
                {
                    merged[key] = merged.GetValueOrDefault(key) + count;
                }
            }
        });
        return [.. merged.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value))];
    }
}
