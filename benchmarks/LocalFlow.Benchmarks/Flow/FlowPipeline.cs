using System.Diagnostics;
using System.Globalization;
using LocalFlow.Analytics.Flow;

namespace LocalFlow.Benchmarks.Flow;

/// <summary>
/// The whole flow pipeline on a folder of CSV extracts, timed phase by phase: parse and build the log, every
/// person's figures, every signal, the agency and team hand-off maps. Run with /usr/bin/time -v for peak memory:
/// <c>/usr/bin/time -v dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- flow-pipeline DIR</c>.
/// </summary>
public static class FlowPipeline
{
    public static void Run(string directory)
    {
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var cpu = new List<TimeSpan>();
        TimeSpan Cpu()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
        var cpuStart = Cpu();
        var cpuAt = cpuStart;
        void Mark()
        {
            var now = Cpu();
            cpu.Add(now - cpuAt);
            cpuAt = now;
        }
        var files = Directory.GetFiles(directory, "*.csv").Order(StringComparer.Ordinal).ToList();
        var log = ParallelCsv.Read(files, out var rows);
        var read = watch.Elapsed;
        Mark();
        watch.Restart();
        var analyzer = new FlowAnalyzer(log);
        var people = analyzer.AllPeople();
        var figures = watch.Elapsed;
        Mark();
        watch.Restart();
        var signals = analyzer.AllSignals();
        var signalTime = watch.Elapsed;
        Mark();
        watch.Restart();
        var agencies = HandOffs.Graph(log, FlowLevel.Agency);
        var teams = HandOffs.Graph(log, FlowLevel.Team);
        var graphs = watch.Elapsed;
        Mark();
        watch.Restart();
        var cohort = CohortFigures.Of(people, log);
        var cohortTime = watch.Elapsed;
        Mark();
        total.Stop();
        var c = 0;
        string S(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s wall, " + cpu[c++].TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s CPU";
        Console.WriteLine($"files {files.Count}, rows {rows:N0}, records {log.Count:N0}, people {log.PersonCount:N0}");
        Console.WriteLine($"read CSV + build log   {S(read)}");
        Console.WriteLine($"per-person figures     {S(figures)}");
        Console.WriteLine($"signals ({signals.Count:N0})   {S(signalTime)}");
        Console.WriteLine($"hand-off maps ({agencies.Edges.Count} agency, {teams.Edges.Count} team edges) {S(graphs)}");
        Console.WriteLine($"cohort summary         {S(cohortTime)}");
        Console.WriteLine($"TOTAL                  {total.Elapsed.TotalSeconds:0.000} s wall, {(Cpu() - cpuStart).TotalSeconds:0.000} s CPU (the machine's load: {File.ReadAllText("/proc/loadavg").Trim()})");
        Console.WriteLine($"check: assessments {cohort.Assessments:N0}, hospital days {cohort.HospitalDays:N0}, cost {cohort.Cost:N0}");
        Console.WriteLine($"GC heap peak-ish: {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:N0} MB; total allocated {GC.GetTotalAllocatedBytes() / 1e6:N0} MB");
    }
}
