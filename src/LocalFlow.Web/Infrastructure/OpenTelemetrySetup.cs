using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics (issue 14, item 16; docs/operations.md): request latency (ASP.NET Core), outgoing
/// calls (HttpClient), the runtime, and LocalFlow's own <see cref="LocalFlow.Data.Telemetry"/> (imports, builds of
/// kept figures, linking runs). Off unless configured: the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with the other
/// <c>OTEL_*</c> settings) or <c>LocalFlow:Telemetry:Endpoint</c> sends them to a collector by OTLP;
/// <c>LocalFlow:Telemetry:Enabled=true</c> measures without sending (for a reader inside the process).
/// A collector that is down costs nothing but the lost figures: the process starts and serves as usual.
/// </summary>
public static class OpenTelemetrySetup
{
    /// <summary>Registers OpenTelemetry when configured; returns whether it did.</summary>
    public static bool Configure(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var standard = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var own = configuration["LocalFlow:Telemetry:Endpoint"];
        var export = !string.IsNullOrWhiteSpace(standard) || !string.IsNullOrWhiteSpace(own);
        if (!export && !string.Equals(configuration["LocalFlow:Telemetry:Enabled"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } named ? named : configuration["LocalFlow:Telemetry:ServiceName"] is { Length: > 0 } set ? set : "localflow";
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: typeof(OpenTelemetrySetup).Assembly.GetName().Version?.ToString()))
            .WithTracing(t => t
                .AddSource(LocalFlow.Data.Telemetry.Name)
                // the query string is left out of spans (the instrumentation's default, kept): it may hold search text
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(LocalFlow.Data.Telemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        if (!string.IsNullOrWhiteSpace(own) && string.IsNullOrWhiteSpace(standard))
        {
            if (!Uri.TryCreate(own, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"LocalFlow:Telemetry:Endpoint must be the collector's http:// or https:// address, such as http://localhost:4317 (it is \"{own}\").");
            }
            var protocol = string.Equals(configuration["LocalFlow:Telemetry:Protocol"], "http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, endpoint);
        }
        else if (export)
        {
            // reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS... itself
            telemetry.UseOtlpExporter();
        }
        return true;
    }
}
