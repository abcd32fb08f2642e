using System.Diagnostics;
using System.Text;
using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Privacy;
using LocalFlow.Analytics.Linking.Synthetic;

namespace LocalFlow.Benchmarks.Linking;

/// <summary>
/// One end-to-end linkage at scale (goal: 1,000,000 records from five agencies in at most 60 s and 3 GB). Run under
/// /usr/bin/time -v for peak memory:
/// <c>dotnet LocalFlow.Benchmarks.dll link-scale 365000 hard [bloom] [explain] [threshold=3] [margin=4] [seed=1] [random=500000] [households [members]] [calibration] [untold]</c>
/// (365,000 people of the hard profile make about 1,000,000 records; 250,000 of the default profile do).
/// </summary>
public static class LinkingScale
{
    /// <summary>Generates, links and prints timings, blocking notes and accuracy (with within-household false links).</summary>
    public static int Run(string[] args)
    {
        var people = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 250_000;
        var hard = args.Contains("hard");
        var bloom = args.Contains("bloom");
        var sw = Stopwatch.StartNew();
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = people, Seed = 11, Hard = hard });
        var generate = sw.Elapsed;
        sw.Restart();
        var encoded = bloom ? new BloomEncoder(Encoding.UTF8.GetBytes("agreed-between-agencies-2026")).Encode(data.Records) : null;
        LinkageSchema schema = encoded is not null ? new BloomSchema(encoded) : new ClearTextSchema(data.Records);
        var prepare = sw.Elapsed;
        var threshold = args.FirstOrDefault(a => a.StartsWith("threshold=", StringComparison.Ordinal));
        var margin = args.FirstOrDefault(a => a.StartsWith("margin=", StringComparison.Ordinal));
        var options = new LinkageOptions { LinkThreshold = threshold is null ? null : double.Parse(threshold[10..], System.Globalization.CultureInfo.InvariantCulture) };
        var seed = args.FirstOrDefault(a => a.StartsWith("seed=", StringComparison.Ordinal));
        if (seed is not null)
        {
            // The seed of the random pairs u is estimated from (not the generator's): shows how much the figures depend on the draw.
            options.Seed = int.Parse(seed[5..], System.Globalization.CultureInfo.InvariantCulture);
        }
        var randomPairs = args.FirstOrDefault(a => a.StartsWith("random=", StringComparison.Ordinal));
        if (randomPairs is not null)
        {
            options.RandomPairs = long.Parse(randomPairs[7..], System.Globalization.CultureInfo.InvariantCulture);
        }
        if (margin is not null)
        {
            options.AmbiguityMargin = double.Parse(margin[7..], System.Globalization.CultureInfo.InvariantCulture);
        }
        // untold: household pairs lacking the given name or date of birth (no id agreeing) go to review.
        options.UntoldHouseholdPairsToReview = args.Contains("untold");
        var result = Linker.Run(schema, options);
        var t = result.Timings;
        sw.Restart();
        var report = result.Report(data.Truth, data.Households);
        var reportTime = sw.Elapsed;
        var (pairwise, clusters, within) = report.Truth!;
        Console.WriteLine($"{(hard ? "hard" : "default")} profile, {(bloom ? "Bloom filters" : "clear text")}; people {people:N0}; records {data.Records.Count:N0} from {data.Agencies.Count} agencies; candidate pairs {result.Pairs.Count:N0}");
        foreach (var note in result.Pairs.Notes)
        {
            Console.WriteLine($"blocking: {note}");
        }
        Console.WriteLine($"generate {generate.TotalSeconds:F1} s (not part of linkage)");
        Console.WriteLine($"prepare ({(bloom ? "encode" : "normalise")}) {prepare.TotalSeconds:F1} s; blocking {t.Blocking.TotalSeconds:F1} s; comparing {t.Comparing.TotalSeconds:F1} s; EM (u, household u, m) {t.Estimating.TotalSeconds:F1} s; scoring {t.Scoring.TotalSeconds:F1} s; clustering {t.Clustering.TotalSeconds:F1} s");
        Console.WriteLine($"linkage total (prepare + stages) {(prepare + t.Total).TotalSeconds:F1} s");
        Console.WriteLine($"pairwise precision {pairwise.Precision:F4} recall {pairwise.Recall:F4}; clusters precision {clusters.Precision:F4} recall {clusters.Recall:F4}; flagged {report.FlaggedClusters}; reviews {report.Reviews:N0}");
        if (within is { } household)
        {
            Console.WriteLine($"within-household false pairs after clustering {household:N0} (of {clusters.FalsePositives:N0} false pairs, {clusters.TruePositives:N0} true)");
        }
        var blockedTrue = 0L;
        for (var i = 0; i < result.Pairs.Count; i++)
        {
            if (data.Truth[result.Pairs.A(i)] == data.Truth[result.Pairs.B(i)])
            {
                blockedTrue++;
            }
        }
        Console.WriteLine($"true pairs {LinkageEvaluation.TruePairs(data.Truth):N0}, of which blocking paired {blockedTrue:N0}");
        Console.WriteLine($"model's estimate at the threshold: precision {report.EstimatedPrecision:F4} recall {report.EstimatedRecall:F4}; once per source: {report.SourceCheck}");
        Console.WriteLine($"quality report with the truth {reportTime.TotalSeconds:F1} s");
        Console.WriteLine($"matches blocking missed: estimated {report.MissedMatches:N0}, truth {LinkageEvaluation.TruePairs(data.Truth) - blockedTrue:N0}");
        Console.WriteLine(report.EstimateKnown ? "the model vouches for its estimate" : $"model cannot estimate: {report.EstimateCaveat}");
        if (encoded is not null && args.Contains("givendice"))
        {
            // Pairs of one household and surname and birthday whose given-name filters are clearly different (twins, and
            // nicknames a filter cannot tell from another name): the given-name Dice of the true and the false ones.
            var hist = new SortedDictionary<int, (long True, long False)>();
            var lv = new byte[result.Schema.Comparisons.Count];
            for (var i = 0; i < result.Pairs.Count; i++)
            {
                var (a, b) = (result.Pairs.A(i), result.Pairs.B(i));
                result.Schema.Compare(a, b, lv);
                if (!(lv[3] == 0 || lv[6] == 0 || lv[7] == 0) || lv[1] != 0 || lv[2] != 0 || lv[0] != 3)
                {
                    continue;
                }
                var x = encoded[a].Filters.AsSpan(0, BloomEncoder.Words);
                var y = encoded[b].Filters.AsSpan(0, BloomEncoder.Words);
                int both = 0, ca = 0, cb = 0;
                for (var k = 0; k < x.Length; k++)
                {
                    both += System.Numerics.BitOperations.PopCount(x[k] & y[k]);
                    ca += System.Numerics.BitOperations.PopCount(x[k]);
                    cb += System.Numerics.BitOperations.PopCount(y[k]);
                }
                var bin = (int)(20.0 * 2 * both / (ca + cb));
                var (tr, fa) = hist.GetValueOrDefault(bin);
                hist[bin] = data.Truth[a] == data.Truth[b] ? (tr + 1, fa) : (tr, fa + 1);
            }
            foreach (var (bin, (tr, fa)) in hist)
            {
                Console.WriteLine($"given Dice [{bin * 0.05:F2}, {(bin + 1) * 0.05:F2}): true {tr:N0} false {fa:N0}");
            }
        }
        if (encoded is not null && args.Contains("twins"))
        {
            // Pairs of one household, family and birthday with given-name filters clearly different (twins, and nicknames a
            // filter cannot tell from another name), by whether the two records come from one source: true and false.
            var counts = new SortedDictionary<string, (long True, long False)>(StringComparer.Ordinal);
            var lv = new byte[result.Schema.Comparisons.Count];
            for (var i = 0; i < result.Pairs.Count; i++)
            {
                var (a, b) = (result.Pairs.A(i), result.Pairs.B(i));
                result.Schema.Compare(a, b, lv);
                if (!(lv[3] == 0 || lv[6] == 0 || lv[7] == 0) || lv[1] == 3 || lv[1] == LinkageSchema.Unknown || lv[2] != 0 || lv[0] is not (3 or 4))
                {
                    continue;
                }
                var kind = $"given {lv[0]}, {(result.Schema.SourceIndex(a) == result.Schema.SourceIndex(b) ? "one source" : "two sources")}, sex {(lv[4] == LinkageSchema.Unknown ? "?" : lv[4].ToString(System.Globalization.CultureInfo.InvariantCulture))}";
                var (tr, fa) = counts.GetValueOrDefault(kind);
                counts[kind] = data.Truth[a] == data.Truth[b] ? (tr + 1, fa) : (tr, fa + 1);
            }
            foreach (var (kind, (tr, fa)) in counts)
            {
                Console.WriteLine($"twins' shape, {kind}: true {tr:N0} false {fa:N0}");
            }
        }
        if (encoded is null && args.Contains("sexes"))
        {
            // Pairs of one household, family and birthday whose sexes differ, by their given names' level: twins of
            // different sex (Louis and Louise) against one person whose sex one agency recorded wrongly.
            var counts = new SortedDictionary<string, (long True, long False)>(StringComparer.Ordinal);
            var lv = new byte[result.Schema.Comparisons.Count];
            for (var i = 0; i < result.Pairs.Count; i++)
            {
                var (a, b) = (result.Pairs.A(i), result.Pairs.B(i));
                result.Schema.Compare(a, b, lv);
                if (!(lv[3] == 0 || lv[7] == 0 || lv[8] == 0) || lv[1] is not (0 or 2 or 3 or 4) || lv[2] != 0 || lv[4] != 1)
                {
                    continue;
                }
                var kind = $"given {(lv[0] == LinkageSchema.Unknown ? "?" : result.Schema.Comparisons[0].Levels[lv[0]])}, {(LinkageResult.IsLinked(result.Decisions[i]) ? "linked" : "not linked")}";
                var (tr, fa) = counts.GetValueOrDefault(kind);
                counts[kind] = data.Truth[a] == data.Truth[b] ? (tr + 1, fa) : (tr, fa + 1);
            }
            foreach (var (kind, (tr, fa)) in counts)
            {
                Console.WriteLine($"one household and birthday, sexes differ, {kind}: true {tr:N0} false {fa:N0}");
            }
        }
        if (args.Contains("calibration"))
        {
            // Per 2-bit band of weight: candidate pairs, matches the model expects (sum of probabilities) and true matches,
            // to see where the model's own estimate of recall goes wrong.
            var bands = new SortedDictionary<int, (long Pairs, double Expected, long True)>();
            for (var i = 0; i < result.Pairs.Count; i++)
            {
                var w = result.Weights[i];
                var band = (int)Math.Floor(Math.Clamp(w, -31, 40) / 2);
                var (n, e, tr) = bands.GetValueOrDefault(band);
                bands[band] = (n + 1, e + FellegiSunterModel.Probability(w), tr + (data.Truth[result.Pairs.A(i)] == data.Truth[result.Pairs.B(i)] ? 1 : 0));
            }
            foreach (var (band, (n, e, tr)) in bands)
            {
                Console.WriteLine($"band [{band * 2}, {(band * 2) + 2}): pairs {n:N0} expected matches {e:N0} true matches {tr:N0}");
            }
            var records = (double)data.Records.Count;
            var trueLambda = LinkageEvaluation.TruePairs(data.Truth) / (records * (records - 1) / 2);
            var truePrior = Math.Log2(trueLambda / (1 - trueLambda));
            Console.WriteLine($"prior {result.Model.PriorWeight:F2} bits; from the truth {truePrior:F2} bits");
            PriorParts(result, data.Truth, options);
            // The pairs near the threshold by kind (of one true household or not; their date of birth's level), with
            // the matches the model expects and the true ones: where the weights are wrong.
            var near = new SortedDictionary<string, (long Pairs, double Expected, long True)>(StringComparer.Ordinal);
            var lv = new byte[result.Schema.Comparisons.Count];
            for (var i = 0; i < result.Pairs.Count; i++)
            {
                var w = result.Weights[i];
                if (w is < -4 or >= 4)
                {
                    continue;
                }
                var (a, b) = (result.Pairs.A(i), result.Pairs.B(i));
                result.Schema.Compare(a, b, lv);
                string L(int c) => lv[c] == LinkageSchema.Unknown ? "?" : lv[c].ToString(System.Globalization.CultureInfo.InvariantCulture);
                var kind = $"{(w < 0 ? "[-4,0)" : "[0,4)")} {(data.Households[a] == data.Households[b] ? "household" : "other")} given {L(0)} surname {L(1)} dob {L(2)}";
                var (n, e, tr) = near.GetValueOrDefault(kind);
                near[kind] = (n + 1, e + FellegiSunterModel.Probability(w), tr + (data.Truth[a] == data.Truth[b] ? 1 : 0));
            }
            foreach (var (kind, (n, e, tr)) in near.Where(x => x.Value.Pairs >= Math.Max(20, result.Pairs.Count / 20_000)))
            {
                Console.WriteLine($"near the threshold, {kind}: pairs {n:N0} expected matches {e:N0} true {tr:N0}");
            }
            // The same pairs with the truth's prior: every weight moves by the same amount, so this is the pairwise
            // accuracy and the model's estimate the run would give if only the prior were right.
            var shift = truePrior - result.Model.PriorWeight;
            long tp = 0, fp = 0, allTrue = LinkageEvaluation.TruePairs(data.Truth);
            double pAbove = 0, pAll = 0;
            var linkAt = result.Model.LinkThreshold;
            for (var i = 0; i < result.Pairs.Count; i++)
            {
                if (result.Weights[i] <= -30)
                {
                    continue;
                }
                var w = result.Weights[i] + shift;
                var p = FellegiSunterModel.Probability(w);
                pAll += p;
                if (w >= linkAt)
                {
                    pAbove += p;
                    if (data.Truth[result.Pairs.A(i)] == data.Truth[result.Pairs.B(i)])
                    {
                        tp++;
                    }
                    else
                    {
                        fp++;
                    }
                }
            }
            Console.WriteLine($"with the truth's prior ({shift:+0.00;-0.00} bits), weight alone at the threshold: pairwise precision {(double)tp / Math.Max(1, tp + fp):F4} recall {(double)tp / allTrue:F4}; the model's recall estimate would be {pAbove / Math.Max(1e-9, pAll):F4}");
        }
        if (args.Contains("explain"))
        {
            var shown = 0;
            for (var i = 0; i < result.Pairs.Count && shown < 30; i += 101)
            {
                if (LinkageResult.IsLinked(result.Decisions[i]) && data.Truth[result.Pairs.A(i)] != data.Truth[result.Pairs.B(i)])
                {
                    shown++;
                    var x = result.Explain(i);
                    Console.WriteLine($"false link {(data.Households[result.Pairs.A(i)] == data.Households[result.Pairs.B(i)] ? "household" : "other")} {x.TotalWeight:F1}: " + string.Join(" | ", x.Contributions.Where(c => c.Level != "unknown").Select(c => $"{c.Comparison} {c.ValueA}/{c.ValueB} {c.Total:F1}")));
                }
            }
            var missed = 0;
            for (var i = 0; i < result.Pairs.Count && missed < 30; i += 7)
            {
                if (!LinkageResult.IsLinked(result.Decisions[i]) && data.Truth[result.Pairs.A(i)] == data.Truth[result.Pairs.B(i)])
                {
                    missed++;
                    var x = result.Explain(i);
                    Console.WriteLine($"missed {x.Decision} {x.TotalWeight:F1}: " + string.Join(" | ", x.Contributions.Where(c => c.Level != "unknown").Select(c => $"{c.Comparison} {c.Level} {c.Total:F1}")));
                }
            }
            foreach (var c in result.Model.Comparisons)
            {
                Console.WriteLine($"  {c.Name}: " + string.Join("; ", c.Levels.Select((l, i) => $"{l} m={c.M[i]:F3} u={c.U[i]:G3} hu={(c.HouseholdU.Length > 0 ? c.HouseholdU[i] : double.NaN):G3}")));
            }
            Console.WriteLine($"prior {result.Model.PriorWeight:F1}");
        }
        if (args.Contains("unblocked"))
        {
            // True pairs blocking never paired, a few shown with their records, to see which blocking key they lack.
            var paired = new HashSet<long>(result.Pairs.Count);
            for (var i = 0; i < result.Pairs.Count; i++)
            {
                paired.Add(result.Pairs.Packed[i]);
            }
            var shownUnblocked = 0;
            string Show(LinkRecord r) => $"{r.GivenNames} {r.Surname}{r.FullName} b{r.DateOfBirth} {r.HouseNumber} {string.Join(",", r.AddressLines)} {r.Postcode} nhs{r.NhsNumber} ph{r.Phone} em{r.Email}";
            foreach (var group in Enumerable.Range(0, data.Records.Count).GroupBy(i => data.Truth[i]))
            {
                var m = group.ToList();
                for (var i = 0; i < m.Count && shownUnblocked < 40; i++)
                {
                    for (var j = i + 1; j < m.Count && shownUnblocked < 40; j++)
                    {
                        if (!paired.Contains(((long)m[i] << 32) | (uint)m[j]))
                        {
                            shownUnblocked++;
                            Console.WriteLine($"unblocked: {Show(data.Records[m[i]])}  ||  {Show(data.Records[m[j]])}");
                        }
                    }
                }
            }
        }
        if (args.Contains("households"))
        {
            // True pairs a cannot-link rule holds apart, by rule, with a few shown.
            var held = new Dictionary<string, int>();
            for (var i = 0; i < result.Pairs.Count; i++)
            {
                if (result.Weights[i] <= -30 && data.Truth[result.Pairs.A(i)] == data.Truth[result.Pairs.B(i)])
                {
                    var x = result.Explain(i);
                    var rule = x.Contributions[^1].Level;
                    held[rule] = held.GetValueOrDefault(rule) + 1;
                    if (held[rule] <= 5)
                    {
                        Console.WriteLine($"true pair held apart ({rule}): " + string.Join(" | ", x.Contributions.Where(c => c.Level != "unknown" && c.Comparison != "cannot link").Select(c => $"{c.Comparison} {c.ValueA}/{c.ValueB}")));
                    }
                }
            }
            foreach (var (rule, count) in held)
            {
                Console.WriteLine($"true pairs held apart by \"{rule}\": {count:N0}");
            }
            // Every within-household false pair after clustering, counted by kind, and 200 explained.
            var shown = 0;
            var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var k = result.Schema.Comparisons.Count;
            string Kind(int a, int b)
            {
                var levels = new byte[k];
                result.Schema.Compare(a, b, levels);
                string L(int c) => levels[c] == LinkageSchema.Unknown ? "?" : result.Schema.Comparisons[c].Levels[levels[c]].Split(' ')[0];
                return $"given {L(0)}, dob {L(2)}, sex {L(4)}, flagged {result.Clusters.People[result.Clusters.PersonOf[a]].Flagged}";
            }
            foreach (var person in result.Clusters.People)
            {
                var m = person.Members;
                for (var i = 0; i < m.Count; i++)
                {
                    for (var j = i + 1; j < m.Count; j++)
                    {
                        if (data.Truth[m[i]] != data.Truth[m[j]] && data.Households[m[i]] == data.Households[m[j]])
                        {
                            var kind = Kind(m[i], m[j]);
                            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                            if (shown >= 200)
                            {
                                continue;
                            }
                            shown++;
                            if (args.Contains("members") && i == 0 && j == 1)
                            {
                                var truths = m.Select(r => data.Truth[r]).ToHashSet();
                                for (var r = 0; r < data.Records.Count; r++)
                                {
                                    if (truths.Contains(data.Truth[r]))
                                    {
                                        Console.WriteLine($"   member {r} truth {data.Truth[r]} person {result.Clusters.PersonIdOf(r)} given {result.Schema.Display(0, r)} dob {result.Schema.Display(2, r)} address {result.Schema.Display(3, r)} phone {result.Schema.Display(7, r)}");
                                    }
                                }
                            }
                            var x = result.Explain(m[i], m[j]);
                            Console.WriteLine($"household false pair (person of {m.Count}{(person.Flagged ? ", flagged" : "")}) {x.TotalWeight:F1}: " + string.Join(" | ", x.Contributions.Where(c => c.Level != "unknown").Select(c => $"{c.Comparison} {c.ValueA}/{c.ValueB} {c.Total:F1}")));
                        }
                    }
                }
            }
            foreach (var (kind, count) in kinds.OrderByDescending(x => x.Value))
            {
                Console.WriteLine($"household false pairs: {count:N0} with {kind}");
            }
            UntoldBySource(result, data.Truth);
        }
        Console.WriteLine($"managed heap (GC) {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MB now; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        return 0;
    }

    /// <summary>
    /// Splits the prior into what it is made of and sets each part against the truth: the matches the date-of-birth
    /// rule's EM expects among that rule's pairs, and the share of all matches that rule can catch (its coverage).
    /// </summary>
    private static void PriorParts(LinkageResult result, IReadOnlyList<string> truth, LinkageOptions options)
    {
        var schema = result.Schema;
        var n = (double)schema.Count;
        var possible = n * (n - 1) / 2;
        long keyed = 0;
        for (var i = 0; i < schema.Count; i++)
        {
            if (schema.BlockingKey(0, i) != 0)
            {
                keyed++;
            }
        }
        var coverage = (keyed / n) * (keyed / n);
        foreach (var c in schema.BlockedComparisons[0])
        {
            coverage *= result.Model.Comparisons[c].M[0];
        }
        var ruleMatches = result.Model.Lambda * possible * coverage;
        var rulePairs = CandidatePairs.ForRule(schema, 0, options.MaxBlockSize, options.LinkWithinSources, options.MaxTrainingPairsPerRule, out var step);
        long trueInRule = 0;
        foreach (var p in rulePairs)
        {
            if (truth[(int)(p >> 32)] == truth[(int)(uint)p])
            {
                trueInRule++;
            }
        }
        long truePairs = 0, sharingKey = 0;
        foreach (var group in Enumerable.Range(0, schema.Count).GroupBy(i => truth[i]))
        {
            var m = group.ToArray();
            for (var i = 0; i < m.Length; i++)
            {
                for (var j = i + 1; j < m.Length; j++)
                {
                    truePairs++;
                    var k = schema.BlockingKey(0, m[i]);
                    if (k != 0 && k == schema.BlockingKey(0, m[j]))
                    {
                        sharingKey++;
                    }
                }
            }
        }
        Console.WriteLine($"prior parts, rule \"{schema.BlockingRules[0]}\": {rulePairs.Length * step:N0} pairs; matches its EM expects {ruleMatches:N0}, true {trueInRule * step:N0}; share of matches it catches {coverage:F4}, true {(double)sharingKey / Math.Max(1, truePairs):F4}");
    }
    /// <summary>
    /// Records lacking a date of birth put with a person, counted by whether they are that person's (the truth most of
    /// its members have) and whether the person already holds a record of the same source that has a date of birth
    /// (a source holds a person once, so a second record of it with nothing to tell it apart may be someone else).
    /// </summary>
    private static void UntoldBySource(LinkageResult result, IReadOnlyList<string> truth)
    {
        var schema = result.Schema;
        var levels = new byte[schema.Comparisons.Count];
        bool HasDob(int r)
        {
            schema.Compare(r, r, levels);
            return levels[2] != LinkageSchema.Unknown;
        }
        var counts = new long[2, 2];
        foreach (var person in result.Clusters.People)
        {
            var m = person.Members;
            if (m.Count < 2)
            {
                continue;
            }
            var major = m.GroupBy(r => truth[r]).OrderByDescending(g => g.Count()).First().Key;
            foreach (var r in m)
            {
                if (HasDob(r))
                {
                    continue;
                }
                var sameSource = m.Any(o => o != r && schema.SourceIndex(o) == schema.SourceIndex(r) && HasDob(o));
                counts[truth[r] == major ? 0 : 1, sameSource ? 1 : 0]++;
            }
        }
        Console.WriteLine($"records without a date of birth put with a person: theirs {counts[0, 0]:N0} (+{counts[0, 1]:N0} where the person holds a record of that source with a date of birth); someone else's {counts[1, 0]:N0} (+{counts[1, 1]:N0})");
    }
}
