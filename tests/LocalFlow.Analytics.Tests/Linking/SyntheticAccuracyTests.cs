using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Synthetic;
using Xunit.Abstractions;

namespace LocalFlow.Analytics.Tests.Linking;

public class SyntheticAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void GeneratorData_ClearText_MeetsPrecisionAndRecall_AtDefaultThreshold()
    {
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = 20_000, Seed = 7 });
        var result = Linker.Run(new ClearTextSchema(data.Records));
        var pairwise = LinkageEvaluation.Pairwise(result, data.Truth);
        var clusters = LinkageEvaluation.Clusters(result, data.Truth);
        var report = result.Report();
        output.WriteLine($"records {data.Records.Count}, pairs {result.Pairs.Count}, true pairs {LinkageEvaluation.TruePairs(data.Truth)}; pairwise P={pairwise.Precision:F4} R={pairwise.Recall:F4} (TP {pairwise.TruePositives} FP {pairwise.FalsePositives} FN {pairwise.FalseNegatives}); clusters P={clusters.Precision:F4} R={clusters.Recall:F4}; est P={report.EstimatedPrecision:F4} R={report.EstimatedRecall:F4}; λ={result.Model.Lambda:G3} it={result.Model.Iterations} flagged={report.FlaggedClusters}/{report.FlaggedComponents} reviews={report.Reviews} {result.Timings}");
        foreach (var c in result.Model.Comparisons)
        {
            output.WriteLine($"  {c.Name}: " + string.Join("; ", c.Levels.Select((l, i) => $"{l} m={c.M[i]:F3} u={c.U[i]:G3} w={c.Weight(i):F1}")));
        }
        var fps = Enumerable.Range(0, result.Pairs.Count).Where(i => LinkageResult.IsLinked(result.Decisions[i]) && data.Truth[result.Pairs.A(i)] != data.Truth[result.Pairs.B(i)]).Take(5);
        foreach (var i in fps)
        {
            var x = result.Explain(i);
            output.WriteLine($"FP {x.A} {x.B} {x.TotalWeight:F1}: " + string.Join(" | ", x.Contributions.Where(c => c.Level != "unknown").Select(c => $"{c.Comparison} {c.ValueA}/{c.ValueB} {c.Total:F1}")));
        }
        pairwise.Precision.ShouldBeGreaterThanOrEqualTo(0.98);
        pairwise.Recall.ShouldBeGreaterThanOrEqualTo(0.95);
    }
}
