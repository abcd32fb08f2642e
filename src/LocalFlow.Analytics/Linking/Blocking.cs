namespace LocalFlow.Analytics.Linking;

/// <summary>
/// Candidate pairs from blocking rules: records sharing a rule's key are compared. Each pair is produced once, by the
/// first rule whose key the two records share, so later rules never repeat earlier rules' pairs (no sort or hash set
/// is needed to remove duplicates). Blocks bigger than the limit are skipped for that rule (the other rules still apply).
/// </summary>
public sealed class CandidatePairs
{
    internal CandidatePairs(long[] packed, int[] perRule, int[] skippedBlocks)
    {
        Packed = packed;
        PerRule = perRule;
        SkippedBlocks = skippedBlocks;
    }

    /// <summary>Pairs as (a &lt;&lt; 32) | b with a &lt; b (record indexes).</summary>
    public long[] Packed { get; }

    /// <summary>How many pairs each rule produced.</summary>
    public int[] PerRule { get; }

    /// <summary>How many blocks each rule skipped for being bigger than the limit.</summary>
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
    public static CandidatePairs Build(LinkageSchema schema, int maxBlockSize, bool withinSources)
    {
        var n = schema.Count;
        var rules = schema.BlockingRules.Count;
        var applied = new ulong[rules][];
        var perRule = new int[rules];
        var skipped = new int[rules];
        var all = new List<long[]>();
        for (var r = 0; r < rules; r++)
        {
            var (keys, chunks, skippedBlocks) = RulePairs(schema, r, applied, maxBlockSize, withinSources);
            applied[r] = keys;
            skipped[r] = skippedBlocks;
            foreach (var chunk in chunks)
            {
                perRule[r] += chunk.Length;
                all.Add(chunk);
            }
        }
        var total = 0L;
        foreach (var c in all)
        {
            total += c.Length;
        }
        var packed = new long[total];
        var at = 0;
        foreach (var c in all)
        {
            c.CopyTo(packed, at);
            at += c.Length;
        }
        return new CandidatePairs(packed, perRule, skipped);
    }

    /// <summary>
    /// Every pair of one rule's blocks, with no regard to other rules (for estimating m on that rule), thinned to at most
    /// <paramref name="maxPairs"/> by taking every k-th pair.
    /// </summary>
    public static long[] ForRule(LinkageSchema schema, int rule, int maxBlockSize, bool withinSources, int maxPairs)
    {
        var (_, chunks, _) = RulePairs(schema, rule, null, maxBlockSize, withinSources);
        var total = chunks.Sum(c => (long)c.Length);
        var step = Math.Max(1, (total + maxPairs - 1) / maxPairs);
        var list = new List<long>((int)Math.Min(total, maxPairs));
        long i = 0;
        foreach (var chunk in chunks)
        {
            foreach (var p in chunk)
            {
                if (i++ % step == 0)
                {
                    list.Add(p);
                }
            }
        }
        return [.. list];
    }

    private static (ulong[] Keys, long[][] Chunks, int Skipped) RulePairs(LinkageSchema schema, int rule, ulong[]?[]? applied, int maxBlockSize, bool withinSources)
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
                    skipped++;
                    for (var t = i0; t < j; t++)
                    {
                        keys[order[t]] = 0;
                    }
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
        var chunkCount = Math.Max(1, Math.Min(blocks, Environment.ProcessorCount * 8));
        var results = new long[chunkCount][];
        Parallel.For(0, chunkCount, chunk =>
        {
            var local = new List<long>();
            var from = (int)((long)blocks * chunk / chunkCount);
            var to = (int)((long)blocks * (chunk + 1) / chunkCount);
            for (var bIndex = from; bIndex < to; bIndex++)
            {
                var s = starts[2 * bIndex];
                var e = starts[(2 * bIndex) + 1];
                for (var p = s; p < e; p++)
                {
                    for (var q = p + 1; q < e; q++)
                    {
                        var a = Math.Min(order[p], order[q]);
                        var b = Math.Max(order[p], order[q]);
                        if (!withinSources && schema.SourceIndex(a) == schema.SourceIndex(b))
                        {
                            continue;
                        }
                        var earlier = false;
                        if (applied is not null)
                        {
                            for (var e2 = 0; e2 < rule; e2++)
                            {
                                var ka = applied[e2]![a];
                                if (ka != 0 && ka == applied[e2]![b])
                                {
                                    earlier = true;
                                    break;
                                }
                            }
                        }
                        if (!earlier)
                        {
                            local.Add(((long)a << 32) | (uint)b);
                        }
                    }
                }
            }
            results[chunk] = [.. local];
        });
        return (keys, results, skipped);
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

    /// <summary>Compares pairs given as (a &lt;&lt; 32) | b (in parallel).</summary>
    public static ComparisonVectors Build(LinkageSchema schema, long[] packed)
    {
        var k = schema.Comparisons.Count;
        var count = packed.Length;
        var levels = new byte[(long)count * k];
        var chunks = Math.Max(1, Math.Min(count / 4096, Environment.ProcessorCount * 16));
        Parallel.For(0, chunks, chunk =>
        {
            var from = (int)((long)count * chunk / chunks);
            var to = (int)((long)count * (chunk + 1) / chunks);
            for (var i = from; i < to; i++)
            {
                schema.Compare((int)(packed[i] >> 32), (int)(packed[i] & 0xFFFFFFFF), levels.AsSpan(i * k, k));
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
