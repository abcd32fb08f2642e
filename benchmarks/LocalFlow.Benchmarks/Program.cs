using BenchmarkDotNet.Running;
using LocalFlow.Benchmarks.Linking;

// Run with: dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- --filter '*'
// Results go to BenchmarkDotNet.Artifacts/; copy the markdown into benchmarks/results/<machine>/.
// One-shot linkage at scale: dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- link-scale [people]
if (args.Length > 0 && args[0] == "link-scale")
{
    return LinkingScale.Run(args);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
