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
/// candidate pair: precision ≈ Σ_{w≥t} p / #(w≥t) and recall ≈ Σ_{w≥t} p / Σ p. Recall is among candidate pairs
/// (matches that blocking never paired are not counted). The estimate is only as good as the model's probabilities:
/// <see cref="EstimateKnown"/> is false, with the reason in <see cref="EstimateCaveat"/>, when the model cannot vouch for
/// them (EM did not converge; too few expected matches to say; several sources sharing addresses, phones or e-mails but
/// no household u, so household members may pass for matches). Checked against the truth in HardAccuracyTests.
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
        var caveat = !result.Model.Converged ? "expectation–maximisation did not converge, so the match probabilities are not settled"
            : allP < 50 ? "fewer than 50 matches are expected among the pairs, too few to say"
            : result.Schema.Sources.Count > 1 && result.Schema.Comparisons.Any(c => c.HouseholdLevel >= 0) && result.Model.Comparisons.Any(c => c.HouseholdU.Length == 0)
                ? "the model holds no household u (too few records sharing an address, phone or e-mail within one source), so members of a household may pass for matches"
            : "";
        return new QualityReport(
            result.Schema.Count, result.Schema.Sources.Count, result.Pairs.Count, bands, links, reviews, nonLinks, decidedLinks, decidedNon,
            t, result.Model.ReviewThreshold, above == 0 ? 1 : aboveP / above, allP == 0 ? 1 : aboveP / allP,
            people.Count, people.Count(p => p.Members.Count > 1), people.Count(p => p.Flagged), result.Clusters.FlaggedComponents,
            result.Model.Iterations, result.Model.Converged, result.Schema.Issues.Count, caveat.Length == 0, caveat);
    }
}

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
