using CallFlows.Functions.Telemetry;
using CallFlows.Runtime;
using CallFlows.Runtime.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// In Azure the check-status links come from the Durable Functions extension; AddCallFlows keeps this registration.
builder.Services.AddSingleton<ICallManagementLinkFactory, DurableFunctionsLinkFactory>();
builder.Services.AddCallFlows(builder.Configuration, typeof(Program).Assembly);
builder.Services.AddCallFlowsFunctionsTelemetry(builder.Configuration);
builder.Build().Run();
