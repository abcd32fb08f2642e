using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Synthetic;
using static LocalFlow.Analytics.Tests.Linking.LinkingTestData;

namespace LocalFlow.Analytics.Tests.Linking;

public class EngineTests
{
    [Fact]
    public void Em_Converges_AndLearnsThatAgreementIsEvidence()
    {
        var model = Model;
        model.Converged.ShouldBeTrue();
        model.Lambda.ShouldBeInRange(1e-9, 0.01);
        foreach (var name in new[] { "given name", "surname", "date of birth", "address", "NHS number" })
        {
            var c = model.Comparisons.Single(x => x.Name == name);
            c.Weight(0).ShouldBeGreaterThan(4, name);
            c.Weight(c.Levels.Count - 1).ShouldBeLessThan(0, name);
            c.M.Sum().ShouldBe(1, 0.05, name);
        }
    }

    [Fact]
    public void Em_CountsASharedAddress_TowardsM_InPairsThatAllShareAPhone()
    {
        // The phone rule's pairs all share a phone, so each is a household pair scored through the phone and its shared
        // address adds nothing to the likelihood. That address is still what matches show: 700 of the 1,000 matches
        // (one given name and birthday) share it. Left out of m, as before, EM learned that matches almost never share an
        // address.
        ComparisonInfo[] info =
        [
            new("given name", ["same", "different"], -1, [0.8, 0.2], TellsApart: true),
            new("date of birth", ["same", "different"], -1, [0.8, 0.2], TellsApart: true),
            new("address", ["same", "different"], -1, [0.8, 0.2], Shared: true, HouseholdLevel: 0),
            new("phone", ["same", "different"], -1, [0.8, 0.2], Shared: true, HouseholdLevel: 0),
        ];
        static ulong Pattern(uint given, uint dob, uint address) => given | (dob << 4) | (address << 8);
        (ulong, long)[] patterns = [(Pattern(0, 0, 0), 700), (Pattern(0, 0, 1), 300), (Pattern(1, 1, 0), 2_000), (Pattern(1, 0, 0), 30), (Pattern(0, 1, 0), 40)];
        double[][] m = [[0.8, 0.2], [0.8, 0.2], [0.8, 0.2], [0.8, 0.2]];
        double[][] u = [[0.005, 0.995], [0.0001, 0.9999], [0.001, 0.999], [0.0001, 0.9999]];
        double[][] householdU = [[0.02, 0.98], [0.014, 0.986], [0.97, 0.03], [0.3, 0.7]];
        var (lambda, _, converged, _) = ModelTraining.Em(patterns, m, u, [true, true, true, false], 0.05, 1_000, 1e-6, updateM: true, householdU, info);
        converged.ShouldBeTrue();
        lambda.ShouldBe(1_000.0 / 3_070, 0.02);
        m[2][0].ShouldBe(0.7, 0.03);
    }

    [Fact]
    public void Model_RoundTripsThroughJson()
    {
        var model = Model;
        var again = FellegiSunterModel.FromJson(model.ToJson());
        again.Lambda.ShouldBe(model.Lambda);
        again.Comparisons.Select(c => c.Weight(0)).ShouldBe(model.Comparisons.Select(c => c.Weight(0)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"Lambda\": 0.5, \"Comparisons\": []}")]
    [InlineData("{\"Lambda\": 0.1, \"Comparisons\": [{\"Name\": \"x\", \"Levels\": [\"a\", \"b\"], \"M\": [0.5], \"U\": [0.5, 0.5]}]}")]
    public void Model_FromBadJson_IsRefusedWithAReason(string json) =>
        Should.Throw<LinkageInputException>(() => FellegiSunterModel.FromJson(json)).Message.ShouldNotBeNullOrWhiteSpace();

    [Fact]
    public void Model_ForAnotherMode_IsRefused()
    {
        var model = Model;
        model.Comparisons.RemoveAt(0);
        var schema = new ClearTextSchema([Person("a", "1", surname: "Khan"), Person("b", "1", surname: "Khan")]);
        Should.Throw<LinkageInputException>(() => Linker.Run(schema, new LinkageOptions { Model = model })).Message.ShouldContain("comparisons");
    }

    [Fact]
    public void Blocking_ProducesEachPairOnce_AndRespectsTheBlockLimit()
    {
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = 1500, Seed = 3 });
        var schema = new ClearTextSchema(data.Records);
        var pairs = CandidatePairs.Build(schema, 2000, withinSources: true);
        pairs.Packed.Distinct().Count().ShouldBe(pairs.Count);
        Enumerable.Range(0, pairs.Count).ShouldAllBe(i => pairs.A(i) < pairs.B(i));
        pairs.PerRule.Sum().ShouldBe(pairs.Count);

        var small = CandidatePairs.Build(schema, 3, withinSources: true);
        small.SkippedBlocks.Sum().ShouldBeGreaterThan(0);
        small.Count.ShouldBeLessThan(pairs.Count);

