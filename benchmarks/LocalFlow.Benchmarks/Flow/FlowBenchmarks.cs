using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Analytics.Flow.Synthetic;

namespace LocalFlow.Benchmarks.Flow;

/// <summary>
/// One million records (50,000 people, 12 agencies, ten years): CSV extracts to log, and the analyses on the log.
/// Short runs: <c>dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- --filter '*FlowBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FlowBenchmarks
{
    private string _dir = "";
    private ActivityLog _log = ActivityLog.Empty();

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "localflow-bench-1m");
        if (!File.Exists(Path.Combine(_dir, "police.csv")))
        {
            SyntheticFlowGenerator.WriteCsv(_dir, 50_000, 10, 1);
        }
        _log = ReadCsv();
    }

    [Benchmark(Baseline = true, Description = "CSV extracts -> log (1M records)")]
    public ActivityLog ReadCsv()
    {
        var files = Directory.GetFiles(_dir, "*.csv").Order(StringComparer.Ordinal)
            .Select(f => (f, CsvMapping.FromJson(File.ReadAllText(Path.ChangeExtension(f, ".mapping.json"))))).ToList();
        var builder = new ActivityLogBuilder(1_100_000);
        CsvActivityReader.ReadFiles(files, builder);
        return builder.Build();
    }

    [Benchmark(Description = "every person's figures")]
    public PersonFigures[] Figures() => new FlowAnalyzer(_log).AllPeople();

    [Benchmark(Description = "every signal")]
    public int Signals() => new FlowAnalyzer(_log).AllSignals().Count;

    [Benchmark(Description = "agency and team hand-off maps")]
    public int HandOffMaps() => HandOffs.Graph(_log, FlowLevel.Agency).Edges.Count + HandOffs.Graph(_log, FlowLevel.Team).Edges.Count;

    [Benchmark(Description = "log statistics (variants, DF pairs)")]
    public LogStatistics Statistics() => LogStatistics.Of(_log);
}
