using CallFlows.CallAutomation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace CallFlows.Benchmarks.Raw;

/// <summary>
/// Registers the raw flow in the same local host as the CallFlows app (through <c>LocalHostOptions.ConfigureServices</c>):
/// its orchestrator and activities go into the host's one Durable Task worker registry (so both flows run on the very
/// same engine instance and settings), its endpoints in front of the HTTP pipeline.
/// </summary>
internal static class RawFlowRegistration
{
    public static void AddRawFlow(IServiceCollection services, Uri emulatorOpenIdConfiguration, string emulatorConnectionString, string emulatorResourceId, string agentRawId, Uri baseUrl)
    {
        services.AddDurableTaskWorker(builder => builder.AddTasks(registry =>
        {
            registry.AddOrchestrator<RawInboundFlow>();
            registry.AddActivity<RawAnswerActivity>();
            registry.AddActivity<RawAddParticipantActivity>();
            registry.AddActivity<RawHangUpActivity>();
        }));
        services.AddSingleton(sp =>
        {
            // Same token checks as any production callback endpoint must do (issuer, audience, signature, lifetime),
            // against the raw flow's own emulator.
            var options = Options.Create(new CallFlowsOptions
            {
                Acs = new AcsOptions { ResourceId = emulatorResourceId },
                CallbackAuth = new CallbackAuthOptions { OpenIdConfigurationUrl = emulatorOpenIdConfiguration },
            });
            var validator = new CallbackTokenValidator(options, TimeProvider.System, sp.GetRequiredService<ILogger<CallbackTokenValidator>>());
            return new RawAcs(new CallAutomationClient(emulatorConnectionString), validator, agentRawId, baseUrl);
        });
        services.AddSingleton<IStartupFilter, RawEndpoints>();
    }
}
