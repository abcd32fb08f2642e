using System.Globalization;
using System.Text;
using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Data;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalFlow.Web.Tests.Flow;

/// <summary>
/// The background import queue: stored, so that an import interrupted by a stop of the server stores nothing and
/// runs again at the next start; and an import after its preview stores what the preview read, without reading
/// the file again.
/// </summary>
public class FlowImportQueueTests(FlowImportQueueTests.App app) : IClassFixture<FlowImportQueueTests.App>
{
    public sealed class App : IDisposable
    {
        // the engine warmer on, checking every second: a view may come before, during or after its rebuild
        public LocalFlowApp Factory { get; } = new LocalFlowApp(households: 40).With("LocalFlow:WarmFlowEnginesSeconds", "1");

        public void Dispose() => Factory.Dispose();
    }

    private readonly LocalFlowApp _app = app.Factory;

    private static readonly CsvMapping Mapping = new()
    {
        Columns = new(StringComparer.OrdinalIgnoreCase) { ["person"] = "Person", ["start"] = "Start", ["kind"] = "Kind", ["sourceRecordId"] = "Ref" },
        Agency = "Police",
    };

    /// <summary>A CSV file of <paramref name="rows"/> contacts spread over the demo's people, each with its own record id.</summary>
    private async Task<(string Path, int Locality)> FileAsync(string prefix, int rows, int year = 2020)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var locality = await db.Localities.Select(l => l.Id).SingleAsync();
        var people = await db.People.Where(p => p.LocalityId == locality).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var path = System.IO.Path.Combine(_app.DataDirectory, prefix + ".csv");
        var text = new StringBuilder("Ref,Person,Start,Kind\n");
        var start = new DateTime(year, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{prefix}-{i},{people[i % people.Count]},{start.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ},Contact\n");
        }
        await File.WriteAllTextAsync(path, text.ToString());
        return (path, locality);
    }

    private FlowImportRunner NewRunner() => new(
        _app.Services.GetRequiredService<DatabaseOptions>(), TimeProvider.System, _app.Services.GetRequiredService<IConfiguration>(),
        _app.Services.GetRequiredService<IWebHostEnvironment>(), _app.Services.GetRequiredService<FlowEngineWarmer>(),
        _app.Services.GetRequiredService<ILogger<FlowImportRunner>>());

    private async Task<T> WithDbAsync<T>(Func<LocalFlowDb, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<LocalFlowDb>());
    }

    private static async Task<FlowImportJob> FinishedAsync(FlowImportRunner runner, Guid id)
    {
        for (var i = 0; i < 6000; i++)
        {
            if (runner.Job(id) is { Finished: true } job)
            {
                return job;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The import {id} did not finish");
    }

    [Fact]
    public async Task AnImportInterruptedByAStop_StoresNothing_AndRunsAgainAtTheNextStart()
    {
        // Held part-way through its records (more than one cancellation check's worth, 16,384, lie ahead) while the stop begins.
        const int Rows = 40_000;
        var (path, locality) = await FileAsync("RESTART", Rows);
        var request = new FlowImportRequest { LocalityId = locality, Path = path, Mapping = Mapping, Agency = "Police" };

        var first = NewRunner();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var carryOn = new ManualResetEventSlim();
        first.Progressed = j =>
        {
            if (j.Fraction > 0 && !writing.Task.IsCompleted)
            {
                writing.SetResult();
                carryOn.Wait(TimeSpan.FromMinutes(2)).ShouldBeTrue("the test lets the import carry on once the stop has begun");
            }
        };
        await first.StartAsync(CancellationToken.None);
        var job = await first.EnqueueAsync(request, null, DemoUsers.DataOfficer, null);
        (await WithDbAsync(db => db.FlowImportQueue.CountAsync(e => e.Id == request.ImportId))).ShouldBe(1, "queued is stored");
        // stop the server while the records are being written
        await writing.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var stopping = first.StopAsync(CancellationToken.None);
        carryOn.Set();
        await stopping;
        first.Dispose();
        job.Finished.ShouldBeFalse("the stop came while the records were being written");
        job.State.ShouldBe(FlowImportJobState.Queued);

        // Nothing half-written, and the import is still queued.
        (await WithDbAsync(db => db.ActivityRecords.CountAsync(r => r.ImportId == request.ImportId))).ShouldBe(0);
        (await WithDbAsync(db => db.ActivityRecords.CountAsync(r => r.SourceRecordId.StartsWith("RESTART-")))).ShouldBe(0);
        (await WithDbAsync(db => db.FlowImports.CountAsync(i => i.Id == request.ImportId))).ShouldBe(0);
        (await WithDbAsync(db => db.FlowImportQueue.CountAsync(e => e.Id == request.ImportId))).ShouldBe(1);

        // The next start resumes it and stores every record once.
        var second = NewRunner();
        await second.StartAsync(CancellationToken.None);
        try
        {
            var resumed = await FinishedAsync(second, request.ImportId);
            resumed.Error.ShouldBeNull();
            resumed.State.ShouldBe(FlowImportJobState.Stored);
            resumed.Request.Mapping!.Columns["PERSON"].ShouldBe("Person", "the mapping is stored as it was, its columns matched ignoring case");
        }
        finally
        {
            await second.StopAsync(CancellationToken.None);
            second.Dispose();
        }
        (await WithDbAsync(db => db.ActivityRecords.CountAsync(r => r.ImportId == request.ImportId))).ShouldBe(Rows);
        (await WithDbAsync(db => db.FlowImports.SingleAsync(i => i.Id == request.ImportId))).RecordCount.ShouldBe(Rows);
        (await WithDbAsync(db => db.FlowImportQueue.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AnImportAfterItsPreview_StoresWhatThePreviewRead_WithoutReadingTheFileAgain()
    {
        var runner = _app.Services.GetRequiredService<FlowImportRunner>();
        var (path, locality) = await FileAsync("ONCE", 50);
        var upload = new FlowUpload(Guid.NewGuid(), "once.csv", 0, locality, DemoUsers.DataOfficer, DateTime.UtcNow);
        var request = new FlowImportRequest { LocalityId = locality, Path = path, FileName = "once.csv", Mapping = Mapping, Agency = "Police" };
        var preview = await WithDbAsync(db => FlowImporter.PreviewAsync(db, request));
        preview.Valid.ShouldBe(50);
        runner.KeepPrepared(upload, request, preview);

        // The file is gone: only the preview's records can be stored.
        File.Delete(path);
        var job = await runner.EnqueueAsync(request with { ImportId = Guid.CreateVersion7(), AllowPartial = true }, upload, DemoUsers.DataOfficer, null);
        var done = await FinishedAsync(runner, job.Id);
        done.Error.ShouldBeNull();
        done.State.ShouldBe(FlowImportJobState.Stored);
        (await WithDbAsync(db => db.ActivityRecords.CountAsync(r => r.ImportId == job.Id))).ShouldBe(50);

        // A preview is used once, and only with the same choices: otherwise the file is read again (here it is gone).
        runner.KeepPrepared(upload, request, preview);
        var other = await runner.EnqueueAsync(request with { ImportId = Guid.CreateVersion7(), SourceSystem = "Another system" }, upload, DemoUsers.DataOfficer, null);
        var refused = await FinishedAsync(runner, other.Id);
        refused.State.ShouldNotBe(FlowImportJobState.Stored);
        (await WithDbAsync(db => db.ActivityRecords.CountAsync(r => r.ImportId == other.Id))).ShouldBe(0);
    }

    private static int Records(string cohortPage)
    {
        var m = System.Text.RegularExpressions.Regex.Match(cohortPage, "data-count=\"records\">([0-9,]+)<");
        m.Success.ShouldBeTrue("the cohort page shows its records");
        return int.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task TheFirstViewAfterAnImport_ShowsTheNewRecords_WhileTheWarmerRebuildsTheEngine()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        var before = Records(await client.GetStringAsync("/Flow/Cohort"));
        Records(await client.GetStringAsync("/Flow/Cohort")).ShouldBe(before, "a later view with nothing changed");
        var runner = _app.Services.GetRequiredService<FlowImportRunner>();
        for (var round = 1; round <= 3; round++)
        {
            // a year of its own each round: the same person, kind and time again would be an exact duplicate, counted once
            var (path, locality) = await FileAsync("FIRST" + round, 25, 2020 + round);
            var job = await runner.EnqueueAsync(new FlowImportRequest { LocalityId = locality, Path = path, Mapping = Mapping, Agency = "Police" }, null, DemoUsers.DataOfficer, null);
            (await FinishedAsync(runner, job.Id)).State.ShouldBe(FlowImportJobState.Stored);
            // at once: the warmer was nudged by the import and may be building; the view waits for it or builds itself
            Records(await client.GetStringAsync("/Flow/Cohort")).ShouldBe(before + (25 * round));
        }
    }

    [Fact]
    public async Task AnImportThatOnlyAddsRecords_IsReadAloneIntoTheKeptEngine_AndSeenAtOnceOnTheCohortPage()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        var before = Records(await client.GetStringAsync("/Flow/Cohort"));
        var runner = _app.Services.GetRequiredService<FlowImportRunner>();
        var (path, locality) = await FileAsync("ALONE", 30, 2018);
        var job = await runner.EnqueueAsync(new FlowImportRequest { LocalityId = locality, Path = path, Mapping = Mapping, Agency = "Police" }, null, DemoUsers.DataOfficer, null);
        (await FinishedAsync(runner, job.Id)).State.ShouldBe(FlowImportJobState.Stored);
        Records(await client.GetStringAsync("/Flow/Cohort")).ShouldBe(before + 30);
        var engine = await WithDbAsync(db => _app.Services.GetRequiredService<FlowEngines>().ForLocalityAsync(db, locality));
        engine.RecordsRead.ShouldBe(30, "the engine kept before the import was brought up to date from the import's records alone");
    }
}
