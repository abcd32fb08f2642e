using System.Diagnostics;

namespace LocalFlow.Analytics.Linking;

/// <summary>Settings of a linkage run. The defaults are the ones documented in docs/linking.md.</summary>
public sealed class LinkageOptions
{
    /// <summary>
    /// Default link threshold (match weight in bits, prior included): about 0.8 match probability. Household pairs
    /// count their shared address, phone and e-mail once, so true matches within a household score lower than when
    /// every field was added up; 2 bits keeps recall while the cannot-link rules and household u keep precision.
    /// </summary>
    public const double DefaultLinkThreshold = 2.0;

    /// <summary>Default lower edge of the review band (about 0.2 match probability).</summary>
    public const double DefaultReviewThreshold = -2.0;

    /// <summary>Link threshold; when null the model's (or the default) is used.</summary>
    public double? LinkThreshold { get; set; }

    /// <summary>Review threshold; when null the model's (or the default) is used.</summary>
    public double? ReviewThreshold { get; set; }

    /// <summary>Blocks larger than this are compared within a sorted-neighbourhood window, not in full (see <see cref="CandidatePairs"/>).</summary>
    public int MaxBlockSize { get; set; } = 2000;

    /// <summary>
    /// At most this many candidate pairs (about 22 bytes each while a run lasts): beyond it the block limit and window
    /// are halved until the pairs fit. Default 80 million (about 1.8 GB).
    /// </summary>
    public long PairBudget { get; set; } = 80_000_000;

    /// <summary>How many following records each record of an oversized block is compared with.</summary>
    public int Window { get; set; } = CandidatePairs.DefaultWindow;

    /// <summary>
    /// Whether records that share an address, phone or e-mail are scored as a household pair (see
    /// <see cref="PairScorer.Evaluate"/>); true by default. False scores every pair as independent fields.
    /// </summary>
    public bool HouseholdAware { get; set; } = true;

    /// <summary>Whether two records of the same source may be linked (duplicates inside a source).</summary>
    public bool LinkWithinSources { get; set; } = true;

    /// <summary>
    /// How many random pairs to draw to estimate u; null (the default) draws 500,000 below 100,000 records and 2,000,000
    /// from 100,000 records. With 500,000 the figures of a large run depended on the draw (on 100,000 hard records
    /// within-household false pairs ranged 53–95 over three seeds; with 2,000,000, 53–56).
    /// </summary>
    public long? RandomPairs { get; set; }

    /// <summary>The random pairs drawn for u for a number of records (<see cref="RandomPairs"/>).</summary>
    public long RandomPairsFor(int records) => RandomPairs ?? (records >= 100_000 ? 2_000_000 : 500_000);

    /// <summary>Seed for the random pairs (the run is deterministic for a seed).</summary>
    public int Seed { get; set; } = 20261123;

    /// <summary>At most this many pairs of each blocking rule are used to estimate m (every k-th pair when there are more).</summary>
    public int MaxTrainingPairsPerRule { get; set; } = 300_000;

    /// <summary>Maximum EM iterations.</summary>
    public int MaxIterations { get; set; } = 100;

    /// <summary>A trained model to use as it is (no EM); null to train on this data.</summary>
    public FellegiSunterModel? Model { get; set; }

    /// <summary>
    /// Anti-chaining: a cluster of three or more records is flagged when fewer than this share of its record pairs
    /// reach the link threshold, or when any pair inside it scores below the review threshold (a clear non-match).
    /// </summary>
    public double MinClusterDensity { get; set; } = 0.5;

    /// <summary>Clusters bigger than this are flagged without checking every pair.</summary>
    public int MaxCheckedClusterSize { get; set; } = 60;

    /// <summary>
    /// When a flagged component is split, a record that cannot be told apart from a part a cannot-link rule holds apart
    /// from its own — it lacks the given name or the date of birth the parts differ on, and links within this many bits
    /// as well to that part (a record with no date of birth at the address of a father and son of one name, or with no
    /// given name at twins' address) — is given to neither: it stays alone, flagged for review. Default 4; 0: never.
    /// </summary>
    public double AmbiguityMargin { get; set; } = 4;

