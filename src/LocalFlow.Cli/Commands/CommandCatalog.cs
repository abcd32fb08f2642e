using System.CommandLine;

namespace LocalFlow.Cli.Commands;

/// <summary>Every verb of the `localflow` command. Each capability adds its verbs here, one file per verb.</summary>
internal static class CommandCatalog
{
    /// <summary>The `localflow` command with every verb under it.</summary>
    public static RootCommand Root()
    {
        var root = new RootCommand("""
            localflow — the command line for LocalFlow: bulk work on a locality's data.

            LocalFlow helps public services study the demand people place on them, follow each person's
            demands across every agency, and measure the system against its purpose. Run the web app with
            `dotnet run --project src/LocalFlow.Web`; use this tool for the demo, imports and analyses.
            """);
        foreach (var command in All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return SchemaCommand.Create();
        yield return SpcCommand.Create();
        yield return LinkCommand.Create();
        yield return DemandCommand.Create();
        yield return FlowCommand.Create();
        yield return EconomicsCommand.Create();
        yield return LocalityCommand.Create();
        yield return MeasuresCommand.Create();
        yield return AuditCommand.Create();
        yield return BackupCommand.Create();
        yield return RestoreCommand.Create();
        yield return SubjectAccessCommand.Create();
    }
}
