namespace LocalFlow.Analytics.Linking;

/// <summary>Pairs whose weight falls in [From, To).</summary>
/// <param name="From">Lower edge (bits), inclusive.</param>
/// <param name="To">Upper edge (bits), exclusive.</param>
/// <param name="Pairs">How many candidate pairs.</param>
/// <param name="ExpectedMatches">Σ match probability of those pairs (the model's estimate of how many are matches).</param>
public readonly record struct WeightBand(double From, double To, long Pairs, double ExpectedMatches);

/// <summary>
/// The quality of a run as the model itself sees it (no truth needed): pairs per weight band, decisions, and the
/// estimated precision and recall at the link threshold. With p(w) = 2^w/(1+2^w) the match probability of each
/// candidate pair: precision ≈ Σ_{w≥t} p / #(w≥t) and recall ≈ Σ_{w≥t} p / (Σ p + the matches blocking never paired,
/// <see cref="MissedByBlocking"/>). The estimate is only as good as the model's probabilities:
/// <see cref="EstimateKnown"/> is false, with the reason in <see cref="EstimateCaveat"/>, when the model cannot vouch for
/// them (EM did not converge; too few expected matches to say; several sources sharing addresses, phones or e-mails but
/// no household u, so household members may pass for matches; or the estimate moves by more than 0.02 when read so
/// that a source holds a person once, <see cref="OncePerSource"/>). Checked against the truth in HardAccuracyTests and
/// QualityEstimateTests.
/// </summary>
public sealed record QualityReport(
    int Records,
    int Sources,
    long CandidatePairs,
    IReadOnlyList<WeightBand> Bands,
    long Links,
    long Reviews,
    long NonLinks,
    long DecidedLinks,
    long DecidedNonLinks,
    double LinkThreshold,
    double ReviewThreshold,
    double EstimatedPrecision,
    double EstimatedRecall,
    int People,
    int PeopleInSeveralRecords,
    int FlaggedClusters,
    int FlaggedComponents,
    int EmIterations,
    bool EmConverged,
    int Issues,
    bool EstimateKnown = true,
    string EstimateCaveat = "")
{
    /// <summary>The run measured against a known truth (synthetic data, a clerically reviewed sample); null when no truth was given.</summary>
    public TruthCheck? Truth { get; init; }

    /// <summary>
    /// Builds the report and measures the run against a truth (each record's true person key) and, when given, each
    /// record's true household, so the within-household false links are counted once, here.
    /// </summary>
    public static QualityReport From(LinkageResult result, IReadOnlyList<string> truth, IReadOnlyList<string>? households = null) =>
        From(result) with { Truth = TruthCheck.Of(result, truth, households) };

    /// <summary>Builds the report of a result at the model's link threshold.</summary>
    public static QualityReport From(LinkageResult result) => From(result, result.Model.LinkThreshold);

    /// <summary>
    /// Builds the report with the estimated precision and recall at another threshold (to choose one); the decision
    /// counts stay those of the run.
    /// </summary>
    public static QualityReport From(LinkageResult result, double threshold)
    {
        const double BandWidth = 2.0;
        const double Low = -20, High = 40;
        var bandCount = (int)((High - Low) / BandWidth);
        var counts = new long[bandCount];
        var expected = new double[bandCount];
        long links = 0, reviews = 0, nonLinks = 0, decidedLinks = 0, decidedNon = 0;
        double above = 0, aboveP = 0, allP = 0;
        var t = threshold;
        for (var i = 0; i < result.Weights.Length; i++)
        {
            double w = result.Weights[i];
            var p = FellegiSunterModel.Probability(w);
            var band = Math.Clamp((int)Math.Floor((w - Low) / BandWidth), 0, bandCount - 1);
            counts[band]++;
            expected[band] += p;
            allP += p;
            if (w >= t)
            {
                above++;
                aboveP += p;
            }
            switch (result.Decisions[i])
            {
                case PairDecision.Link: links++; break;
                case PairDecision.Review: reviews++; break;
                case PairDecision.NonLink: nonLinks++; break;
                case PairDecision.DecidedLink: decidedLinks++; break;
                case PairDecision.DecidedNonLink: decidedNon++; break;
            }
        }
        var bands = new List<WeightBand>();
        for (var b = 0; b < bandCount; b++)
        {
            if (counts[b] > 0)
            {
                bands.Add(new WeightBand(b == 0 ? double.NegativeInfinity : Low + (b * BandWidth), b == bandCount - 1 ? double.PositiveInfinity : Low + ((b + 1) * BandWidth), counts[b], expected[b]));
            }
        }
        var people = result.Clusters.People;
        var missed = MissedByBlocking(result);
        var precision = above == 0 ? 1 : aboveP / above;
        var recall = allP + missed == 0 ? 1 : aboveP / (allP + missed);
        var check = OncePerSource(result, t, above, missed);
        var caveat = !result.Model.Converged ? "expectation–maximisation did not converge, so the match probabilities are not settled"
            : allP < 50 ? "fewer than 50 matches are expected among the pairs, too few to say"
            : result.Schema.Sources.Count > 1 && result.Schema.Comparisons.Any(c => c.HouseholdLevel >= 0) && result.Model.Comparisons.Any(c => c.HouseholdU.Length == 0)
                ? "the model holds no household u (too few records sharing an address, phone or e-mail within one source), so members of a household may pass for matches"
            : check is { } c && (Math.Abs(c.Precision - precision) > MaxCheckGap || Math.Abs(c.Recall - recall) > MaxCheckGap)
                ? $"the model expects more matches than the sources can hold (a source holds a person once, or as often as the person's own records there show); read that way its estimate would be precision {c.Precision:F3} and recall {c.Recall:F3}, not {precision:F3} and {recall:F3}, so its match probabilities near the threshold are not to be trusted"
            : "";
        return new QualityReport(
            result.Schema.Count, result.Schema.Sources.Count, result.Pairs.Count, bands, links, reviews, nonLinks, decidedLinks, decidedNon,
            t, result.Model.ReviewThreshold, precision, recall,
            people.Count, people.Count(p => p.Members.Count > 1), people.Count(p => p.Flagged), result.Clusters.FlaggedComponents,
            result.Model.Iterations, result.Model.Converged, result.Schema.Issues.Count, caveat.Length == 0, caveat)
        { SourceCheck = check, MissedMatches = missed };
    }

    /// <summary>
    /// How far the estimate may move under the one-record-per-source reading (<see cref="OncePerSource"/>) before the
    /// model cannot vouch for it: the 0.02 issue 10 allows between the estimate and the truth.
    /// </summary>
    public const double MaxCheckGap = 0.02;

    /// <summary>
    /// The estimate re-made under a constraint the model does not know and the data does: a source holds a person once
    /// (or as many times as the records put in that person show: duplicate rows). Pairs are taken strongest first;
    /// each record of source S may have, in every other source T, at most that many expected matches, so a pair's
    /// match probability is cut to what its two records have left. A calibrated model hardly moves (its weak pairs are
    /// already unlikely where a strong one is found); a model that believes look-alikes are matches (strangers of one
    /// name and birthday, a father and son) expects two or three matches of one record in one source, and its estimate
    /// moves. Null with one source, or too many records × sources to hold.
    /// </summary>
    public static OncePerSourceCheck? OncePerSource(LinkageResult result, double threshold, double pairsAbove, double missed)
    {
        var schema = result.Schema;
        int n = schema.Count, s = schema.Sources.Count;
        if (s < 2 || (long)n * s > 100_000_000)
        {
            return null;
        }
        var left = new float[n * s];
        Array.Fill(left, 1f);
        var perSource = new int[s];
        foreach (var person in result.Clusters.People)
        {
            if (person.Members.Count < 3)
            {
                continue; // a person of two records raises no cap: that needs two records of one source and a third looking at them
            }
            foreach (var m in person.Members)
            {
                perSource[schema.SourceIndex(m)]++;
            }
            foreach (var m in person.Members)
            {
                for (var src = 0; src < s; src++)
                {
                    left[(m * s) + src] = Math.Max(1, perSource[src]);
                }
            }
            Array.Clear(perSource);
        }
        var source = new int[n];
        for (var r = 0; r < n; r++)
        {
            source[r] = schema.SourceIndex(r);
        }
        // Strongest first, by 1-bit bands: above 12 bits a pair's probability is 1 to four decimals, below −10 it is
        // nothing; the order inside a band does not matter at that grain.
        const int Top = 12, Bottom = -10;
        double aboveP = 0, allP = 0;
        var weights = result.Weights;
        for (var edge = Top; edge >= Bottom - 1; edge--)
        {
            float from = edge < Bottom ? float.NegativeInfinity : edge, to = edge == Top ? float.PositiveInfinity : edge + 1;
            for (var i = 0; i < weights.Length; i++)
            {
                var w = weights[i];
                if (w < from || w >= to)
                {
                    continue;
                }
                var p = FellegiSunterModel.Probability(w);
                int a = result.Pairs.A(i), b = result.Pairs.B(i);
                int sa = source[a], sb = source[b];
                if (sa != sb)
                {
                    ref var la = ref left[(a * s) + sb];
                    ref var lb = ref left[(b * s) + sa];
                    p = Math.Max(0, Math.Min(p, Math.Min(la, lb)));
                    la -= (float)p;
                    lb -= (float)p;
                }
                allP += p;
                if (w >= threshold)
                {
                    aboveP += p;
                }
            }
        }
        return new OncePerSourceCheck(pairsAbove == 0 ? 1 : aboveP / pairsAbove, allP + missed == 0 ? 1 : aboveP / (allP + missed));
    }

    /// <summary>
    /// The matches blocking never paired, estimated by capture–recapture (Lincoln–Petersen): the blocking rules keyed on
    /// the date of birth (<see cref="LinkageSchema.DateOfBirthRules"/>) are one "capture", the rules keyed on address,
    /// ids, phone and e-mail the other. Each candidate pair's match probability counts for the group(s) whose key its two
    /// records share; when the two groups miss a match independently (a mistyped date of birth says nothing about a move),
    /// the matches neither finds number (date only × other only) ÷ both. On 100,000 hard records it gives 1,540 (clear
    /// text) and 1,758 (Bloom) where the truth is 1,659. 0 when the schema has no such split.
    /// </summary>
    public static double MissedByBlocking(LinkageResult result)
    {
        var schema = result.Schema;
        var rules = schema.BlockingRules.Count;
        var firstGroup = schema.DateOfBirthRules;
        if (firstGroup <= 0 || firstGroup >= rules)
        {
            return 0;
        }
        // 32 bits of each key (0: none) keep a million records' keys in 28 MB; a false agreement costs nothing here.
        var keys = new uint[rules][];
        for (var r = 0; r < rules; r++)
        {
            var k = keys[r] = new uint[schema.Count];
            var rule = r;
            Parallel.For(0, schema.Count, i =>
            {
                var key = schema.BlockingKey(rule, i);
                k[i] = key == 0 ? 0 : Math.Max(1u, (uint)(key ^ (key >> 32)));
            });
        }
        double onlyA = 0, onlyB = 0, both = 0;
        for (var i = 0; i < result.Weights.Length; i++)
        {
            var p = FellegiSunterModel.Probability(result.Weights[i]);
            if (p < 1e-6)
            {
                continue;
            }
            int a = result.Pairs.A(i), b = result.Pairs.B(i);
            bool inA = false, inB = false;
            for (var r = 0; r < rules; r++)
            {
                var ka = keys[r][a];
                if (ka != 0 && ka == keys[r][b])
                {
                    if (r < firstGroup)
                    {
                        inA = true;
                    }
                    else
                    {
                        inB = true;
                    }
                }
            }
            if (inA && inB)
            {
                both += p;
            }
            else if (inA)
            {
                onlyA += p;
            }
            else if (inB)
            {
                onlyB += p;
            }
        }
        return both == 0 ? 0 : onlyA * onlyB / both;
    }

    /// <summary>The estimate re-made under the one-record-per-source reading (<see cref="OncePerSource"/>); null when not made.</summary>
    public OncePerSourceCheck? SourceCheck { get; init; }

    /// <summary>The matches blocking never paired, as estimated (<see cref="MissedByBlocking"/>); counted in <see cref="EstimatedRecall"/>.</summary>
    public double MissedMatches { get; init; }
}

