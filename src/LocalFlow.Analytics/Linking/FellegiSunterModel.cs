using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalFlow.Analytics.Linking;

/// <summary>m- and u-probabilities of one comparison's levels.</summary>
public sealed class ComparisonParameters
{
    /// <summary>The comparison's name (must match the schema's comparison of the same position).</summary>
    public string Name { get; set; } = "";

    /// <summary>Level labels, strongest agreement first.</summary>
    public List<string> Levels { get; set; } = [];

    /// <summary>P(level | the two records are the same person), per level.</summary>
    public double[] M { get; set; } = [];

    /// <summary>P(level | the two records are different people), per level.</summary>
    public double[] U { get; set; } = [];

    /// <summary>
    /// P(level | different people of one household): u measured among pairs of records that share an address, phone or
    /// e-mail (see <see cref="ModelTraining.EstimateHouseholdU"/>). Empty when not measured: household pairs are then
    /// scored like any other.
    /// </summary>
    public double[] HouseholdU { get; set; } = [];

    /// <summary>Match weight of a level: log2(m / u), in bits.</summary>
    public double Weight(int level) => Math.Log2(M[level] / U[level]);

    /// <summary>Match weight of a level between two records of one household: log2(m / household u), in bits.</summary>
    public double HouseholdWeight(int level) => HouseholdU.Length == M.Length ? Math.Log2(M[level] / HouseholdU[level]) : Weight(level);
}

/// <summary>
/// A Fellegi–Sunter model (Fellegi &amp; Sunter 1969, "A theory for record linkage", JASA 64): for each comparison and
/// level, m = P(level | match) and u = P(level | non-match). The match weight of a pair is
/// log2(λ / (1 − λ)) + Σ log2(m/u) over the comparisons whose level is known, plus term-frequency adjustments, where λ
/// is the proportion of candidate pairs that match. Saved and loaded as JSON.
/// </summary>
public sealed class FellegiSunterModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>Which schema the model was trained for ("clear" or "bloom").</summary>
    public string Schema { get; set; } = "clear";

    /// <summary>λ: the estimated share of candidate pairs that are matches.</summary>
    public double Lambda { get; set; }

    /// <summary>Pairs with a weight at or above this are linked (subject to the single-weak-field guard).</summary>
    public double LinkThreshold { get; set; } = LinkageOptions.DefaultLinkThreshold;

    /// <summary>Pairs with a weight at or above this but below <see cref="LinkThreshold"/> go to review.</summary>
    public double ReviewThreshold { get; set; } = LinkageOptions.DefaultReviewThreshold;

    /// <summary>EM iterations run when the model was trained.</summary>
    public int Iterations { get; set; }

    /// <summary>True when EM stopped because the parameters stopped changing (not because it hit the iteration limit).</summary>
    public bool Converged { get; set; }

    /// <summary>How many random pairs u was estimated from.</summary>
    public long RandomPairs { get; set; }

    /// <summary>The comparisons' parameters, in schema order.</summary>
    public List<ComparisonParameters> Comparisons { get; set; } = [];

    /// <summary>The prior weight log2(λ / (1 − λ)).</summary>
    public double PriorWeight => Math.Log2(Lambda / (1 - Lambda));

    /// <summary>Match probability for a total weight w: 2^w / (1 + 2^w).</summary>
    public static double Probability(double weight) => 1.0 / (1.0 + Math.Pow(2, -weight));

    /// <summary>The model as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a model written by <see cref="ToJson"/>; throws <see cref="LinkageInputException"/> with the reason when it is not a usable model.</summary>
    public static FellegiSunterModel FromJson(string json)
    {
        FellegiSunterModel? model;
        try
        {
            model = JsonSerializer.Deserialize<FellegiSunterModel>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new LinkageInputException($"The model file is not valid JSON: {ex.Message}");
        }
        if (model is null || model.Comparisons.Count == 0 || model.Lambda is <= 0 or >= 1)
        {
            throw new LinkageInputException("The model file has no comparisons or no λ between 0 and 1.");
        }
        foreach (var c in model.Comparisons)
        {
            c.HouseholdU ??= [];
            if (c.M.Length != c.Levels.Count || c.U.Length != c.Levels.Count || c.M.Any(v => v is <= 0 or > 1) || c.U.Any(v => v is <= 0 or > 1)
                || (c.HouseholdU.Length != 0 && (c.HouseholdU.Length != c.Levels.Count || c.HouseholdU.Any(v => v is <= 0 or > 1))))
            {
                throw new LinkageInputException($"The model's comparison \"{c.Name}\" needs one m and one u in (0, 1] per level.");
            }
        }
        return model;
    }

    /// <summary>Checks that the model fits a schema (same comparisons and levels, in the same order).</summary>
    public void EnsureFits(LinkageSchema schema)
    {
        if (schema.Comparisons.Count != Comparisons.Count)
        {
            throw new LinkageInputException($"The model has {Comparisons.Count} comparisons but this linkage uses {schema.Comparisons.Count}; it was trained for a different mode.");
        }
        for (var k = 0; k < Comparisons.Count; k++)
        {
            if (Comparisons[k].Name != schema.Comparisons[k].Name || Comparisons[k].Levels.Count != schema.Comparisons[k].Levels.Count)
            {
                throw new LinkageInputException($"The model's comparison {k + 1} is \"{Comparisons[k].Name}\" with {Comparisons[k].Levels.Count} levels; this linkage expects \"{schema.Comparisons[k].Name}\" with {schema.Comparisons[k].Levels.Count}.");
            }
        }
    }
}