    /// <summary>
    /// When true, <see cref="AmbiguityMargin"/> also applies to records that hold every field that tells household
    /// members apart (more records go to review, fewer within-household false links, lower recall). Default false.
    /// </summary>
    public bool AmbiguityForAllRecords { get; set; }

    /// <summary>
    /// Whether a household pair (the same address, phone or e-mail) where either record lacks the given name or the date
    /// of birth, and no NHS number or other id agrees, goes to review instead of being linked: nothing recorded tells
    /// such a record from another member of the household of the same name (a father and son, a mother and daughter).
    /// Default false: on 100,000 hard records it took within-household false pairs from 53 to 33 but people recall from
    /// 0.979 to 0.911, because most records lacking a date of birth at their own address are the person's own.
    /// </summary>
    public bool UntoldHouseholdPairsToReview { get; set; }

    /// <summary>Reviewers' decisions from earlier runs: accepted pairs are linked and rejected pairs are not, whatever their weight.</summary>
    public IReadOnlyList<PairDecisionRecord> Decisions { get; set; } = [];

    /// <summary>Person ids from an earlier run, by (source, record id): a new cluster takes the id most of its members had.</summary>
    public IReadOnlyDictionary<(string Source, string RecordId), string>? PreviousPersonIds { get; set; }

    /// <summary>Progress: the stage name and its fraction done (reported from worker threads during comparing).</summary>
    public IProgress<LinkageProgress>? Progress { get; set; }
}

/// <summary>A stage of a run and how far it has got.</summary>
/// <param name="Stage">"blocking", "comparing", "estimating", "scoring", "clustering".</param>
/// <param name="Fraction">0 to 1.</param>
public readonly record struct LinkageProgress(string Stage, double Fraction);

/// <summary>A reviewer's decision on a pair, kept between runs.</summary>
/// <param name="SourceA">First record's source.</param>
/// <param name="RecordIdA">First record's id.</param>
/// <param name="SourceB">Second record's source.</param>
/// <param name="RecordIdB">Second record's id.</param>
/// <param name="IsMatch">True: same person (accept or manual link); false: different people (reject or unlink).</param>
public sealed record PairDecisionRecord(string SourceA, string RecordIdA, string SourceB, string RecordIdB, bool IsMatch);

/// <summary>What happens to a pair.</summary>
public enum PairDecision : byte
{
    /// <summary>Below the review threshold: different people.</summary>
    NonLink = 0,

    /// <summary>Between the thresholds, or above the link threshold on a single field: a person decides.</summary>
    Review = 1,

    /// <summary>At or above the link threshold with at least two agreeing fields.</summary>
    Link = 2,

    /// <summary>Linked because a reviewer said so.</summary>
    DecidedLink = 3,

    /// <summary>Not linked because a reviewer said so.</summary>
    DecidedNonLink = 4,
}

/// <summary>How long each stage took.</summary>
/// <param name="Blocking">Making candidate pairs.</param>
/// <param name="Comparing">Computing comparison levels.</param>
/// <param name="Estimating">Random-pair u and EM (zero when a saved model was used).</param>
/// <param name="Scoring">Match weights and decisions.</param>
/// <param name="Clustering">People, anti-chaining checks and ids.</param>
public readonly record struct LinkageTimings(TimeSpan Blocking, TimeSpan Comparing, TimeSpan Estimating, TimeSpan Scoring, TimeSpan Clustering)
{
    /// <summary>All stages.</summary>
    public TimeSpan Total => Blocking + Comparing + Estimating + Scoring + Clustering;
}

