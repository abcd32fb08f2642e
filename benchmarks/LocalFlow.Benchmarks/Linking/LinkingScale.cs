using System.Diagnostics;
using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Synthetic;

namespace LocalFlow.Benchmarks.Linking;

/// <summary>
/// One end-to-end linkage at scale (the goal: 1,000,000 records from five agencies in at most 2 minutes and
/// 4 GB). Run under /usr/bin/time -v for peak memory:
/// <c>dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- link-scale 250000</c>
/// (250,000 people make about 1,000,000 records).
/// </summary>
public static class LinkingScale
{
    /// <summary>Generates, links and prints timings and accuracy.</summary>
    public static int Run(string[] args)
    {
        var people = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 250_000;
        var sw = Stopwatch.StartNew();
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = people, Seed = 11 });
        var generate = sw.Elapsed;
        sw.Restart();
        var schema = new ClearTextSchema(data.Records);
        var prepare = sw.Elapsed;
        var result = Linker.Run(schema);
        var t = result.Timings;
        var pairwise = LinkageEvaluation.Pairwise(result, data.Truth);
        var clusters = LinkageEvaluation.Clusters(result, data.Truth);
        var report = result.Report();
        Console.WriteLine($"people {people:N0}; records {data.Records.Count:N0} from {data.Agencies.Count} agencies; candidate pairs {result.Pairs.Count:N0}");
        Console.WriteLine($"generate {generate.TotalSeconds:F1} s (not part of linkage)");
        Console.WriteLine($"prepare (normalise) {prepare.TotalSeconds:F1} s; blocking {t.Blocking.TotalSeconds:F1} s; comparing {t.Comparing.TotalSeconds:F1} s; EM (u + m) {t.Estimating.TotalSeconds:F1} s; scoring {t.Scoring.TotalSeconds:F1} s; clustering {t.Clustering.TotalSeconds:F1} s");
        Console.WriteLine($"linkage total (prepare + stages) {(prepare + t.Total).TotalSeconds:F1} s");
        Console.WriteLine($"pairwise precision {pairwise.Precision:F4} recall {pairwise.Recall:F4}; clusters precision {clusters.Precision:F4} recall {clusters.Recall:F4}; flagged {report.FlaggedClusters}; reviews {report.Reviews:N0}");
        Console.WriteLine($"managed heap peak (GC) {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MB now; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        return 0;
    }
}
