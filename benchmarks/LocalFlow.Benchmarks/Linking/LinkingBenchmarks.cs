using BenchmarkDotNet.Attributes;
using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Synthetic;

namespace LocalFlow.Benchmarks.Linking;

/// <summary>The stages of a clear-text linkage on 20,000 synthetic people (about 80,000 records from five agencies).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class LinkingBenchmarks
{
    private ClearTextSchema _schema = null!;
    private CandidatePairs _pairs = null!;
    private ComparisonVectors _vectors = null!;
    private FellegiSunterModel _model = null!;

    /// <summary>Makes the data, the pairs and a model once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = 20_000, Seed = 11 });
        _schema = new ClearTextSchema(data.Records);
        _pairs = CandidatePairs.Build(_schema, 2000, true);
        _vectors = ComparisonVectors.Build(_schema, _pairs);
        _model = Linker.Run(_schema).Model;
    }

    /// <summary>Candidate pairs from the blocking rules.</summary>
    [Benchmark(Baseline = true)]
    public int Blocking() => CandidatePairs.Build(_schema, 2000, true).Count;

    /// <summary>Comparison levels of every candidate pair.</summary>
    [Benchmark]
    public int Comparing() => ComparisonVectors.Build(_schema, _pairs).Count;

    /// <summary>u from random pairs and m by EM per blocking rule.</summary>
    [Benchmark]
    public double Estimating()
    {
        var u = ModelTraining.EstimateU(_schema, 500_000, 1, out var drawn);
        return ModelTraining.Train(_schema, _vectors, u, drawn, 2000, true).Lambda;
    }

    /// <summary>The whole run with a saved model (blocking, comparing, scoring, clustering).</summary>
    [Benchmark]
    public int LinkWithSavedModel() => Linker.Run(_schema, new LinkageOptions { Model = _model }).Clusters.People.Count;
}
