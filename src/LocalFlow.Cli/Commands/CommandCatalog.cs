using System.CommandLine;

namespace LocalFlow.Cli.Commands;

/// <summary>Every verb of the `localflow` command. Each capability adds its verbs here, one file per verb.</summary>
internal static class CommandCatalog
{
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
