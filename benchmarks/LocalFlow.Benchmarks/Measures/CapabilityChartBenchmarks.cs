using BenchmarkDotNet.Attributes;
using LocalFlow.Analytics.Measures;

namespace LocalFlow.Benchmarks.Measures;

/// <summary>
/// Issue 3's goal: an XmR chart with signals for 10,000 points in under 1 ms. The series is noisy daily demand
/// with a level shift two thirds of the way through, so every signal rule has work to do.
/// </summary>
[MemoryDiagnoser]
public class CapabilityChartBenchmarks
{
    private double[] _values = [];

    /// <summary>Points in the series.</summary>
    [Params(1_000, 10_000)]
    public int Points { get; set; }

    /// <summary>A seeded, reproducible series.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _values = new double[Points];
        for (var i = 0; i < Points; i++)
        {
            var level = i < Points * 2 / 3 ? 100 : 85;
            _values[i] = level + (random.NextDouble() * 20) - 10 + (i % 7 == 0 ? 25 * random.NextDouble() : 0);
        }
    }

    /// <summary>One phase, screening on (the default).</summary>
    [Benchmark(Baseline = true)]
    public int OnePhase() => CapabilityChart.Compute(_values).Points.Count;

    /// <summary>Two phases (a redesign), a baseline of 20 points, screening on, direction set.</summary>
    [Benchmark]
    public int TwoPhasesWithBaseline() => CapabilityChart.Compute(_values, new CapabilityChartOptions
    {
        PhaseStarts = [Points * 2 / 3],
        BaselinePoints = 20,
        Direction = ImprovementDirection.LowerIsBetter,
    }).Points.Count;
}
