using System.CommandLine;
using LocalFlow.Data.Audit;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow audit verify`: checks the audit trail's hash chain and names the first broken link (docs/trust.md).</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "The audit trail of every read and change of personal data.");
        var verify = new Command("verify", "Check the whole audit chain: says it is whole, or names the first entry that was changed, replaced or removed (exit code 2).") { DatabaseArguments.Database, DatabaseArguments.DataDirectory };
        verify.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli audit verify", ct);
            if (db is null)
            {
                return 1;
            }
            var result = await AuditChain.VerifyAsync(db, ct: ct);
            var before = result.BeforeChain == 0 ? "" : $" {LocalFlow.Analytics.Plural.Of(result.BeforeChain, "entry", "entries")} written before the chain began (schema version 20) are not covered.";
            if (result.Whole)
            {
                Console.WriteLine($"The audit chain is whole: {LocalFlow.Analytics.Plural.Of(result.Checked, "entry", "entries")} checked.{before}");
                return 0;
            }
            Console.Error.WriteLine($"The audit chain is broken at entry {result.BrokenAt}. {result.Problem}");
            Console.Error.WriteLine($"{LocalFlow.Analytics.Plural.Of(result.Checked, "entry", "entries")} before it checked out.{before}");
            return 2;
        });
        command.Subcommands.Add(verify);
        return command;
    }
}