        var across = CandidatePairs.Build(schema, 2000, withinSources: false);
        Enumerable.Range(0, across.Count).ShouldAllBe(i => schema.SourceIndex(across.A(i)) != schema.SourceIndex(across.B(i)));
    }

    [Fact]
    public void Blocking_FindsAlmostEveryTruePair()
    {
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = 3000, Seed = 5 });
        var schema = new ClearTextSchema(data.Records);
        var pairs = CandidatePairs.Build(schema, 2000, withinSources: true);
        var found = Enumerable.Range(0, pairs.Count).Count(i => data.Truth[pairs.A(i)] == data.Truth[pairs.B(i)]);
        ((double)found / LinkageEvaluation.TruePairs(data.Truth)).ShouldBeGreaterThan(0.98);
    }

    [Fact]
    public void Explain_ContributionsAddUpToTheWeight()
    {
        var records = new List<LinkRecord>
        {
            Person("police", "1", "Margaret", "Okonkwo", "1961-03-12", "NF1 2AB", "10 High Street", sex: "F"),
            Person("housing", "9", "Peggy", "Okonkwo", "12/03/1961", "NF1 2AB", "10 High St", sex: "Female"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = Model });
        var x = result.Explain(0, 1);
        (x.PriorWeight + x.Contributions.Sum(c => c.Total)).ShouldBe(x.TotalWeight, 1e-6);
        x.Contributions.Single(c => c.Comparison == "given name").Level.ShouldStartWith("nickname or other given name");
        x.Contributions.Single(c => c.Comparison == "NHS number").Weight.ShouldBe(0);
        x.Decision.ShouldBe(PairDecision.Link);
        result.Clusters.PersonIdOf(0).ShouldBe(result.Clusters.PersonIdOf(1));
    }

    [Fact]
    public void NothingIsLinkedOnASingleField()
    {
        var scorer = new PairScorer(new ClearTextSchema([Person("a", "1", surname: "Khan")]), Model);
        scorer.Decide(40, agreeing: 1).ShouldBe(PairDecision.Review);
        scorer.Decide(40, agreeing: 2).ShouldBe(PairDecision.Link);
        scorer.Decide(-30, agreeing: 0).ShouldBe(PairDecision.NonLink);
    }

    [Fact]
    public void Decisions_OverrideTheModel()
    {
        var records = new List<LinkRecord>
        {
            Person("police", "1", "Margaret", "Okonkwo", "1961-03-12", "NF1 2AB", "10 High Street"),
            Person("housing", "9", "Margaret", "Okonkwo", "1961-03-12", "NF1 2AB", "10 High Street"),
            Person("health", "5", "Joseph", "Adeyemi", "1990-07-01", "NF7 3CD", "2 Mill Lane"),
        };
        var decided = new List<PairDecisionRecord> { new("police", "1", "housing", "9", false), new("police", "1", "health", "5", true) };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = Model, Decisions = decided });
        result.Clusters.PersonIdOf(0).ShouldNotBe(result.Clusters.PersonIdOf(1));
        result.Clusters.PersonIdOf(0).ShouldBe(result.Clusters.PersonIdOf(2));
        result.Report().DecidedNonLinks.ShouldBe(1);
    }

    [Fact]
    public void QualityReport_BandsCoverEveryPair_AndEstimatesArePlausible()
    {
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = 2000, Seed = 8 });
        var result = Linker.Run(new ClearTextSchema(data.Records));
        var report = result.Report();
        report.Bands.Sum(b => b.Pairs).ShouldBe(result.Pairs.Count);
        report.EstimatedPrecision.ShouldBeInRange(0.9, 1.0);
        report.EstimatedRecall.ShouldBeInRange(0.9, 1.0);
        (report.Links + report.Reviews + report.NonLinks).ShouldBe(result.Pairs.Count);

        // A lower threshold trades estimated precision for recall.
        var lower = QualityReport.From(result, result.Model.ReviewThreshold);
        lower.EstimatedRecall.ShouldBeGreaterThanOrEqualTo(report.EstimatedRecall);
        lower.EstimatedPrecision.ShouldBeLessThanOrEqualTo(report.EstimatedPrecision);
    }

    [Fact]
    public void Generator_IsDeterministicBySeed_AndSizeScales()
    {
        var a = LinkageDataGenerator.Generate(new SyntheticOptions { People = 300, Seed = 12 });
        var b = LinkageDataGenerator.Generate(new SyntheticOptions { People = 300, Seed = 12 });
        var c = LinkageDataGenerator.Generate(new SyntheticOptions { People = 300, Seed = 13 });
        a.Records.Select(r => r.Surname + r.DateOfBirth + r.Postcode).ShouldBe(b.Records.Select(r => r.Surname + r.DateOfBirth + r.Postcode));
        a.Records.Select(r => r.Surname).ShouldNotBe(c.Records.Select(r => r.Surname));
        a.Truth.Distinct().Count().ShouldBe(300);
        a.Records.Select(r => r.Source).Distinct().Count().ShouldBe(5);
        var dir = Path.Combine(Path.GetTempPath(), "lf-gen-" + Guid.NewGuid().ToString("N"));
        var files = a.WriteCsv(dir);
        files.Count.ShouldBe(6);
        using var reader = new StreamReader(Path.Combine(dir, "police.csv"));
        var police = LinkCsv.Read("police", reader);
        police.Records.Count.ShouldBe(a.Records.Count(r => r.Source == "police"));
    }
}
