using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LocalFlow.Data;
using LocalFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>
/// Logs and telemetry hold no personal data (issue 14, item 16; docs/operations.md): the web app runs with every log
/// line captured at Debug level and its spans and metrics captured in memory, while the journeys that touch personal
/// data are gone through with distinctive markers (a demand's words, a search, a person's name opened, a failed
/// sign-in's user name, a refused import's bad row, a file's name, a 500 whose exception quotes a record). No marker
/// may appear in any line, property, scope, span or metric tag; and the instruments LocalFlow promises record. The
/// app is told to send its telemetry to a collector that is not there, and serves as usual.
/// </summary>
public sealed partial class TelemetryAndLogsTests : IDisposable
{
    private const string Words = "Quorvexwords";
    private const string Searched = "Zintrasearch";
    private const string Given = "Plimworth";
    private const string Family = "Kestrunnel";
    private const string SignInName = "Vombatsignin";
    private const string BadRow = "Yarrowbadrow";
    private const string FileName = "Gwendolfile";
    private const string Fault = "Fexlarfault";
    private static readonly string[] Markers = [Words, Searched, Given, Family, SignInName, BadRow, FileName, Fault];

    private readonly CapturedLogs _logs = new();
    private readonly Locked<Activity> _spans = new();
    private readonly Locked<MetricSnapshot> _metrics = new();
    private readonly LocalFlowApp _app;

