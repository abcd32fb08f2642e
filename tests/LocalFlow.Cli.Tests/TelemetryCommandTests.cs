using System.Net;
using System.Text;

namespace LocalFlow.Cli.Tests;

/// <summary>
/// The command line sends LocalFlow's traces and metrics to the collector named by OTEL_EXPORTER_OTLP_ENDPOINT when a
/// command ends (docs/operations.md): here a listener in the test stands for the collector (OTLP over HTTP).
/// </summary>
public class TelemetryCommandTests
{
    [Fact]
    public async Task ACommandThatBuildsTheEngine_SendsItsBuildTime_AndItsSpan_ToTheCollector()
    {
        var dir = await CliDemo.CopyAsync();
        var port = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new List<(string Path, string Body)>();
        var listening = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext call;
                try
                {
                    call = await collector.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await call.Request.InputStream.CopyToAsync(body);
                lock (received)
                {
                    // protobuf keeps names as UTF-8 text: enough to find an instrument's or a span's name
                    received.Add((call.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                }
                call.Response.StatusCode = 200;
                call.Response.Close();
            }
        });
        try
        {
            var (code, output) = await CliRunner.RunAsync(new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            }, "measures", "curves", "--until", "2026-12-01", "--data-dir", dir);
            code.ShouldBe(0, output);
            (string Path, string Body)[] calls;
            lock (received)
            {
                calls = [.. received];
            }
            calls.ShouldContain(c => c.Path == "/v1/metrics" && c.Body.Contains("localflow.figures.build.duration") && c.Body.Contains("flow-engine") && c.Body.Contains("localflow-cli"));
            calls.ShouldContain(c => c.Path == "/v1/traces" && c.Body.Contains("localflow.figures.build"));
        }
        finally
        {
            collector.Stop();
            await listening;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
