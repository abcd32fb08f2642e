using System.CommandLine;
using LocalFlow.Cli.Commands;

var root = new RootCommand("""
    localflow — the command line for LocalFlow: bulk work on a locality's data.

    LocalFlow helps public services study the demand people place on them, follow each person's
    demands across every agency, and measure the system against its purpose. Run the web app with
    `dotnet run --project src/LocalFlow.Web`; use this tool for the demo, imports and analyses.
    """);
// The most one field, attribute or text of an imported file may hold (docs/flow-import.md); 64 KB unless set.
if (LocalFlow.Analytics.Flow.Formats.ReadLimits.Configure(Environment.GetEnvironmentVariable(LocalFlow.Analytics.Flow.Formats.ReadLimits.EnvironmentVariable)) is { } limitError)
{
    Console.Error.WriteLine(LocalFlow.Analytics.Flow.Formats.ReadLimits.EnvironmentVariable + ": " + limitError);
    return 2;
}
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