/// <summary>The model's estimate at the threshold re-made so that no record has more expected matches in another source than that source can hold.</summary>
/// <param name="Precision">Estimated precision under that reading.</param>
/// <param name="Recall">Estimated recall under that reading.</param>
public readonly record struct OncePerSourceCheck(double Precision, double Recall);

/// <summary>A run measured against a known truth.</summary>
/// <param name="Pairwise">Accuracy of the pair decisions (<see cref="LinkageEvaluation.Pairwise"/>).</param>
/// <param name="People">Accuracy of the people found, every two records put in one person (<see cref="LinkageEvaluation.Clusters"/>).</param>
/// <param name="WithinHouseholdFalseLinks">
/// Record pairs put in one person although they belong to two people of one household (a mother and child, twins,
/// a father and son of one name): the worst error of multi-agency linking; null when households are not known.
/// </param>
public sealed record TruthCheck(Accuracy Pairwise, Accuracy People, long? WithinHouseholdFalseLinks)
{
    /// <summary>Measures a result against each record's true person key and, when given (same length), its true household.</summary>
    public static TruthCheck Of(LinkageResult result, IReadOnlyList<string> truth, IReadOnlyList<string>? households)
    {
        long? within = null;
        if (households is not null && households.Count == truth.Count)
        {
            long count = 0;
            foreach (var person in result.Clusters.People)
            {
                var m = person.Members;
                for (var i = 0; i < m.Count; i++)
                {
                    for (var j = i + 1; j < m.Count; j++)
                    {
                        if (truth[m[i]] != truth[m[j]] && households[m[i]] == households[m[j]])
                        {
                            count++;
                        }
                    }
                }
            }
            within = count;
        }
        return new TruthCheck(LinkageEvaluation.Pairwise(result, truth), LinkageEvaluation.Clusters(result, truth), within);
    }
}

