using BenchmarkDotNet.Attributes;
using LocalFlow.Analytics.Demand;

namespace LocalFlow.Benchmarks.Suggestions;

/// <summary>
/// Type suggestions while a demand is being typed: the capture page asks for them on each keystroke pause, so
/// one suggestion must stay well inside the 50 ms capture round trip even with 100,000 earlier demands.
/// </summary>
[MemoryDiagnoser]
public class TypeSuggesterBenchmarks
{
    private static readonly string[] Openings = ["I'm ringing about", "It's about", "Can you help with", "I've been waiting for", "Nobody has called me back about", "I need", "My mum needs", "I was told to ring about"];
    private static readonly string[] Subjects = ["a blue badge", "the carer's assessment", "my mother's care package", "a grab rail in the bathroom", "the stair lift", "meals on wheels", "the direct payment", "a bath seat", "the council tax letter", "respite for my husband", "the home care visits", "a wheelchair ramp", "the occupational therapist", "my hospital discharge", "the pendant alarm"];
    private static readonly string[] Endings = ["", "again", "for the third time", "please", "it's urgent", "since last month", "and nobody knows", "I sent the form weeks ago"];

    private TypeSuggester _suggester = null!;

    /// <summary>Earlier demands the suggester has learnt from.</summary>
    [Params(10_000, 100_000)]
    public int Demands { get; set; }

    /// <summary>A seeded, reproducible study's worth of verbatims with 60 types.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var demands = new List<(string, string)>(Demands);
        for (var i = 0; i < Demands; i++)
        {
            var subject = random.Next(Subjects.Length);
            var opening = random.Next(Openings.Length);
            demands.Add(($"{Openings[opening]} {Subjects[subject]} {Endings[random.Next(Endings.Length)]}", $"type-{subject}-{opening % 4}"));
        }
        _suggester = TypeSuggester.Build(demands);
    }

    /// <summary>Top three types for a new verbatim.</summary>
    [Benchmark]
    public int Suggest() => _suggester.Suggest("Nobody has rung me back about my mum's stair lift, it's the third time").Count;

    /// <summary>Learning one more demand (after each capture).</summary>
    [Benchmark]
    public int Add()
    {
        _suggester.Add("I need a grab rail by the back door", "type-3-0");
        return _suggester.Documents;
    }
}
