namespace LocalFlow.Analytics.Linking;

/// <summary>One comparison's part in a pair's match weight (one bar of the waterfall).</summary>
/// <param name="Comparison">The comparison's name.</param>
/// <param name="Level">The level label, or "unknown".</param>
/// <param name="ValueA">What the first record holds.</param>
/// <param name="ValueB">What the second record holds.</param>
/// <param name="Weight">log2(m/u) of the level (0 when unknown).</param>
/// <param name="TermAdjustment">Term-frequency adjustment added to the weight.</param>
public sealed record WeightContribution(string Comparison, string Level, string ValueA, string ValueB, double Weight, double TermAdjustment)
{
    /// <summary>Weight plus adjustment.</summary>
    public double Total => Weight + TermAdjustment;
}

/// <summary>Why a pair scored what it did: the prior, then each comparison's contribution, adding up to the total.</summary>
/// <param name="A">First record (source and id).</param>
/// <param name="B">Second record.</param>
/// <param name="PriorWeight">log2(λ/(1−λ)), where the waterfall starts.</param>
/// <param name="Contributions">One per comparison, in model order.</param>
/// <param name="TotalWeight">Prior plus every contribution.</param>
/// <param name="Probability">Match probability 2^w/(1+2^w).</param>
/// <param name="Decision">What the thresholds (or a reviewer) decided.</param>
public sealed record PairExplanation(RecordRef A, RecordRef B, double PriorWeight, IReadOnlyList<WeightContribution> Contributions, double TotalWeight, double Probability, PairDecision Decision);

/// <summary>A record named by its source and id.</summary>
/// <param name="Source">Source name.</param>
/// <param name="RecordId">Id in the source.</param>
public readonly record struct RecordRef(string Source, string RecordId)
{
    /// <summary>"source:id".</summary>
    public override string ToString() => $"{Source}:{RecordId}";
}

/// <summary>A scored candidate pair.</summary>
/// <param name="Index">Position in the result's pair arrays (for <see cref="LinkageResult.Explain(int)"/>).</param>
/// <param name="A">First record index.</param>
/// <param name="B">Second record index.</param>
/// <param name="Weight">Total match weight in bits.</param>
/// <param name="Decision">Link, review or non-link.</param>
public readonly record struct ScoredPair(int Index, int A, int B, double Weight, PairDecision Decision);

/// <summary>Everything a linkage run produced.</summary>
public sealed class LinkageResult
{
    private readonly PairScorer _scorer;

    internal LinkageResult(LinkageSchema schema, FellegiSunterModel model, PairScorer scorer, CandidatePairs pairs, float[] weights, PairDecision[] decisions, ClusterSet clusters, LinkageTimings timings)
    {
        Schema = schema;
        Model = model;
        _scorer = scorer;
        Pairs = pairs;
        Weights = weights;
        Decisions = decisions;
        Clusters = clusters;
        Timings = timings;
    }

    /// <summary>The records.</summary>
    public LinkageSchema Schema { get; }

    /// <summary>The model used (trained on this data or loaded).</summary>
    public FellegiSunterModel Model { get; }

    /// <summary>The candidate pairs.</summary>
    public CandidatePairs Pairs { get; }

    /// <summary>Their match weights (bits, prior included).</summary>
    public float[] Weights { get; }

    /// <summary>Their decisions.</summary>
    public PairDecision[] Decisions { get; }

    /// <summary>People (clusters of records) with their ids and flags.</summary>
    public ClusterSet Clusters { get; }

    /// <summary>Time per stage.</summary>
    public LinkageTimings Timings { get; }

    /// <summary>The pair at a position.</summary>
    public ScoredPair Pair(int index) => new(index, Pairs.A(index), Pairs.B(index), Weights[index], Decisions[index]);

    /// <summary>Pairs with a given decision, strongest first.</summary>
    public IReadOnlyList<ScoredPair> PairsWith(PairDecision decision)
    {
        var list = new List<ScoredPair>();
        for (var i = 0; i < Decisions.Length; i++)
        {
            if (Decisions[i] == decision)
            {
                list.Add(Pair(i));
            }
        }
        list.Sort((x, y) => y.Weight.CompareTo(x.Weight) is var c and not 0 ? c : x.Index.CompareTo(y.Index));
        return list;
    }

    /// <summary>True when a decision links the pair.</summary>
    public static bool IsLinked(PairDecision d) => d is PairDecision.Link or PairDecision.DecidedLink;

    /// <summary>The record reference of a record index.</summary>
    public RecordRef Record(int index) => new(Schema.Sources[Schema.SourceIndex(index)], Schema.RecordId(index));

    /// <summary>Explains a candidate pair: each comparison's level, the two values and its contribution to the weight.</summary>
    public PairExplanation Explain(int pairIndex) => Explain(Pairs.A(pairIndex), Pairs.B(pairIndex), Decisions[pairIndex]);

    /// <summary>Explains any two records (also ones blocking never paired).</summary>
    public PairExplanation Explain(int a, int b, PairDecision? decision = null)
    {
        var k = Schema.Comparisons.Count;
        Span<byte> levels = stackalloc byte[k];
        Schema.Compare(a, b, levels);
        Span<double> weights = stackalloc double[k];
        Span<double> terms = stackalloc double[k];
        var total = _scorer.Evaluate(a, b, levels, weights, terms, out var agreeing, out var householdVia, out var cannotLink);
        var parts = new List<WeightContribution>(k + 1);
        var sum = Model.PriorWeight;
        for (var c = 0; c < k; c++)
        {
            var level = levels[c];
            var label = level == LinkageSchema.Unknown ? "unknown" : Schema.Comparisons[c].Levels[level];
            if (householdVia >= 0 && level != LinkageSchema.Unknown)
            {
                label += c == householdVia ? " (one household: counted once)" : Schema.Comparisons[c].ShowsHousehold(level) ? " (same household: already counted)" : " (as between members of a household)";
            }
            sum += weights[c] + terms[c];
            parts.Add(new WeightContribution(Schema.Comparisons[c].Name, label, Schema.Display(c, a), Schema.Display(c, b), weights[c], terms[c]));
        }
        if (cannotLink is not null && total < sum)
        {
            parts.Add(new WeightContribution("cannot link", cannotLink, "", "", total - sum, 0));
        }
        return new PairExplanation(Record(a), Record(b), Model.PriorWeight, parts, total, FellegiSunterModel.Probability(total), decision ?? _scorer.Decide(a, b, levels, total, agreeing));
    }

    /// <summary>The quality report of this run.</summary>
    public QualityReport Report() => QualityReport.From(this);

    /// <summary>The quality report with the run measured against a truth and, when given, the true households (<see cref="QualityReport.Truth"/>).</summary>
    public QualityReport Report(IReadOnlyList<string> truth, IReadOnlyList<string>? households = null) => QualityReport.From(this, truth, households);
}
