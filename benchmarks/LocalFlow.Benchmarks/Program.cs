using BenchmarkDotNet.Running;
using LocalFlow.Benchmarks.Flow;

// Run with: dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- --filter '*'
// Results go to BenchmarkDotNet.Artifacts/; copy the markdown into benchmarks/results/<machine>/.
// The whole flow pipeline over a folder of extracts (for 10 million records, where BenchmarkDotNet's repeats take too long):
//   /usr/bin/time -v dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- flow-pipeline DIR
if (args.Length == 2 && args[0] == "flow-pipeline")
{
    FlowPipeline.Run(args[1]);
    return;
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
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