/// <summary>Precision and recall against a known truth.</summary>
/// <param name="TruePositives">Linked pairs that are the same person.</param>
/// <param name="FalsePositives">Linked pairs that are not.</param>
/// <param name="FalseNegatives">Pairs of the same person left unlinked.</param>
public readonly record struct Accuracy(long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when nothing was linked.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when there is nothing to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Measures a result against truth (each record's true person key).</summary>
public static class LinkageEvaluation
{
    /// <summary>
    /// Pairwise accuracy of the pair decisions: a true pair is two records with the same truth key; a predicted pair is a
    /// candidate pair decided as linked. True pairs that blocking never produced count as false negatives.
    /// </summary>
    public static Accuracy Pairwise(LinkageResult result, IReadOnlyList<string> truth)
    {
        long tp = 0, fp = 0;
        for (var i = 0; i < result.Decisions.Length; i++)
        {
            if (!LinkageResult.IsLinked(result.Decisions[i]))
            {
                continue;
            }
            if (truth[result.Pairs.A(i)] == truth[result.Pairs.B(i)])
            {
                tp++;
            }
            else
            {
                fp++;
            }
        }
        return new Accuracy(tp, fp, TruePairs(truth) - tp);
    }

    /// <summary>
    /// Accuracy of the people found: every two records put in the same person is a predicted pair (so links made by
    /// transitivity count too).
    /// </summary>
    public static Accuracy Clusters(LinkageResult result, IReadOnlyList<string> truth)
    {
        long predicted = 0, tp = 0;
        foreach (var person in result.Clusters.People)
        {
            var n = person.Members.Count;
            predicted += (long)n * (n - 1) / 2;
            foreach (var g in person.Members.GroupBy(m => truth[m], StringComparer.Ordinal))
            {
                var c = g.Count();
                tp += (long)c * (c - 1) / 2;
            }
        }
        return new Accuracy(tp, predicted - tp, TruePairs(truth) - tp);
    }

    /// <summary>How many record pairs share a truth key.</summary>
    public static long TruePairs(IReadOnlyList<string> truth)
    {
        long pairs = 0;
        foreach (var g in truth.GroupBy(t => t, StringComparer.Ordinal))
        {
            var c = g.LongCount();
            pairs += c * (c - 1) / 2;
        }
        return pairs;
    }

    /// <summary>
    /// Truth key from a FEBRL record id: "rec-12-org" and "rec-12-dup-3" both give "12"; any other value is returned
    /// unchanged.
    /// </summary>
    public static string FebrlTruthKey(string value)
    {
        var v = value.Trim();
        if (v.StartsWith("rec-", StringComparison.Ordinal))
        {
            var end = v.IndexOf('-', 4);
            if (end > 4)
            {
                return v[4..end];
            }
        }
        return v;
    }
}
