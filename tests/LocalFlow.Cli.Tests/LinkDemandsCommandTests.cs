using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Linking;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Tests;

public class LinkDemandsCommandTests
{
    [Fact]
    public async Task LinkDemands_RefusesAnUnknownStudyAndARunningRun_ChangingNothing_ThenLinksTheCallerAndSaysWhatItDid()
    {
        var dir = await CliDemo.CopyAsync();
        try
        {
            var options = DatabaseOptions.ForSqliteFile(Path.Combine(dir, DatabaseOptions.DefaultFileName));
            int studyId, localityId;
            Guid person, demandId, identityId;
            await using (var db = options.CreateContext(new SystemActor("test", "tester")))
            {
                var demand = await db.Demands.OrderBy(d => d.StudyId).ThenBy(d => d.ReceivedAt).ThenBy(d => d.Id).FirstAsync();
                (studyId, demandId, localityId) = (demand.StudyId, demand.Id, demand.LocalityId);
                // A person several agencies know, and one of their records: the caller gave the same details.
                person = await db.SourceIdentities.Where(s => s.PersonId != null && s.Surname != null && s.DateOfBirth != null && s.Postcode != null)
                    .GroupBy(s => s.PersonId!.Value).Where(g => g.Count() >= 3).OrderBy(g => g.Key).Select(g => g.Key).FirstAsync();
                var record = await db.SourceIdentities.Where(s => s.PersonId == person && s.Surname != null && s.DateOfBirth != null && s.Postcode != null)
                    .OrderBy(s => s.Source).ThenBy(s => s.SourceRecordId).FirstAsync();
                var identity = await DemandLinks.SetDetailsAsync(db, demand, new DemandDetails(record.GivenNames, record.Surname, DateOnly.ParseExact(record.DateOfBirth!, "yyyy-MM-dd"), record.Postcode, null));
                identityId = identity.Id;
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var before = await StateAsync(options);

            var (unknown, unknownOut) = await CliRunner.RunAsync("link", "demands", "--study", "987654", "--data-dir", dir);
            unknown.ShouldBe(2, unknownOut);
            unknownOut.ShouldContain("There is no study 987654. `localflow demand studies` lists them.");
            (await StateAsync(options)).ShouldBe(before);

            await using (var db = options.CreateContext(new SystemActor("test", "tester")))
            {
                await LinkingService.StartAsync(db, localityId, "tester", null);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var running = await StateAsync(options);
            var (busy, busyOut) = await CliRunner.RunAsync("link", "demands", "--study", studyId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dir);
            busy.ShouldBe(2, busyOut);
            busyOut.ShouldContain("Linking is running for this locality; wait for it to finish. Nothing was changed.");
            (await StateAsync(options)).ShouldBe(running);

            await using (var db = options.CreateContext(new SystemActor("test", "tester")))
            {
                await db.LinkRuns.Where(r => r.Status == LinkRunStatus.Running).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, LinkRunStatus.Failed));
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var (code, output) = await CliRunner.RunAsync("link", "demands", "--study", studyId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dir);
            code.ShouldBe(0, output);
            output.ShouldContain($"Study {studyId} (");
            output.ShouldContain("1 with the caller's details, 0 of them linked before (left as they are).");
            output.ShouldContain("Linked 1; for review 0; could be more than one person 0; no match 0.");
            var lines = output.Split('\n', StringSplitOptions.TrimEntries);
            lines.ShouldContain("demand\toutcome\tperson\tweight\twhy");
            var line = lines.Single(l => l.StartsWith($"{demandId}\t", StringComparison.Ordinal)).Split('\t');
            line[1].ShouldBe("linked");
            line[2].ShouldBe(person.ToString());
            double.Parse(line[3], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
            await using (var db = options.CreateContext())
            {
                (await db.SourceIdentities.SingleAsync(s => s.Id == identityId)).PersonId.ShouldBe(person);
                (await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(DemandStudy) && e.EntityId == studyId.ToString() && e.Source == "cli link demands")).ShouldBeTrue();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>What a refused command must leave as it was: who each record belongs to, and the audit trail.</summary>
    private static async Task<string> StateAsync(DatabaseOptions options)
    {
        await using var db = options.CreateContext();
        var links = await db.SourceIdentities.OrderBy(s => s.Id).Select(s => s.Id + ":" + s.PersonId).ToListAsync();
        var audit = await db.AuditEvents.CountAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return $"{audit} audit events; " + string.Join(',', links);
    }
}
