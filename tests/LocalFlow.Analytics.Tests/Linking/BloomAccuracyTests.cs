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

    [Fact]
    public void PhoneAndEmailKeys_PairRecordsNoOtherKeyPairs_AndOlderFilesWithFiveKeysStillRead()
    {
        // One person who moved (other postcode) and whose date of birth was mistyped and surname changed: only the
        // mobile and the e-mail still agree, so only their keyed blocking rules can pair the two records.
        var records = new List<LinkRecord>
        {
            LinkingTestData.Person("gp", "1", "Dawn", "Quinn", "1990-02-11", "NF6 2AB", "27 Church Road", sex: "F", phone: "07700900444", email: "dawn.q@example.org"),
            LinkingTestData.Person("police", "1", "Dawn", "Hart", "1990-12-01", "NF9 7XY", "3 Mill Lane", sex: "F", phone: "07700900444", email: "dawn.q@example.org"),
        };
        var encoded = new BloomEncoder(Secret).Encode(records);
        var pairs = CandidatePairs.Build(new BloomSchema(encoded), 2000, false);
        pairs.Count.ShouldBe(1);
        var writer = new StringWriter();
        EncodedCsv.Write(writer, encoded);
        var back = EncodedCsv.Read(new StringReader(writer.ToString()));
        back[1].BlockKeys.ShouldBe(encoded[1].BlockKeys);
        // A file encoded before the phone and e-mail keys: the last two key columns missing; read with those keys unknown.
        var older = string.Join('\n', writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(',', l.TrimEnd('\r').Split(',')[..^2])));
        var read = EncodedCsv.Read(new StringReader(older));
        read[1].BlockKeys[..5].ShouldBe(encoded[1].BlockKeys[..5]);
        read[1].BlockKeys[5].ShouldBe(0UL);
    }
}
