using System.CommandLine;
using System.Diagnostics;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Analytics.Flow.Synthetic;
using LocalFlow.Data;
using Spectre.Console;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow demo generate`: deterministic per-agency CSV extracts (and XES) for benchmarks, without a database.</summary>
internal static class DemoGenerateCommand
{
    public static Command Create()
    {
        var people = new Option<int>("--people") { Description = "How many people (500,000 gives about ten million records).", DefaultValueFactory = _ => 1000 };
        var years = new Option<int>("--years") { Description = "Over how many years, up to the end of 2025.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed always writes the same files.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Folder to write into.", Required = true };
        var perPerson = new Option<int>("--records-per-person") { Description = "Average records per person (default 20).", DefaultValueFactory = _ => 20 };
        var xes = new Option<bool>("--xes") { Description = "Also write all records as one XES file (flow.xes.gz)." };
        var permits = new Option<bool>("--permit-shaped-xes") { Description = "Also write permits.xes.gz, shaped like the 62 MB building-permit log (1,199 cases, 52,217 events)." };
        var command = new Command("generate", "Write fictional multi-agency CSV extracts (12 agencies, each with its column mapping) for benchmarks; deterministic for a seed. No database is touched.")
        {
            people, years, seed, output, perPerson, xes, permits,
        };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(people);
            var y = parse.GetValue(years);
            var r = parse.GetValue(perPerson);
            if (n < 1 || n > 5_000_000 || y < 1 || y > 100 || r < 1 || r > 1000)
            {
                Console.Error.WriteLine("--people must be 1 to 5,000,000, --years 1 to 100 and --records-per-person 1 to 1,000.");
                return 2;
            }
            var dir = parse.GetValue(output)!;
            var watch = Stopwatch.StartNew();
            SyntheticFlowResult? result = null;
            if (Console.IsOutputRedirected)
            {
                result = SyntheticFlowGenerator.WriteCsv(dir, n, y, parse.GetValue(seed), r);
            }
            else
            {
                AnsiConsole.Progress().Start(ctx =>
                {
                    var task = ctx.AddTask("Writing extracts", maxValue: 1);
                    result = SyntheticFlowGenerator.WriteCsv(dir, n, y, parse.GetValue(seed), r, new InlineProgress<double>(f => task.Value = f));
                });
            }
            Console.WriteLine($"Wrote {result!.Records:N0} records for {n:N0} people in 12 agency extracts to {dir} ({watch.Elapsed.TotalSeconds:0.0} s).");
            if (parse.GetValue(xes))
            {
                var builder = new ActivityLogBuilder();
                SyntheticFlowGenerator.AddTo(builder, n, y, parse.GetValue(seed), r);
                var path = Path.Combine(dir, "flow.xes.gz");
                using (var stream = File.Create(path))
                {
                    XesWriter.Write(builder.Build(), stream, gzip: true);
                }
                Console.WriteLine($"Wrote {path}.");
            }
            if (parse.GetValue(permits))
            {
                var path = Path.Combine(dir, "permits.xes.gz");
                SyntheticFlowGenerator.WriteBuildingPermitShapedXes(path, seed: parse.GetValue(seed));
                Console.WriteLine($"Wrote {path}.");
            }
            return 0;
        });
        return command;
    }
}
