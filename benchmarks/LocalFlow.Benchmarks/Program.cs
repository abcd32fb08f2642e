using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/LocalFlow.Benchmarks -- --filter '*'
// Results go to BenchmarkDotNet.Artifacts/; copy the markdown into benchmarks/results/<machine>/.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
