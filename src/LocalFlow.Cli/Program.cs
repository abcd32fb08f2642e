using LocalFlow.Cli;
using LocalFlow.Cli.Commands;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

var root = CommandCatalog.Root();
// The most one field, attribute or text of an imported file may hold (docs/flow-import.md); 64 KB unless set.
if (LocalFlow.Analytics.Flow.Formats.ReadLimits.Configure(Environment.GetEnvironmentVariable(LocalFlow.Analytics.Flow.Formats.ReadLimits.EnvironmentVariable)) is { } limitError)
{
    Console.Error.WriteLine(LocalFlow.Analytics.Flow.Formats.ReadLimits.EnvironmentVariable + ": " + limitError);
    return 2;
}
// Traces and metrics of imports, linking runs and engine builds to a collector when OTEL_EXPORTER_OTLP_ENDPOINT is set
// (docs/operations.md): the web app's instruments; sent when the command ends.
using var tracing = CliTelemetry.Exporting ? OpenTelemetry.Sdk.CreateTracerProviderBuilder().ConfigureResource(CliTelemetry.Resource).AddSource(LocalFlow.Data.Telemetry.Name).AddOtlpExporter().Build() : null;
using var metrics = CliTelemetry.Exporting ? OpenTelemetry.Sdk.CreateMeterProviderBuilder().ConfigureResource(CliTelemetry.Resource).AddMeter(LocalFlow.Data.Telemetry.Name).AddOtlpExporter().Build() : null;
// Help in Welsh when LOCALFLOW_LANGUAGE=cy, or when it is unset and the locale is Welsh (docs/welsh.md).
var (welsh, languageError) = CliLanguage.Choose(Environment.GetEnvironmentVariable(CliLanguage.EnvironmentVariable), System.Globalization.CultureInfo.CurrentUICulture);
if (languageError is not null)
{
    Console.Error.WriteLine(languageError);
    return 2;
}
if (welsh)
{
    CliLanguage.ToWelsh(root);
}
// What the commands print stays English, whatever the locale (docs/welsh.md), messages from LocalFlow.Data included.
System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
return await root.Parse(args).InvokeAsync();

/// <summary>The command line's telemetry settings (the standard OTEL_* environment variables).</summary>
internal static class CliTelemetry
{
    /// <summary>Whether a collector is named.</summary>
    public static bool Exporting => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));

    /// <summary>The service: OTEL_SERVICE_NAME, else localflow-cli.</summary>
    public static void Resource(ResourceBuilder resource)
        => resource.AddService(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") is { Length: > 0 } name ? name : "localflow-cli");
}
