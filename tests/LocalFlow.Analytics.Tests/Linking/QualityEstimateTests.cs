using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Synthetic;
using Xunit.Abstractions;

namespace LocalFlow.Analytics.Tests.Linking;

/// <summary>
/// The quality report's own estimate of precision and recall (issue 10 item 2): a number within 0.02 of the truth where
/// the model can know, and "cannot estimate" with the reason where it cannot.
/// </summary>
public class QualityEstimateTests(ITestOutputHelper output)
{
    private static readonly Lazy<(SyntheticDataset Data, ClearTextSchema Schema, LinkageResult Result)> Hard = new(() =>
    {
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = 4000, Seed = 5, Hard = true });
        var schema = new ClearTextSchema(data.Records);
        return (data, schema, Linker.Run(schema));
    });

    private QualityReport Measure(LinkageResult result, SyntheticDataset data)
    {
        var report = result.Report(data.Truth);
        var paired = Enumerable.Range(0, result.Pairs.Count).Count(i => data.Truth[result.Pairs.A(i)] == data.Truth[result.Pairs.B(i)]);
        var truth = report.Truth!.Pairwise;
        output.WriteLine($"records {data.Records.Count}; truth P={truth.Precision:F4} R={truth.Recall:F4}; estimate P={report.EstimatedPrecision:F4} R={report.EstimatedRecall:F4}; once per source {report.SourceCheck}; missed by blocking {report.MissedMatches:F0} (truth {LinkageEvaluation.TruePairs(data.Truth) - paired}); known {report.EstimateKnown} {report.EstimateCaveat}");
        return report;
    }

    [Fact]
    public void Estimate_IsWithin002OfTheTruth_CountingTheMatchesBlockingNeverPaired()
    {
        var (data, _, result) = Hard.Value;
        var report = Measure(result, data);
        var truth = report.Truth!.Pairwise;
        report.EstimateKnown.ShouldBeTrue(report.EstimateCaveat);
        Math.Abs(report.EstimatedPrecision - truth.Precision).ShouldBeLessThan(0.02);
        Math.Abs(report.EstimatedRecall - truth.Recall).ShouldBeLessThan(0.02);
        // Capture–recapture sees the matches blocking missed: without them the recall would be that among candidate pairs.
        report.MissedMatches.ShouldBeGreaterThan(0);
        var missedTruth = truth.FalseNegatives - Enumerable.Range(0, result.Pairs.Count).Count(i => !LinkageResult.IsLinked(result.Decisions[i]) && data.Truth[result.Pairs.A(i)] == data.Truth[result.Pairs.B(i)]);
        report.MissedMatches.ShouldBeInRange(missedTruth * 0.5, missedTruth * 1.5);
    }

    [Fact]
    public void AModelThatTakesLookAlikesForMatches_SaysItCannotEstimate()
    {
        var (data, schema, trained) = Hard.Value;
        // Planted: the same model with a prior 12 bits too high, so strangers and household members who look alike get
        // high match probabilities (what strangers of one name and birthday got in Bloom mode on a million records).
        var planted = FellegiSunterModel.FromJson(trained.Model.ToJson());
        planted.Lambda = trained.Model.Lambda * 4096;
        var result = Linker.Run(schema, new LinkageOptions { Model = planted });
        var report = Measure(result, data);
        var truth = report.Truth!.Pairwise;
        // Its estimate would be wrong by more than 0.02...
        Math.Max(Math.Abs(report.EstimatedPrecision - truth.Precision), Math.Abs(report.EstimatedRecall - truth.Recall)).ShouldBeGreaterThan(0.02);
        // ...and it says so, with the reason, instead of printing it.
        report.EstimateKnown.ShouldBeFalse($"{report.EstimatedPrecision} {report.EstimatedRecall} {truth.Precision} {truth.Recall} {report.SourceCheck}");
        report.EstimateCaveat.ShouldContain("the model expects more matches than the sources can hold");
    }
}