/// <summary>Estimation of the model: u from random pairs, then m and λ by expectation–maximisation on the blocked pairs.</summary>
public static class ModelTraining
{
    private const double MinProbability = 1e-6;
    private const long SmallData = 1_000_000;
    private const double PriorCount = 100_000;
    private const double MaxHouseholdAgreement = 0.25;

    /// <summary>
    /// u-probabilities from <paramref name="sampleSize"/> pairs drawn at random (deterministic for a seed): almost all
    /// random pairs are non-matches, so the share of each level among them estimates u. Levels never seen get half a
    /// count so no u is 0. With fewer than 1,000,000 possible pairs (about 1,400 records) the comparison's typical u
    /// (<see cref="ComparisonInfo.DefaultU"/>) is blended in as 100,000 pseudo-pairs.
    /// </summary>
    public static double[][] EstimateU(LinkageSchema schema, long sampleSize, int seed, out long drawn)
    {
        var k = schema.Comparisons.Count;
        var n = schema.Count;
        var possible = (long)n * (n - 1) / 2;
        drawn = Math.Max(0, Math.Min(sampleSize, possible));
        var chunks = Math.Max(1, Math.Min(Environment.ProcessorCount * 4, (int)(drawn / 10_000) + 1));
        var perChunk = drawn / chunks;
        var totals = new long[k][];
        for (var c = 0; c < k; c++)
        {
            totals[c] = new long[schema.Comparisons[c].Levels.Count];
        }
        var gate = new object();
        var draws = drawn;
        Parallel.For(0, chunks, chunk =>
        {
            // Not HashCode.Combine: it is seeded at random in each process, which made every run draw other pairs
            // (the same data gave 691 and 855 within-household false pairs on two runs).
            var rng = new Random(unchecked((seed * 7919) ^ (chunk * 104_729) ^ 0x5BD1E995));
            var local = new long[k][];
            for (var c = 0; c < k; c++)
            {
                local[c] = new long[totals[c].Length];
            }
            Span<byte> levels = stackalloc byte[k];
            var count = chunk == chunks - 1 ? draws - (perChunk * (chunks - 1)) : perChunk;
            for (long i = 0; i < count; i++)
            {
                var a = rng.Next(n);
                var b = rng.Next(n - 1);
                if (b >= a)
                {
                    b++;
                }
                schema.Compare(a, b, levels);
                for (var c = 0; c < k; c++)
                {
                    if (levels[c] != LinkageSchema.Unknown)
                    {
                        local[c][levels[c]]++;
                    }
                }
            }
            lock (gate)
            {
                for (var c = 0; c < k; c++)
                {
                    for (var l = 0; l < local[c].Length; l++)
                    {
                        totals[c][l] += local[c][l];
                    }
                }
            }
        });
        var u = new double[k][];
        for (var c = 0; c < k; c++)
        {
            var prior = schema.Comparisons[c].DefaultU;
            if (prior is not null && possible < SmallData)
            {
                // Too few records for random pairs to estimate u (and matches are a large share of them): lean on
                // the typical values, with the data's counts added.
                var knownCount = totals[c].Sum();
                u[c] = new double[totals[c].Length];
                for (var l = 0; l < u[c].Length; l++)
                {
                    u[c][l] = (totals[c][l] + (PriorCount * prior[l])) / (knownCount + PriorCount);
                }
                continue;
            }
            var known = 0.0;
            foreach (var t in totals[c])
            {
                known += Math.Max(t, 0.5);
            }
            u[c] = new double[totals[c].Length];
            for (var l = 0; l < u[c].Length; l++)
            {
                u[c][l] = known == 0 ? 1.0 / u[c].Length : Math.Max(totals[c][l], 0.5) / known;
            }
        }
        return u;
    }

