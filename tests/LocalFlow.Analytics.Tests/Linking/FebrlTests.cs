using LocalFlow.Analytics.Linking;
using Xunit.Abstractions;

namespace LocalFlow.Analytics.Tests.Linking;

public class FebrlTests(ITestOutputHelper output)
{
    internal static (LinkageResult Result, string[] Truth) LinkFebrl(string file, Func<IReadOnlyList<LinkRecord>, LinkageSchema>? schema = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "febrl", file);
        using var reader = new StreamReader(path);
        var source = LinkCsv.Read("febrl", reader, extraColumns: ["rec_id"]);
        var truth = source.Extra["rec_id"].Select(LinkageEvaluation.FebrlTruthKey).ToArray();
        var s = schema is null ? new ClearTextSchema(source.Records) : schema(source.Records);
        return (Linker.Run(s), truth);
    }

    [Theory]
    [InlineData("dataset1.csv", 0.95, 0.85)]
    [InlineData("dataset2.csv", 0.95, 0.85)]
    public void Febrl_ClearText_ReachesRecordedAccuracy(string file, double minPrecision, double minRecall)
    {
        var (result, truth) = LinkFebrl(file);
        var pairwise = LinkageEvaluation.Pairwise(result, truth);
        var clusters = LinkageEvaluation.Clusters(result, truth);
        var report = result.Report();
        output.WriteLine($"{file}: pairs {result.Pairs.Count}, true pairs {LinkageEvaluation.TruePairs(truth)}, pairwise P={pairwise.Precision:F4} R={pairwise.Recall:F4} (TP {pairwise.TruePositives} FP {pairwise.FalsePositives} FN {pairwise.FalseNegatives}); clusters P={clusters.Precision:F4} R={clusters.Recall:F4}; est P={report.EstimatedPrecision:F4} R={report.EstimatedRecall:F4}; λ={result.Model.Lambda:G3} it={result.Model.Iterations} flagged={report.FlaggedClusters} reviews={report.Reviews}");
        foreach (var c in result.Model.Comparisons)
        {
            output.WriteLine($"  {c.Name}: " + string.Join("; ", c.Levels.Select((l, i) => $"{l} m={c.M[i]:F3} u={c.U[i]:G3} w={c.Weight(i):F1}")));
        }
        pairwise.Precision.ShouldBeGreaterThanOrEqualTo(minPrecision);
        pairwise.Recall.ShouldBeGreaterThanOrEqualTo(minRecall);
    }
}