/// <summary>Runs a Fellegi–Sunter linkage: blocking, comparison, estimation, scoring, clustering.</summary>
public static class Linker
{
    /// <summary>Links the records of a schema. Deterministic for the same input, options and seed.</summary>
    public static LinkageResult Run(LinkageSchema schema, LinkageOptions? options = null)
    {
        options ??= new LinkageOptions();
        if (schema.Comparisons.Count > 16)
        {
            throw new LinkageInputException("At most 16 comparisons are supported.");
        }
        var progress = options.Progress;
        var sw = Stopwatch.StartNew();
        progress?.Report(new LinkageProgress("blocking", 0));
        if (options.PairBudget < 1 || options.MaxBlockSize < 2 || options.Window < 1)
        {
            throw new LinkageInputException("The pair budget must be at least 1, the maximum block size at least 2 and the window at least 1.");
        }
        var pairs = CandidatePairs.Build(schema, options.MaxBlockSize, options.LinkWithinSources, options.PairBudget, options.Window);
        progress?.Report(new LinkageProgress("blocking", 1));
        var tBlock = sw.Elapsed;
        sw.Restart();
        progress?.Report(new LinkageProgress("comparing", 0));
        ComparisonVectors? vectors = ComparisonVectors.Build(schema, pairs.Packed, progress);
        progress?.Report(new LinkageProgress("comparing", 1));
        var tCompare = sw.Elapsed;
        sw.Restart();
        progress?.Report(new LinkageProgress("estimating", 0));
        FellegiSunterModel model;
        if (options.Model is not null)
        {
            options.Model.EnsureFits(schema);
            model = options.Model;
        }
        else
        {
            var u = ModelTraining.EstimateU(schema, options.RandomPairsFor(schema.Count), options.Seed, out var drawn);
            var householdU = options.HouseholdAware ? ModelTraining.EstimateHouseholdU(schema) : null;
            model = ModelTraining.Train(schema, vectors, u, drawn, options.MaxBlockSize, options.LinkWithinSources, options.MaxIterations, maxTrainingPairsPerRule: options.MaxTrainingPairsPerRule, householdU: householdU);
            model.Schema = schema is ClearTextSchema ? "clear" : "bloom";
        }
        if (options.LinkThreshold is { } lt)
        {
            model.LinkThreshold = lt;
        }
        if (options.ReviewThreshold is { } rt)
        {
            model.ReviewThreshold = rt;
        }
        if (model.ReviewThreshold > model.LinkThreshold)
        {
            throw new LinkageInputException($"The review threshold ({model.ReviewThreshold}) must not be above the link threshold ({model.LinkThreshold}).");
        }
        progress?.Report(new LinkageProgress("estimating", 1));
        var tEstimate = sw.Elapsed;
        sw.Restart();
        progress?.Report(new LinkageProgress("scoring", 0));
        var scorer = new PairScorer(schema, model) { UntoldHouseholdPairsToReview = options.UntoldHouseholdPairsToReview };
        var weights = new float[pairs.Count];
        var decisions = new PairDecision[pairs.Count];
        var chunks = Math.Max(1, Math.Min(pairs.Count / 4096, Environment.ProcessorCount * 16));
        Parallel.For(0, chunks, chunk =>
        {
            var from = (int)((long)pairs.Count * chunk / chunks);
            var to = (int)((long)pairs.Count * (chunk + 1) / chunks);
            for (var i = from; i < to; i++)
            {
                var levels = vectors!.Of(i);
                var w = scorer.Score(pairs.A(i), pairs.B(i), levels, out var agreeing);
                weights[i] = (float)w;
                decisions[i] = scorer.Decide(pairs.A(i), pairs.B(i), levels, w, agreeing);
            }
        });
        // The comparison vectors are not kept: explanations recompute a pair's levels, which is cheaper than holding them.
        vectors = null;
        ApplyDecisions(schema, pairs, decisions, options.Decisions);
        progress?.Report(new LinkageProgress("scoring", 1));
        var tScore = sw.Elapsed;
        sw.Restart();
        progress?.Report(new LinkageProgress("clustering", 0));
        var clusters = Clustering.Build(schema, scorer, pairs, weights, decisions, options);
        progress?.Report(new LinkageProgress("clustering", 1));
        var tCluster = sw.Elapsed;
        return new LinkageResult(schema, model, scorer, pairs, weights, decisions, clusters, new LinkageTimings(tBlock, tCompare, tEstimate, tScore, tCluster));
    }

