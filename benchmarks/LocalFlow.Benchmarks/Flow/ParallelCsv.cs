using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;

namespace LocalFlow.Benchmarks.Flow;

/// <summary>Reads agency extracts (each with its .mapping.json) into one log, two files at a time.</summary>
public static class ParallelCsv
{
    public static ActivityLog Read(IReadOnlyList<string> files, out long rows)
    {
        var total = files.Sum(f => new FileInfo(f).Length);
        var builder = new ActivityLogBuilder((int)Math.Min(total / 60, 200_000_000));
        var inputs = files.Select(f => (f, CsvMapping.FromJson(File.ReadAllText(Path.ChangeExtension(f, ".mapping.json"))))).ToList();
        var reports = CsvActivityReader.ReadFiles(inputs, builder);
        if (reports.FirstOrDefault(r => r.Rejected) is { } bad)
        {
            throw new InvalidOperationException($"{bad.Source}: {bad.Errors[0]}");
        }
        rows = reports.Sum(r => r.Rows);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var log = builder.Build();
        Console.WriteLine($"(of which building the sorted log: {watch.Elapsed.TotalSeconds:0.000} s wall)");
        return log;
    }
}
