using System.CommandLine;
using LocalFlow.Data;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Schema;
using Spectre.Console;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow demo`: make the fictional locality Northfield in an empty database.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var households = new Option<int>("--households") { Description = "How many households to make (about 2,500 is a real neighbourhood; 200,000 for benchmarks).", DefaultValueFactory = _ => 2500 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed always makes the same locality.", DefaultValueFactory = _ => new DemoOptions().Seed };
        var noUsers = new Option<bool>("--no-users") { Description = "Do not create the demo sign-ins." };
        var command = new Command("demo", "Create the demo locality \"Northfield\" (households, people, agencies, teams, front doors, unit costs and each capability's demo data) in an empty database.")
        {
            households, seed, noUsers, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        command.Subcommands.Add(DemoGenerateCommand.Create());
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(households);
            if (n < 1 || n > 5_000_000)
            {
                AnsiConsole.MarkupLine("[red]--households must be between 1 and 5,000,000.[/]");
                return 2;
            }
            var db = DatabaseArguments.Resolve(parse);
            AnsiConsole.MarkupLine($"Making the demo locality in the {Markup.Escape(db.Describe())}.");
            StartupReport? report = null;
            try
            {
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        var tasks = new Dictionary<string, ProgressTask>();
                        var progress = new InlineProgress<DemoProgress>(p =>
                        {
                            if (!tasks.TryGetValue(p.Part, out var task))
                            {
                                task = ctx.AddTask(Markup.Escape(p.Part), maxValue: 1);
                                tasks[p.Part] = task;
                            }
                            task.Value = p.Fraction;
                        });
                        report = await DatabaseStartup.RunAsync(db, createDemo: true, new DemoOptions { Households = n, Seed = parse.GetValue(seed), Users = !parse.GetValue(noUsers) }, progress, ct: ct);
                    });
            }
            catch (DatabaseStartupException ex)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                return 1;
            }
            if (report!.OneTimeAdminPassword is not null)
            {
                AnsiConsole.MarkupLine($"First administrator: sign in as [bold]{DatabaseStartup.FirstAdministrator}[/] with the one-time password [bold]{Markup.Escape(report.OneTimeAdminPassword)}[/] (you will be asked to change it).");
            }
            AnsiConsole.MarkupLine(report.DemoCreated
                ? $"[green]Northfield is ready[/] ({n:N0} households, schema version {report.SchemaVersion})."
                : "[yellow]The database already holds a locality; the demo was not made again.[/]");
            return 0;
        });
        return command;
    }
}