    /// <summary>
    /// u among different people of one household. Records that share an address, phone or e-mail
    /// (<see cref="LinkageSchema.HouseholdKey"/>) inside one source are nearly always different people (a source holds a
    /// person once, bar a few duplicates), so the levels of such pairs show how members of a household differ: how often
    /// they share a surname (often), a date of birth (twins), a given name (parent and child namesakes). At most
    /// <paramref name="maxPairs"/> pairs (a fixed hash share when there are more) from groups of 2–30 records; levels
    /// never seen get half a count. Null when fewer
    /// than 200 such pairs exist, when there is only one source, or when such pairs agree exactly on a given name, date
    /// of birth or id more than a quarter of the time (they are then mostly duplicates, as in a deduplication extract):
    /// the data cannot say, and household pairs are scored like any other.
    /// </summary>
    public static double[][]? EstimateHouseholdU(LinkageSchema schema, int maxPairs = 2_000_000)
    {
        var k = schema.Comparisons.Count;
        var n = schema.Count;
        var pairs = new List<long>();
        for (var c = 0; c < k; c++)
        {
            if (schema.Comparisons[c].HouseholdLevel < 0)
            {
                continue;
            }
            var keys = new ulong[n];
            var order = new int[n];
            var comparison = c;
            Parallel.For(0, n, i => keys[i] = schema.HouseholdKey(comparison, i));
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }
            Array.Sort(keys, order);
            var start = 0;
            while (start < n)
            {
                var end = start + 1;
                while (end < n && keys[end] == keys[start])
                {
                    end++;
                }
                if (keys[start] != 0 && end - start is >= 2 and <= 30)
                {
                    for (var p = start; p < end; p++)
                    {
                        for (var q = p + 1; q < end; q++)
                        {
                            var a = Math.Min(order[p], order[q]);
                            var b = Math.Max(order[p], order[q]);
                            if (schema.SourceIndex(a) == schema.SourceIndex(b))
                            {
                                pairs.Add(((long)a << 32) | (uint)b);
                            }
                        }
                    }
                }
                start = end;
            }
        }
        // A pair sharing an address and a phone was found twice: keep one (sorting, since packed pairs of nearby
        // records hash alike and would crowd a hash set).
        pairs.Sort();
        // Beyond the limit, a fixed hash share of every marker's pairs (not the first ones found, which would leave
        // the phone and e-mail pairs out).
        var step = (ulong)Math.Max(1, (pairs.Count + maxPairs - 1) / maxPairs);
        var distinct = new List<long>(Math.Min(pairs.Count, maxPairs + 1));
        for (var i = 0; i < pairs.Count; i++)
        {
            if ((i == 0 || pairs[i] != pairs[i - 1]) && ((ulong)pairs[i] * 0x9E3779B97F4A7C15UL >> 40) % step == 0)
            {
                distinct.Add(pairs[i]);
            }
        }
        if (distinct.Count < 200 || schema.Sources.Count < 2)
        {
            return null;
        }
        var vectors = ComparisonVectors.Build(schema, [.. distinct]);
        var identity = schema.Comparisons.Select((info, c) => (info, c)).Where(x => !x.info.Shared && !x.info.Weak).Select(x => x.c).ToArray();
        var u = new double[k][];
        for (var c = 0; c < k; c++)
        {
            var counts = new double[schema.Comparisons[c].Levels.Count];
            for (var i = 0; i < vectors.Count; i++)
            {
                var levels = vectors.Of(i);
                if (IsDuplicate(levels, identity))
                {
                    continue;
                }
                var level = levels[c];
                if (level != LinkageSchema.Unknown)
                {
                    counts[level]++;
                }
            }
            var known = counts.Sum(v => Math.Max(v, 0.5));
            u[c] = [.. counts.Select(v => Math.Max(v, 0.5) / known)];
            if (identity.Contains(c) && counts.Sum() >= 50 && u[c][0] > MaxHouseholdAgreement)
            {
                // Records of one source at one address agree on this as often as duplicates do: they are mostly the
                // same people entered twice (a single deduplication extract), so they cannot show how households differ.
                return null;
            }
        }
        return u;
    }

    /// <summary>
    /// A pair of one source agreeing exactly on two fields that are not shared in a household (given name and date of
    /// birth, or either and the NHS number) is taken for a duplicate record of one person (twins share a birthday but
    /// not a given name; namesakes a name but not a birthday), so it is left out of household u.
    /// </summary>
    private static bool IsDuplicate(ReadOnlySpan<byte> levels, int[] identity)
    {
        var agree = 0;
        foreach (var c in identity)
        {
            if (levels[c] == 0)
            {
                agree++;
            }
        }
        return agree >= 2;
    }

    /// <summary>
    /// Expectation–maximisation for m with u held fixed, run separately on the pairs of each blocking rule with the
    /// comparisons that rule decides left out (inside a postcode block every pair agrees on postcode, so that block
    /// cannot say how often matches agree on it). Each comparison's m is the average over the rules that estimated it,
    /// weighted by their expected matches. Then λ, the probability that two records drawn at random match, is the
    /// expected number of matches among the candidate pairs (EM on λ alone, m and u fixed) over all possible pairs.
    /// Comparison vectors are reduced to distinct patterns with counts first, so an iteration costs the number of
    /// patterns, not pairs. Unknown levels take no part in their comparison's estimate.
    /// </summary>
    /// <remarks>
    /// With <paramref name="householdU"/>, a pattern showing one household (the same address, phone or e-mail) is
    /// weighed against household members, not random people, as <see cref="PairScorer.Evaluate"/> scores it: otherwise
    /// EM takes the members of a household for matches and learns that matches often differ on date of birth and name.
    /// The shared fields such a pattern leaves out of its likelihood still count towards their m (see <see cref="Em"/>).
    /// </remarks>
    public static FellegiSunterModel Train(LinkageSchema schema, ComparisonVectors vectors, double[][] u, long randomPairs, int maxBlockSize, bool withinSources, int maxIterations = 100, double tolerance = 1e-5, int maxTrainingPairsPerRule = 1_000_000, double[][]? householdU = null)
    {
        var k = schema.Comparisons.Count;
        var household = householdU is null ? null : schema.Comparisons.ToArray();
        var initial = new double[k][];
        for (var c = 0; c < k; c++)
        {
            var init = schema.Comparisons[c].InitialM;
            var sum = init.Sum();
            initial[c] = [.. init.Select(v => v / sum)];
        }
        var mSum = new double[k][];
        var mWeight = new double[k];
        for (var c = 0; c < k; c++)
        {
            mSum[c] = new double[initial[c].Length];
        }
        var iterations = 0;
        var converged = true;
        var firstRuleMatches = -1.0;
        for (var r = 0; r < schema.BlockingRules.Count; r++)
        {
            var rulePairs = CandidatePairs.ForRule(schema, r, maxBlockSize, withinSources, maxTrainingPairsPerRule, out var share);
            if (rulePairs.Length >= 20)
            {
                var active = new bool[k];
                for (var c = 0; c < k; c++)
                {
                    active[c] = !schema.BlockedComparisons[r].Contains(c);
                }
                var patterns = ComparisonVectors.Build(schema, rulePairs).Patterns();
                var m = initial.Select(a => (double[])a.Clone()).ToArray();
                var (lambda, its, ok, known) = Em(patterns, m, u, active, 0.05, maxIterations, tolerance, updateM: true, householdU, household);
                iterations += its;
                converged &= ok;
                var expected = lambda * rulePairs.Length;
                if (r == 0)
                {
                    firstRuleMatches = expected * share;
                }
                for (var c = 0; c < k; c++)
                {
                    if (active[c] && known[c] > 0)
                    {
                        for (var l = 0; l < m[c].Length; l++)
                        {
                            mSum[c][l] += m[c][l] * expected;
                        }
                        mWeight[c] += expected;
                    }
                }
            }
        }
        var final = new double[k][];
        for (var c = 0; c < k; c++)
        {
            final[c] = mWeight[c] > 0 ? [.. mSum[c].Select(v => Math.Max(v / mWeight[c], MinProbability))] : initial[c];
            // A partial agreement is never evidence against a match beyond what plain disagreement is: keep each
            // level's m/u at least the disagreement level's (rare levels otherwise get wild weights from tiny counts).
            var last = final[c].Length - 1;
            var floor = final[c][last] / u[c][last];
            for (var l = 0; l < last; l++)
            {
                final[c][l] = Math.Min(1, Math.Max(final[c][l], u[c][l] * floor));
            }
        }
        var everyone = new bool[k];
        Array.Fill(everyone, true);
        var (lambdaBlocked, more, done, _) = Em(vectors.Patterns(), final, u, everyone, 0.05, maxIterations, tolerance, updateM: false, householdU, household);
        iterations += more;
        converged &= done;
        var n = (double)schema.Count;
        var possible = Math.Max(1, n * (n - 1) / 2);
        var lambdaAll = Math.Clamp(lambdaBlocked * vectors.Count / possible, 1e-12, 0.5);
        var fromFirstRule = MatchesFromFirstRule(schema, firstRuleMatches, final);
        if (fromFirstRule > 0)
        {
            lambdaAll = Math.Clamp(fromFirstRule / possible, 1e-12, 0.5);
        }
        var model = new FellegiSunterModel { Lambda = lambdaAll, Iterations = iterations, Converged = converged, RandomPairs = randomPairs };
        for (var c = 0; c < k; c++)
        {
            model.Comparisons.Add(new ComparisonParameters { Name = schema.Comparisons[c].Name, Levels = [.. schema.Comparisons[c].Levels], M = final[c], U = u[c], HouseholdU = householdU?[c] ?? [] });
        }
        return model;
    }

    /// <summary>
    /// All matches, from the first blocking rule's EM: the matches expected among its pairs, divided by the share of
    /// matches its key can catch (m of exact agreement on each comparison it decides, times the share of records having
    /// the key, squared). EM on λ over every candidate pair overestimates λ when big blocks hold many pairs that agree
    /// on one strong field by chance (a birthday shared across a million records), and the error grows with size; the
    /// first rule's own EM weighs those pairs with every other field. −1 when that rule had no EM.
    /// </summary>
    private static double MatchesFromFirstRule(LinkageSchema schema, double firstRuleMatches, double[][] m)
    {
        if (firstRuleMatches <= 0)
        {
            return -1;
        }
        long keyed = 0;
        for (var i = 0; i < schema.Count; i++)
        {
            if (schema.BlockingKey(0, i) != 0)
            {
                keyed++;
            }
        }
        var known = (double)keyed / Math.Max(1, schema.Count);
        var coverage = known * known;
        foreach (var c in schema.BlockedComparisons[0])
        {
            coverage *= m[c][0];
        }
        return coverage <= 0.05 ? -1 : firstRuleMatches / coverage;
    }

    /// <summary>EM on pattern counts; m is updated in place (when asked); returns λ, iterations, convergence and how much data each comparison had.</summary>
    internal static (double Lambda, int Iterations, bool Converged, double[] Known) Em(IReadOnlyList<(ulong Pattern, long Count)> patterns, double[][] m, double[][] u, bool[] active, double lambda, int maxIterations, double tolerance, bool updateM, double[][]? householdU = null, ComparisonInfo[]? householdLevel = null)
    {
        // For each pattern: which comparison stands for the household (-1: not a household pair), the others at their
        // household level add nothing and the rest are weighed against household u (as the scorer does).
        var via = new int[patterns.Count];
        for (var p = 0; p < patterns.Count; p++)
        {
            via[p] = -1;
            if (householdU is null || householdLevel is null)
            {
                continue;
            }
            var best = double.NegativeInfinity;
            for (var c = 0; c < m.Length; c++)
            {
                var level = (int)((patterns[p].Pattern >> (4 * c)) & 0xF);
                if (householdLevel[c].ShowsHousehold(level) && Math.Log2(m[c][level] / u[c][level]) > best)
                {
                    best = Math.Log2(m[c][level] / u[c][level]);
                    via[p] = c;
                }
            }
        }
        bool Skipped(int p, int c, int level) => via[p] >= 0 && c != via[p] && householdLevel![c].ShowsHousehold(level);
        double UOf(int p, int c, int level) => via[p] >= 0 && c != via[p] ? householdU![c][level] : u[c][level];
        var k = m.Length;
        var mNum = new double[k][];
        var mDen = new double[k];
        var known = new double[k];
        for (var c = 0; c < k; c++)
        {
            mNum[c] = new double[m[c].Length];
        }
        double total = 0;
        foreach (var (pattern, count) in patterns)
        {
            total += count;
            for (var c = 0; c < k; c++)
            {
                if (((pattern >> (4 * c)) & 0xF) != 0xF)
                {
                    known[c] += count;
                }
            }
        }
        var iterations = 0;
        var converged = false;
        while (iterations < maxIterations && !converged && total > 0)
        {
            iterations++;
            for (var c = 0; c < k; c++)
            {
                Array.Clear(mNum[c]);
            }
            Array.Clear(mDen);
            double matches = 0;
            for (var p = 0; p < patterns.Count; p++)
            {
                var (pattern, count) = patterns[p];
                double pm = lambda, pu = 1 - lambda;
                for (var c = 0; c < k; c++)
                {
                    var level = (int)((pattern >> (4 * c)) & 0xF);
                    if (level != 0xF && active[c] && !Skipped(p, c, level))
                    {
                        pm *= m[c][level];
                        pu *= UOf(p, c, level);
                    }
                }
                var w = pm / (pm + pu) * count;
                matches += w;
                if (!updateM)
                {
                    continue;
                }
                // Every level seen counts towards m, also a shared field that adds nothing to a household pair's
                // likelihood above: m is how often matches show the level. Leaving those out (as before) made the phone
                // rule, whose pairs all share a phone, learn that matches almost never share an address or e-mail.
                for (var c = 0; c < k; c++)
                {
                    var level = (int)((pattern >> (4 * c)) & 0xF);
                    if (level != 0xF && active[c])
                    {
                        mNum[c][level] += w;
                        mDen[c] += w;
                    }
                }
            }
            var next = Math.Clamp(matches / total, 1e-9, 1 - 1e-9);
            var change = Math.Abs(next - lambda);
            lambda = next;
            if (updateM)
            {
                for (var c = 0; c < k; c++)
                {
                    if (mDen[c] <= 0 || !active[c])
                    {
                        continue;
                    }
                    var norm = 0.0;
                    for (var l = 0; l < m[c].Length; l++)
                    {
                        norm += Math.Max(mNum[c][l] / mDen[c], MinProbability);
                    }
                    for (var l = 0; l < m[c].Length; l++)
                    {
                        var v = Math.Max(mNum[c][l] / mDen[c], MinProbability) / norm;
                        change = Math.Max(change, Math.Abs(v - m[c][l]));
                        m[c][l] = v;
                    }
                }
            }
            converged = change < tolerance;
        }
        return (lambda, iterations, converged, known);
    }
}
