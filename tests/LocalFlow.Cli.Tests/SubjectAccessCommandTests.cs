using System.Text.Json;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Tests;

public class SubjectAccessCommandTests
{
    [Fact]
    public async Task SubjectAccess_WritesEverythingHeldAboutThePerson_AsJson_AndIsAudited()
    {
        var dir = await CliDemo.CopyAsync();
        try
        {
            var options = DatabaseOptions.ForSqliteFile(Path.Combine(dir, DatabaseOptions.DefaultFileName));
            Guid person;
            List<string> records;
            await using (var db = options.CreateContext())
            {
                person = await db.People.Where(p => db.ActivityRecords.Any(r => r.PersonId == p.Id)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
                records = await db.ActivityRecords.Where(r => r.PersonId == person).Select(r => r.SourceRecordId).ToListAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = Path.Combine(dir, "sar.json");
            var (code, output) = await CliRunner.RunAsync("subject-access", "--person", person.ToString(), "--out", file, "--data-dir", dir);
            code.ShouldBe(0, output);
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            var sections = doc.RootElement.GetProperty("sections").EnumerateArray().ToList();
            sections.Select(s => s.GetProperty("title").GetString()).ShouldContain("What matters to them");
            sections.Single(s => s.GetProperty("title").GetString() == "Records of every agency").GetProperty("rows").EnumerateArray()
                .Select(r => r.GetProperty("Record id in the source").GetString()).Order().ShouldBe(records.Order());
            await using (var db = options.CreateContext())
            {
                (await db.AuditEvents.CountAsync(e => e.EventType == AuditEventType.SubjectAccessExported && e.EntityId == person.ToString() && e.Source == "cli subject-access")).ShouldBe(1);
            }

            var (unknown, unknownOut) = await CliRunner.RunAsync("subject-access", "--person", Guid.Empty.ToString(), "--data-dir", dir);
            unknown.ShouldBe(1, unknownOut);
            unknownOut.ShouldContain($"No person with id {Guid.Empty} is held.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
