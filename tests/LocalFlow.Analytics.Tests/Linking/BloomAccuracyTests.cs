using System.Text;
using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Privacy;
using LocalFlow.Analytics.Linking.Synthetic;
using Xunit.Abstractions;

namespace LocalFlow.Analytics.Tests.Linking;

public class BloomAccuracyTests(ITestOutputHelper output)
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("agreed-between-agencies-2026");

    [Fact]
    public void GeneratorData_Bloom_IsCloseToClearText()
    {
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = 20_000, Seed = 7 });
        var encoded = new BloomEncoder(Secret).Encode(data.Records);
        var result = Linker.Run(new BloomSchema(encoded));
        var pairwise = LinkageEvaluation.Pairwise(result, data.Truth);
        var clusters = LinkageEvaluation.Clusters(result, data.Truth);
        output.WriteLine($"bloom: records {data.Records.Count}, pairs {result.Pairs.Count}; pairwise P={pairwise.Precision:F4} R={pairwise.Recall:F4}; clusters P={clusters.Precision:F4} R={clusters.Recall:F4}; {result.Timings}");
        foreach (var c in result.Model.Comparisons)
        {
            output.WriteLine($"  {c.Name}: " + string.Join("; ", c.Levels.Select((l, i) => $"{l} m={c.M[i]:F3} u={c.U[i]:G3} w={c.Weight(i):F1}")));
        }
        // Achieved: P 0.987 R 0.965 (clear text on the same data: P 0.988 R 0.981).
        pairwise.Precision.ShouldBeGreaterThanOrEqualTo(0.98);
        pairwise.Recall.ShouldBeGreaterThanOrEqualTo(0.95);
    }

    [Theory]
    // Achieved: dataset1 P 1.000 R 0.972; dataset2 P 1.000 R 0.962.
    [InlineData("dataset1.csv", 0.99, 0.95)]
    [InlineData("dataset2.csv", 0.99, 0.94)]
    public void Febrl_Bloom_ReachesRecordedAccuracy(string file, double minPrecision, double minRecall)
    {
        var (result, truth) = FebrlTests.LinkFebrl(file, records => new BloomSchema(new BloomEncoder(Secret).Encode(records)));
        var pairwise = LinkageEvaluation.Pairwise(result, truth);
        output.WriteLine($"bloom {file}: pairs {result.Pairs.Count}; pairwise P={pairwise.Precision:F4} R={pairwise.Recall:F4} (TP {pairwise.TruePositives} FP {pairwise.FalsePositives} FN {pairwise.FalseNegatives})");
        pairwise.Precision.ShouldBeGreaterThanOrEqualTo(minPrecision);
        pairwise.Recall.ShouldBeGreaterThanOrEqualTo(minRecall);
    }
}