    private static void ApplyDecisions(LinkageSchema schema, CandidatePairs pairs, PairDecision[] decisions, IReadOnlyList<PairDecisionRecord> decided)
    {
        if (decided.Count == 0)
        {
            return;
        }
        var index = new Dictionary<(int, string), int>();
        for (var i = 0; i < schema.Count; i++)
        {
            index.TryAdd((schema.SourceIndex(i), schema.RecordId(i)), i);
        }
        var sourceIndex = schema.Sources.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var wanted = new Dictionary<long, bool>();
        foreach (var d in decided)
        {
            if (sourceIndex.TryGetValue(d.SourceA, out var sa) && sourceIndex.TryGetValue(d.SourceB, out var sb)
                && index.TryGetValue((sa, d.RecordIdA), out var a) && index.TryGetValue((sb, d.RecordIdB), out var b) && a != b)
            {
                wanted[((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b)] = d.IsMatch;
            }
        }
        for (var i = 0; i < pairs.Count; i++)
        {
            if (wanted.Remove(pairs.Packed[i], out var match))
            {
                decisions[i] = match ? PairDecision.DecidedLink : PairDecision.DecidedNonLink;
            }
        }
        // Manual links between records blocking never paired are kept as extra decided links for clustering.
        foreach (var (packed, match) in wanted)
        {
            if (match)
            {
                pairs.ExtraLinks.Add(packed);
            }
        }
    }
}

/// <summary>Turns comparison levels into match weights with the model's m/u and the data's term frequencies.</summary>
public sealed class PairScorer
{
    private const double MaxTermAdjustment = 5.0;
    private const int MinTermValues = 1000;
    private readonly LinkageSchema _schema;
    private readonly double[][] _weights;
    private readonly float[]?[] _termFrequency;
    private readonly float[]?[] _termLog;
    private readonly double[] _termU;
    private readonly double[] _termLogU;
    private readonly bool[] _weak;
    private readonly double[][] _householdWeights;
    private readonly int[] _householdLevel;
    private readonly bool _household;

    /// <summary>Prepares weight tables and the term frequencies of the schema's values.</summary>
    public PairScorer(LinkageSchema schema, FellegiSunterModel model)
    {
        _schema = schema;
        Model = model;
        var k = schema.Comparisons.Count;
        _weights = new double[k][];
        _termFrequency = new float[k][];
        _termLog = new float[k][];
        _termU = new double[k];
        _termLogU = new double[k];
        _weak = new bool[k];
        _householdWeights = new double[k][];
        _householdLevel = new int[k];
        _household = model.Comparisons.All(p => p.HouseholdU.Length == p.M.Length);
        for (var c = 0; c < k; c++)
        {
            var p = model.Comparisons[c];
            _weights[c] = [.. Enumerable.Range(0, p.M.Length).Select(p.Weight)];
            _householdWeights[c] = [.. Enumerable.Range(0, p.M.Length).Select(p.HouseholdWeight)];
            _householdLevel[c] = schema.Comparisons[c].HouseholdLevel;
            _weak[c] = schema.Comparisons[c].Weak;
            var tfLevel = schema.Comparisons[c].TermFrequencyLevel;
            if (tfLevel < 0)
            {
                continue;
            }
            _termU[c] = p.U[tfLevel];
            _termLogU[c] = Math.Log2(p.U[tfLevel]);
            var keys = new ulong[schema.Count];
            var comparison = c;
            Parallel.For(0, schema.Count, i => keys[i] = schema.TermKey(comparison, i));
            var counts = new Dictionary<ulong, int>();
            var known = 0;
            foreach (var key in keys)
            {
                if (key != 0)
                {
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                    known++;
                }
            }
            if (known < MinTermValues)
            {
                // Too few values to say what is common: no adjustment.
                continue;
            }
            var tf = new float[schema.Count];
            for (var i = 0; i < tf.Length; i++)
            {
                tf[i] = keys[i] == 0 ? 0 : (float)((double)counts[keys[i]] / known);
            }
            _termFrequency[c] = tf;
            var log = new float[schema.Count];
            for (var i = 0; i < tf.Length; i++)
            {
                log[i] = tf[i] <= 0 ? float.NaN : (float)Math.Log2(tf[i]);
            }
            _termLog[c] = log;
        }
    }