    public TelemetryAndLogsTests()
    {
        _app = new LocalFlowApp(households: 40).WithHost(host => host
            // a collector that is not there: the app must start and serve as usual
            .UseSetting("LocalFlow:Telemetry:Endpoint", "http://127.0.0.1:9")
            // every category at Debug, over appsettings.json's quieter levels
            .UseSetting("Logging:LogLevel:Default", "Debug")
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug")
            .UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Debug")
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Debug).AddProvider(_logs))
            .ConfigureServices(s =>
            {
                s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
                s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics));
                s.Configure<MvcOptions>(o => o.Filters.Add(new FailOnRequest()));
            }));
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheJourneysThatTouchPersonalData_LeaveNoneInLogsSpansOrMetrics_AndTheInstrumentsRecord()
    {
        var (person, key, police) = await NamedPoliceSubjectAsync();

        // a failed sign-in with a marker for a user name (and password)
        var anonymous = await _app.ClientAsync();
        (await LocalFlowApp.SignInAsync(anonymous, SignInName, "wrong " + SignInName)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // a demand captured in words holding a marker
        var study = await _app.ClientAsync(DemoUsers.Study);
        var (studyId, door) = await WithDbAsync(async db =>
        {
            var s = await db.DemandStudies.OrderBy(x => x.Id).LastAsync();
            return (s.Id, await db.DemandStudyFrontDoors.Where(f => f.StudyId == s.Id).Select(f => f.FrontDoorId).FirstAsync());
        });
        var capture = $"/Demand/Capture/{studyId}";
        (await study.PostAsync(capture, Form(await LocalFlowApp.AntiforgeryTokenAsync(study, capture), new()
        {
            ["Input.Verbatim"] = $"Where is my bin, {Words}?",
            ["Input.WhatTheyWanted"] = Words,
            ["Input.Nature"] = "Value",
            ["Input.Outcome"] = "ResolvedThere",
            ["Input.FrontDoorId"] = door.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // a demand import refused for a bad row holding a marker, then its good rows stored
        var demandImport = $"/Demand/Import/{studyId}";
        var csv = $"Said,What happened,V or F,Door\r\n\"{Words} again\",resolved,value,Council web form\r\n{BadRow},{BadRow},{BadRow},{BadRow}\r\n";
        Dictionary<string, string> DemandFields() => new()
        {
            ["CsvText"] = csv,
            ["FileName"] = FileName + ".csv",
            ["Map[verbatim]"] = "Said",
            ["Map[what_happened]"] = "What happened",
            ["Map[value_or_failure]"] = "V or F",
            ["Map[front_door]"] = "Door",
        };
        var refused = await study.PostAsync(demandImport + "?handler=Import", Form(await LocalFlowApp.AntiforgeryTokenAsync(study, demandImport), DemandFields()));
        (await refused.Content.ReadAsStringAsync()).ShouldContain("nothing changed");
        (await study.PostAsync(demandImport + "?handler=Import&onlyValid=true", Form(await LocalFlowApp.AntiforgeryTokenAsync(study, demandImport), DemandFields())))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // people searched for a marker; a person with marker names opened
        var worker = await _app.ClientAsync(DemoUsers.Worker);
        (await worker.GetAsync("/Search?q=" + Searched)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await worker.GetAsync("/Locality/People?q=" + Searched)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await worker.GetStringAsync("/Locality/People?q=" + Family)).ShouldContain(person.ToString());
        (await worker.GetStringAsync($"/Locality/Person/{person}")).ShouldContain(Family);

        // a flow import (a file named with a marker) whose bad row holds one, its good rows stored; then the person's flow
        var officer = await _app.ClientAsync(DemoUsers.DataOfficer);
        var progress = await FlowImportAsync(officer, police, $"""
            Ref,Subject,Occurred,Type,Outcome
            OBS-1,{key},2025-06-01 22:15,999,{Words} attended
            OBS-2,{BadRow},2025-06-02 09:00,INC,{BadRow}
            OBS-3,{key},2025-06-03 09:00,INC,Welfare check
            """);
        (await officer.GetStringAsync($"/Flow/Person/{person}")).ShouldContain(Words);

        // a 500 whose exception quotes a record
        using (var failing = new HttpRequestMessage(HttpMethod.Get, "/Search?q=" + Searched))
        {
            failing.Headers.Add(FailOnRequest.Header, "yes");
            (await worker.SendAsync(failing)).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        }

        // false: the OTLP exporter could not reach its collector (nobody listens); the in-memory ones have it all
        _app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        _app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var lines = _logs.Lines.ToList();

        // the capture works: it holds Debug lines, our request lines and the failure (by type, not message)
        lines.ShouldContain(l => l.StartsWith("Debug ", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("GET /Locality/Person/{id:guid} answered 200", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("GET /Search failed: System.InvalidOperationException", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("GET /Search answered 500", StringComparison.Ordinal));
        foreach (var marker in Markers)
        {
            lines.Where(l => l.Contains(marker, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"no log line holds {marker}");
        }

        var spans = _spans.Snapshot();
        var spanTexts = spans.Select(Describe).ToList();
        foreach (var marker in Markers)
        {
            spanTexts.Where(t => t.Contains(marker, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"no span holds {marker}");
        }
        spans.ShouldContain(s => s.OperationName == "localflow.import" && Equals(s.GetTagItem(Telemetry.KindTag), "flow"));
        spans.Where(s => s.Kind == ActivityKind.Server).Select(s => s.GetTagItem("http.route") as string).ShouldContain("Flow/Person/{id:guid}", "a request's span names its route");

        var metrics = _metrics.Snapshot();
        foreach (var marker in Markers)
        {
            metrics.SelectMany(m => m.MetricPoints.SelectMany(TagsOf).Select(t => m.Name + " " + t)).Where(t => t.Contains(marker, StringComparison.OrdinalIgnoreCase))
                .ShouldBeEmpty($"no metric tag holds {marker}");
        }
        Count(metrics, "http.server.request.duration", _ => true).ShouldBeGreaterThan(0, "a request's latency");
        Count(metrics, "localflow.figures.build.duration", t => t.Contains($"{Telemetry.KindTag}=flow-engine")).ShouldBeGreaterThan(0, "an engine build's time");
        var flow = $"{Telemetry.KindTag}=flow";
        Sum(metrics, "localflow.import.records", t => t.Contains(flow) && t.Contains($"{Telemetry.OutcomeTag}=stored")).ShouldBeGreaterThanOrEqualTo(2, "the flow import's records");
        Sum(metrics, "localflow.import.bytes", t => t.Contains(flow)).ShouldBeGreaterThan(100, "the flow import's bytes");
        Sum(metrics, "localflow.import.records", t => t.Contains($"{Telemetry.KindTag}=demand")).ShouldBeGreaterThanOrEqualTo(1, "the demand import's one valid row");
        progress.ShouldContain("2 activity records");
    }

    [Fact]
    public void AFailure_IsDescribedByItsTypesCodesAndStack_NeverItsMessage()
    {
        Exception failure;
        try
        {
            throw new InvalidOperationException($"Could not save {Given}", new Npgsql.PostgresException($"duplicate key: {Family}", "ERROR", "ERROR", "23505"));
        }
        catch (InvalidOperationException ex)
        {
            failure = ex;
        }
        var described = LocalFlow.Web.Infrastructure.SafeLogging.Describe(failure);
        described.ShouldStartWith("System.InvalidOperationException\n");
        described.ShouldContain(nameof(AFailure_IsDescribedByItsTypesCodesAndStack_NeverItsMessage), Case.Sensitive, "where it was thrown");
        described.ShouldContain(" ---> Npgsql.PostgresException (SQL state 23505)");
        described.ShouldNotContain(Given);
        described.ShouldNotContain(Family);
    }

    /// <summary>Uploads, maps and imports the valid rows of a police extract named with a marker, as FlowImportPagesTests does.</summary>
    private static async Task<string> FlowImportAsync(HttpClient client, int police, string content)
    {
        var uploaded = await Flow.FlowImportPagesTests.UploadAsync(client, police, FileName + ".csv", content);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mapPage = uploaded.Headers.Location!.ToString();
        var started = await Flow.FlowImportPagesTests.PostFormAsync(client, mapPage, "/Flow/Import?handler=Import&onlyValid=true",
            Flow.FlowImportPagesTests.PoliceMap(FilePattern().Match(mapPage).Groups[1].Value));
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return WebUtility.HtmlDecode(await Flow.FlowImportPagesTests.WaitForDoneAsync(client, started.Headers.Location!.ToString()));
    }

    /// <summary>A demo person known to the police's system, renamed with the markers, with their key there.</summary>
    private Task<(Guid Person, string Key, int Police)> NamedPoliceSubjectAsync() => WithDbAsync(async db =>
    {
        var identity = await db.SourceIdentities.Where(s => s.Source == "Police (Niche)" && s.PersonId != null && !s.Person!.Restricted && (s.Person.Household == null || !s.Person.Household.Restricted))
            .OrderBy(s => s.SourceRecordId).FirstAsync();
        var person = identity.PersonId!.Value;
        await db.People.Where(p => p.Id == person).ExecuteUpdateAsync(u => u.SetProperty(p => p.GivenName, Given).SetProperty(p => p.FamilyName, Family));
        var police = await db.Agencies.SingleAsync(a => a.ShortName == "Police");
        return (person, identity.SourceRecordId, police.Id);
    });

    private async Task<T> WithDbAsync<T>(Func<LocalFlowDb, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<LocalFlowDb>());
    }

    private static FormUrlEncodedContent Form(string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return new FormUrlEncodedContent(fields);
    }

    private static string Describe(Activity span)
    {
        var text = new StringBuilder().Append(span.OperationName).Append(' ').Append(span.DisplayName).Append(' ').Append(span.StatusDescription);
        foreach (var (k, v) in span.TagObjects)
        {
            text.Append(' ').Append(k).Append('=').Append(v);
        }
        foreach (var e in span.Events)
        {
            text.Append(' ').Append(e.Name);
            foreach (var (k, v) in e.Tags)
            {
                text.Append(' ').Append(k).Append('=').Append(v);
            }
        }
        foreach (var (k, v) in span.Baggage)
        {
            text.Append(' ').Append(k).Append('=').Append(v);
        }
        return text.ToString();
    }

    private static IEnumerable<string> TagsOf(MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            yield return tag.Key + "=" + tag.Value;
        }
    }

    private static string TagText(MetricPoint point) => string.Join(" ", TagsOf(point));

    /// <summary>How many measurements the last snapshot of histogram <paramref name="name"/> holds, over its points whose tags match.</summary>
    private static long Count(MetricSnapshot[] metrics, string name, Func<string, bool> tags)
        => metrics.LastOrDefault(m => m.Name == name) is { } m ? m.MetricPoints.Where(p => tags(TagText(p))).Sum(p => p.GetHistogramCount()) : 0;

    /// <summary>The sum of a histogram of whole numbers (records, bytes) over its points whose tags match.</summary>
    private static double Sum(MetricSnapshot[] metrics, string name, Func<string, bool> tags)
        => metrics.LastOrDefault(m => m.Name == name) is { } m ? m.MetricPoints.Where(p => tags(TagText(p))).Sum(p => p.GetHistogramSum()) : 0;

    [GeneratedRegex("file=([0-9a-f-]+)")]
    private static partial Regex FilePattern();

    /// <summary>A fault inside a page, as a bug reading a record would throw, when a request carries <see cref="Header"/>.</summary>
    private sealed class FailOnRequest : IResourceFilter
    {
        public const string Header = "X-Test-Fail";

        public void OnResourceExecuting(ResourceExecutingContext context)
        {
            // once: the error page that answers is re-executed through the same filters
            if (context.HttpContext.Request.Headers.ContainsKey(Header) && context.HttpContext.Items.TryAdd(Header, true))
            {
                throw new InvalidOperationException($"Could not read the record of {Given} {Family}: \"{Fault}\"");
            }
        }

        public void OnResourceExecuted(ResourceExecutedContext context)
        {
        }
    }

    /// <summary>
    /// What the in-memory exporters write, read while they may still write. LocalFlow's meter and activity source are
    /// static, and ASP.NET Core's meters are seen by every provider in the process, so other tests' apps (running
    /// beside this one) add to it too: the figures are checked as at least this test's.
    /// </summary>
    private sealed class Locked<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count => Snapshot().Length;

        public bool IsReadOnly => false;

        public T[] Snapshot()
        {
            lock (_items)
            {
                return [.. _items];
            }
        }

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_items)
            {
                _items.Clear();
            }
        }

        public bool Contains(T item) => Snapshot().Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

        public bool Remove(T item)
        {
            lock (_items)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Every log line at any level: its level, category, message, properties, scopes and exception.</summary>
    private sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
                Properties(line, state);
                owner._scopes.ForEachScope((scope, text) => Properties(text.Append(" scope:").Append(scope), scope), line);
                if (exception is not null)
                {
                    line.Append(" exception: ").Append(exception);
                }
                owner.Lines.Enqueue(line.ToString());
            }

            private static void Properties(StringBuilder line, object? state)
            {
                if (state is IEnumerable<KeyValuePair<string, object?>> properties)
                {
                    foreach (var (k, v) in properties)
                    {
                        line.Append(' ').Append(k).Append('=').Append(v is System.Collections.IEnumerable e and not string ? string.Join(",", e.Cast<object?>()) : v);
                    }
                }
            }
        }
    }
}
