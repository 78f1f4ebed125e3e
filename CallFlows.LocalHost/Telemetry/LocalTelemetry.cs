using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CallFlows.LocalHost.Telemetry;

/// <summary>
/// OpenTelemetry for the local host: CallFlows' spans printed to the console (<c>start --trace-console</c>), and
/// spans and metrics sent over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (e.g. a local Aspire dashboard or
/// Jaeger). Nothing is registered when neither is asked for.
/// </summary>
internal static class LocalTelemetry
{
    /// <summary>The standard OTLP endpoint setting (environment or configuration).</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Registers the exporters asked for.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="traceConsole">Print every span to standard output.</param>
    public static void Add(IServiceCollection services, IConfiguration configuration, bool traceConsole)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting] ?? Environment.GetEnvironmentVariable(OtlpEndpointSetting));
        if (!traceConsole && !otlp)
        {
            return;
        }

        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("CallFlows.LocalHost"))
            .WithTracing(tracing =>
            {
                tracing.AddSource([.. CallFlowsInstrumentation.ActivitySourceNames]);
                if (traceConsole)
                {
                    tracing.AddConsoleExporter();
                }
            });
        if (otlp)
        {
            builder.WithMetrics(metrics => metrics.AddMeter([.. CallFlowsInstrumentation.MeterNames]));
            builder.UseOtlpExporter();
        }
    }
}
