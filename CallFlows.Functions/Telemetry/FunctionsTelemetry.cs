using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace CallFlows.Functions.Telemetry;

/// <summary>
/// OpenTelemetry for the deployed Functions app: CallFlows' spans (call, action, REST request, callback, flow) and
/// metrics, the Functions worker's invocation spans and resource attributes, exported to Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set and over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// With neither, nothing is exported and the instrumentation costs only its listener checks.
/// </summary>
public static class FunctionsTelemetry
{
    /// <summary>The Application Insights connection string setting (the name App Service and Bicep use).</summary>
    public const string AzureMonitorConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// The Application Insights authentication setting (<c>Authorization=AAD</c>, optionally <c>;ClientId=...</c> of a
    /// user-assigned identity), needed when the resource disables local (key) authentication as infra/app.bicep does.
    /// </summary>
    public const string AzureMonitorAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The standard OTLP endpoint setting.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Registers OpenTelemetry with the exporters the configuration asks for.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The app configuration (app settings and environment).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCallFlowsFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource([.. CallFlowsInstrumentation.ActivitySourceNames]))
            .WithMetrics(metrics => metrics.AddMeter([.. CallFlowsInstrumentation.MeterNames]))
            .UseFunctionsWorkerDefaults();
        var connectionString = configuration[AzureMonitorConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var credential = EntraCredential(configuration[AzureMonitorAuthenticationSetting]);
            builder.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (credential is not null)
                {
                    options.Credential = credential;
                }
            });
        }

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            // Reads OTEL_EXPORTER_OTLP_ENDPOINT / _PROTOCOL / _HEADERS itself.
            builder.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>The managed identity the authentication string names, or null when it does not ask for Entra ID.</summary>
    /// <param name="authenticationString">e.g. <c>ClientId=00000000-...;Authorization=AAD</c>.</param>
    /// <returns>The credential, or null.</returns>
    internal static TokenCredential? EntraCredential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrEmpty(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