    /// <summary>The model in use.</summary>
    public FellegiSunterModel Model { get; }

    /// <summary>Weight of one comparison at one level (0 for unknown).</summary>
    public double LevelWeight(int comparison, byte level) => level == LinkageSchema.Unknown ? 0 : _weights[comparison][level];

    /// <summary>
    /// Term-frequency adjustment (bits) for a comparison at its term-frequency level: log2(u / f), where f is the share
    /// of records holding the value (the larger of the two), so agreeing on a common surname counts for less than on a
    /// rare one. Limited to ±5 bits. 0 at other levels, and when fewer than 1,000 records hold a value.
    /// </summary>
    public double TermAdjustment(int comparison, byte level, int a, int b)
    {
        var tf = _termFrequency[comparison];
        if (tf is null || level != _schema.Comparisons[comparison].TermFrequencyLevel)
        {
            return 0;
        }
        var f = Math.Max(tf[a], tf[b]);
        return f <= 0 ? 0 : Math.Clamp(Math.Log2(_termU[comparison] / f), -MaxTermAdjustment, MaxTermAdjustment);
    }

    /// <summary>
    /// The weight a pair can have at most when <see cref="LinkageSchema.CannotLinkReason(int, int, ReadOnlySpan{byte})"/> gives a reason (bits): far
    /// below any review threshold, so the pair is never linked nor put inside one person by clustering.
    /// </summary>
    public const double CannotLinkWeight = -30;

    /// <summary>Total match weight of a pair (prior included) and how many non-weak comparisons added positive evidence.</summary>
    public double Score(int a, int b, ReadOnlySpan<byte> levels, out int agreeing) => Evaluate(a, b, levels, default, default, out agreeing, out _, out _);

    /// <summary>
    /// Scores a pair and, when the spans are given, each comparison's weight and term adjustment. Records that show one
    /// household (the same address, phone or e-mail: a comparison at its <see cref="ComparisonInfo.HouseholdLevel"/>)
    /// are scored as a household pair when the model holds household u: the strongest of those shared fields counts
    /// once, the others add nothing (they say the same thing), and every other comparison weighs log2(m / household u),
    /// so what tells members of a household apart (given name, date of birth, sex, ids) decides. A pair with a
    /// <see cref="LinkageSchema.CannotLinkReason(int, int, ReadOnlySpan{byte})"/> is held at <see cref="CannotLinkWeight"/> at most.
    /// </summary>
    /// <returns>The total weight (prior included).</returns>
    public double Evaluate(int a, int b, ReadOnlySpan<byte> levels, Span<double> weights, Span<double> terms, out int agreeing, out int householdVia, out string? cannotLink)
    {
        var w = Model.PriorWeight;
        agreeing = 0;
        householdVia = HouseholdVia(a, b, levels);
        for (var c = 0; c < levels.Length; c++)
        {
            var level = levels[c];
            double contribution = 0, term = 0;
            if (level != LinkageSchema.Unknown)
            {
                if (householdVia < 0 || c == householdVia)
                {
                    contribution = _weights[c][level];
                    term = Term(c, level, a, b);
                }
                else if (_householdLevel[c] < 0 || level != _householdLevel[c])
                {
                    contribution = _householdWeights[c][level];
                }
                if (contribution + term > 0 && !_weak[c])
                {
                    agreeing++;
                }
                w += contribution + term;
            }
            if (!weights.IsEmpty)
            {
                weights[c] = contribution;
                terms[c] = term;
            }
        }
        cannotLink = _schema.CannotLinkReason(a, b, levels);
        return cannotLink is null ? w : Math.Min(w, CannotLinkWeight);
    }

