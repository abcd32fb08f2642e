using System.CommandLine;
using System.Globalization;
using LocalFlow.Analytics.Linking;
using LocalFlow.Data.Linking;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Commands;

/// <summary>`localflow link demands --study ID`: links a demand study's identifiable demands to people in one go (<see cref="DemandLinks.LinkStudyAsync"/>).</summary>
internal static class LinkDemandsCommand
{
    public static Command Create()
    {
        var study = new Option<int>("--study") { Description = "The study's id (see `localflow demand studies`).", Required = true };
        var command = new Command("demands", "Link every demand of a study that carries the caller's details (and no person yet) to the person it came from; all or nothing, audited, with a report.")
        {
            study, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli link demands", ct);
            if (db is null)
            {
                return 1;
            }
            var id = parse.GetValue(study);
            var localityId = await db.DemandStudies.Where(s => s.Id == id).Select(s => (int?)s.LocalityId).SingleOrDefaultAsync(ct);
            if (localityId is null)
            {
                Console.Error.WriteLine($"There is no study {id}. `localflow demand studies` lists them.");
                return 2;
            }
            DemandStudyLinkReport report;
            try
            {
                report = await DemandLinks.LinkStudyAsync(db, localityId.Value, id, ct);
            }
            catch (LinkingException ex)
            {
                Console.Error.WriteLine($"{ex.Message} Nothing was changed.");
                return 2;
            }
            Console.WriteLine($"Study {report.StudyId} ({report.Service}): {report.Demands} demands, {report.WithDetails} with the caller's details, {report.AlreadyLinked} of them linked before (left as they are).");
            if (report.Lines.Count == 0)
            {
                Console.WriteLine("Nothing to link: take the caller's details on a demand's linking page first.");
                return 0;
            }
            Console.WriteLine($"Linked {report.Count(AttachmentOutcome.Linked)}; for review {report.Count(AttachmentOutcome.Review)}; could be more than one person {report.Count(AttachmentOutcome.MoreThanOnePerson)}; no match {report.Count(AttachmentOutcome.NoMatch)}.");
            Console.WriteLine("demand\toutcome\tperson\tweight\twhy");
            foreach (var line in report.Lines.OrderBy(l => l.Outcome).ThenBy(l => l.DemandId))
            {
                Console.WriteLine(string.Join('\t', line.DemandId.ToString("D", CultureInfo.InvariantCulture), Outcome(line.Outcome), line.PersonId?.ToString("D", CultureInfo.InvariantCulture) ?? "",
                    line.Weight?.ToString("F1", CultureInfo.InvariantCulture) ?? "", line.Reason));
            }
            if (report.Lines.Any(l => l.Outcome != AttachmentOutcome.Linked))
            {
                Console.WriteLine("Demands not linked can be linked by hand on /Linking/Demand/{demand id}.");
            }
            return 0;
        });
        return command;
    }

    private static string Outcome(AttachmentOutcome outcome) => outcome switch
    {
        AttachmentOutcome.Linked => "linked",
        AttachmentOutcome.Review => "for review",
        AttachmentOutcome.MoreThanOnePerson => "more than one person",
        _ => "no match",
    };
}
