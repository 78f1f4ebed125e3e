using Azure.Monitor.OpenTelemetry.Exporter;
using CallFlows.Runtime;
using CallFlows.Runtime.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSingleton<ICallManagementLinkFactory, DurableFunctionsLinkFactory>();
builder.Services.AddCallFlows(builder.Configuration, typeof(Program).Assembly);

// One trace per call (webhook, actions, REST requests, callbacks, flow) and the call metrics, to Application Insights
// when the app has its connection string; without it nothing is exported.
var telemetry = builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddSource([.. CallFlowsInstrumentation.ActivitySourceNames]))
    .WithMetrics(metrics => metrics.AddMeter([.. CallFlowsInstrumentation.MeterNames]))
    .UseFunctionsWorkerDefaults();
if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    telemetry.UseAzureMonitorExporter();
}

builder.Build().Run();