    /// <summary>The comparison through which a pair shows one household (the strongest), or -1 when it does not or the model holds no household u.</summary>
    private int HouseholdVia(int a, int b, ReadOnlySpan<byte> levels)
    {
        var via = -1;
        if (!_household)
        {
            return via;
        }
        var best = double.NegativeInfinity;
        for (var c = 0; c < levels.Length; c++)
        {
            if (_householdLevel[c] >= 0 && levels[c] != LinkageSchema.Unknown && (levels[c] == _householdLevel[c] || _schema.AlsoShowsHousehold(c, levels[c], a, b)))
            {
                var v = _weights[c][levels[c]] + Term(c, levels[c], a, b);
                if (v > best)
                {
                    best = v;
                    via = c;
                }
            }
        }
        return via;
    }

    /// <summary>
    /// True for a household pair (<see cref="Evaluate"/>) where either record lacks a field that tells members of a
    /// household apart (<see cref="ComparisonInfo.TellsApart"/>: given name, date of birth) and no identifier agrees
    /// (<see cref="LinkageSchema.IdentifierAgrees"/>): nothing recorded tells the record from another member of the
    /// household of the same name.
    /// </summary>
    public bool UntoldHouseholdPair(int a, int b, ReadOnlySpan<byte> levels)
    {
        if (_schema.IdentifierAgrees(levels))
        {
            return false;
        }
        var lacks = false;
        for (var c = 0; c < levels.Length && !lacks; c++)
        {
            lacks = levels[c] == LinkageSchema.Unknown && _schema.Comparisons[c].TellsApart;
        }
        return lacks && HouseholdVia(a, b, levels) >= 0;
    }

    /// <summary>Whether <see cref="Decide(int, int, ReadOnlySpan{byte}, double, int)"/> sends an untold household pair to review (<see cref="LinkageOptions.UntoldHouseholdPairsToReview"/>).</summary>
    public bool UntoldHouseholdPairsToReview { get; init; }

    /// <summary>
    /// As <see cref="Decide(double, int)"/>, but a pair that would link is sent to review when it is an untold household
    /// pair (<see cref="UntoldHouseholdPair"/>) and <see cref="UntoldHouseholdPairsToReview"/> is on, or when the schema
    /// reviews its levels (<see cref="LinkageSchema.ReviewOnly"/>).
    /// </summary>
    public PairDecision Decide(int a, int b, ReadOnlySpan<byte> levels, double weight, int agreeing)
    {
        var decision = Decide(weight, agreeing);
        return decision == PairDecision.Link && ((UntoldHouseholdPairsToReview && UntoldHouseholdPair(a, b, levels)) || _schema.ReviewOnly(levels)) ? PairDecision.Review : decision;
    }

    private double Term(int c, byte level, int a, int b)
    {
        var log = _termLog[c];
        if (log is null || level != _schema.Comparisons[c].TermFrequencyLevel)
        {
            return 0;
        }
        // log2(u / max f) = log2 u − max(log2 fa, log2 fb); NaN (value unknown) gives no adjustment.
        var lf = Math.Max(log[a], log[b]);
        return float.IsNaN(lf) ? 0 : Math.Clamp(_termLogU[c] - lf, -MaxTermAdjustment, MaxTermAdjustment);
    }

    /// <summary>Scores two records directly (used for pairs blocking did not produce, such as inside a cluster).</summary>
    public double Score(int a, int b, out int agreeing)
    {
        Span<byte> levels = stackalloc byte[_schema.Comparisons.Count];
        _schema.Compare(a, b, levels);
        return Score(a, b, levels, out agreeing);
    }

    /// <summary>Link at or above the link threshold with at least two agreeing (non-weak) fields; review between the thresholds or on one field; otherwise non-link.</summary>
    public PairDecision Decide(double weight, int agreeing)
    {
        if (weight >= Model.LinkThreshold)
        {
            return agreeing >= 2 ? PairDecision.Link : PairDecision.Review;
        }
        return weight >= Model.ReviewThreshold ? PairDecision.Review : PairDecision.NonLink;
    }
}
