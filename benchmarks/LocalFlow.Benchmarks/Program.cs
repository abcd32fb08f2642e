using BenchmarkDotNet.Running;
using LocalFlow.Benchmarks.Flow;
using LocalFlow.Benchmarks.Linking;

// Run with: dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- --filter '*'
// Results go to BenchmarkDotNet.Artifacts/; copy the markdown into benchmarks/results/<machine>/.
// One-shot linkage at scale: dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- link-scale [people]
if (args.Length > 0 && args[0] == "link-scale")
{
    return LinkingScale.Run(args);
}
// The whole flow pipeline over a folder of extracts (for 10 million records, where BenchmarkDotNet's repeats take too long):
//   /usr/bin/time -v dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- flow-pipeline DIR
if (args.Length == 2 && args[0] == "flow-pipeline")
{
    FlowPipeline.Run(args[1]);
    return 0;
}
// The database of the locality-wide page benchmark (benchmarks/engine-pages.sh): demo + records to 2 million:
//   dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- engine-setup FILE [households] [records]
if (args.Length >= 2 && args[0] == "engine-setup")
{
    return await EngineSetup.RunAsync(args);
}
// PostgreSQL bulk import (binary COPY): benchmarks/flow/postgres-import.sh starts a throwaway server and runs
//   dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- pg-import CONNECTION [households] [records]
if (args.Length >= 2 && args[0] == "pg-import")
{
    return await EngineSetup.PostgresImportAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}
// The locality picture worked out afresh (what its first view after a change waits for), three times:
//   dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- picture-build FILE [USER]
// (with USER, e.g. worker: the picture as that user sees it through the data sharing rule)
if (args.Length is 2 or 3 && args[0] == "picture-build")
{
    return await EngineSetup.TimePictureAsync(args[1], args.Length == 3 ? args[2] : null);
}
if (args.Length == 2 && args[0] == "engine-build")
{
    return await EngineSetup.TimeBuildAsync(args[1]);
}
// The engine brought up to date after imports that only add records, three times (the database grows by each import):
//   dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- engine-append FILE [records]
if (args.Length >= 2 && args[0] == "engine-append")
{
    return await EngineSetup.TimeAppendAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
}
// One import of RECORDS records stored in FILE's locality as the flow import stores a file (for benchmarks/pages/engine_pages.py):
//   dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- engine-import FILE RECORDS TAG
if (args.Length == 4 && args[0] == "engine-import")
{
    await EngineSetup.ImportAsync(LocalFlow.Data.DatabaseOptions.ForSqliteFile(Path.GetFullPath(args[1])), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
    return 0;
}
if (args.Length == 2 && args[0] == "xes-summary")
{
    // an XES file read and summarised, three times in one process (the first includes JIT compilation)
    for (var i = 0; i < 3; i++)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var b = new LocalFlow.Analytics.Flow.ActivityLogBuilder();
        var r = LocalFlow.Analytics.Flow.Formats.XesReader.Read(args[1], b);
        var log = b.Build();
        var stats = LocalFlow.Analytics.Flow.LogStatistics.Of(log);
        var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{stats.Cases:N0} cases, {stats.Events:N0} events, {stats.Activities:N0} activities, {stats.Variants:N0} variants, {stats.DirectlyFollowsPairs:N0} DF pairs: {watch.Elapsed.TotalSeconds:0.000} s wall, {used.TotalSeconds:0.000} s CPU (load {File.ReadAllText("/proc/loadavg").Trim()})");
    }
    return 0;
}
if (args.Length == 2 && args[0] == "csv-read")
{
    // steady-state speed of one extract: read it five times, report each
    var mapping = LocalFlow.Analytics.Flow.Formats.CsvMapping.FromJson(File.ReadAllText(Path.ChangeExtension(args[1], ".mapping.json")));
    var bytes = File.ReadAllBytes(args[1]);
    for (var i = 0; i < 5; i++)
    {
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var b = new LocalFlow.Analytics.Flow.ActivityLogBuilder(1 << 20);
        var r = LocalFlow.Analytics.Flow.Formats.CsvActivityReader.Read(new MemoryStream(bytes), mapping, b);
        var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{r.Rows:N0} rows in {used.TotalMilliseconds:N0} ms CPU = {used.TotalMilliseconds * 1e6 / r.Rows:N0} ns a row");
    }
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
