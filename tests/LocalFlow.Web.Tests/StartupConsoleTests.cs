using System.Collections.Concurrent;
using LocalFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace LocalFlow.Web.Tests;

/// <summary>What <c>dotnet run</c> prints while it prepares the database: each line once, in the order it happened.</summary>
public class StartupConsoleTests
{
    [Fact]
    public void StartUp_SaysEachSchemaVersionThenEachDemoPart_OnceEach_InOrder()
    {
        var lines = new ConcurrentQueue<string>();
        using var app = new LocalFlowApp(households: 20).FreshDemo();
        using var factory = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(new Collector(lines))));
        _ = factory.Server;
        var said = lines.ToList();
        var schema = said.FindIndex(l => l.StartsWith("Schema upgraded to version", StringComparison.Ordinal));
        var demo = said.FindIndex(l => l.StartsWith("Demo: ", StringComparison.Ordinal));
        schema.ShouldBeGreaterThanOrEqualTo(0, string.Join("\n", said));
        demo.ShouldBeGreaterThan(schema, "the schema is upgraded before the demo is made:\n" + string.Join("\n", said));
        said.FindLastIndex(l => l.StartsWith("Schema upgraded", StringComparison.Ordinal)).ShouldBeLessThan(demo);
        var parts = said.Where(l => l.StartsWith("Demo: ", StringComparison.Ordinal)).Select(l => l.Split(" done", 2)[0]).ToList();
        parts.Count.ShouldBeGreaterThan(3);
        parts.ShouldBeUnique(string.Join("\n", said));
        said.Count(l => l.StartsWith("Demo locality", StringComparison.Ordinal)).ShouldBe(1);
    }

    private sealed class Collector(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == "LocalFlow.Startup" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
