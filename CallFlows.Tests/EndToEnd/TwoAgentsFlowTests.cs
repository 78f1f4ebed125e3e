using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Configuration;
using CallFlows.Functions.Runtime;
using CallFlows.LocalHost.App;

namespace CallFlows.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class TwoAgentsFlowTests : IAsyncLifetime
{
    CallFlowsLocalApp app = null!;

    public async Task InitializeAsync() => app = await CallFlowsLocalApp.StartAsync(new CallFlowsLocalAppOptions
    {
        TaskHubName = "t" + Guid.NewGuid().ToString("N")[..12],   // unique per test run
        DeleteTaskHubOnStop = true,
        // Flow rules need Settings.Agent (validated at startup), even when the flow picks its agents itself.
        RoutingRules = [new RouteRule { Called = "+18005550100", Flow = "TwoAgents", Settings = new() { Agent = "8:acs:contoso_agent-1" } }],
    });

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task TwoAgents_FirstDeclinesSecondAnswers_AgentConnected()
    {
        var world = app.Emulator!.World;
        world.Configure("8:acs:contoso_agent-1", IdentityBehavior.Declines());
        world.Configure("8:acs:contoso_agent-2", IdentityBehavior.Answers());
        world.Configure("+15550001111", IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(3) });

        var call = await app.Emulator.PlaceIncomingCallAsync("+15550001111", "+18005550100");   // Event Grid → /api/incoming-call
        string id = CallFlowsLocalApp.InstanceIdFor(call.ServerCallId, call.To);

        var done = await app.DurableClient.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        done.ReadOutputAs<CallFlowOutcome>()!.Result.Should().Be("AgentConnected");

        // Each action reached "ACS" exactly once, with its own repeatability id.
        app.Emulator.RequestLog.Entries.Where(r => r.Operation == "CallConnection_AddParticipant" && !r.IsReplay)
            .Should().HaveCount(2);
    }
}
