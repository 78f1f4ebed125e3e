using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.App;

namespace CallFlows.Tests.EndToEnd;

/// <summary>The flow of docs/WRITING-FLOWS.md, routed by configuration and run end to end like the shipped flows.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class TwoAgentsFlowTests(EndToEndFixture fixture) : IAsyncLifetime
{
    const string Called = "+18005550190";
    const string FirstAgent = "8:acs:contoso_agent-1";
    const string SecondAgent = "8:acs:contoso_agent-2";

    CallFlowsLocalApp app = null!;

    public async Task InitializeAsync()
    {
        var options = new CallFlowsLocalAppOptions
        {
            StorageConnectionString = fixture.Azurite.ConnectionString,
            TaskHubName = "twoagents" + Guid.NewGuid().ToString("N")[..10],
            DeleteTaskHubOnStop = true,

            // The flow's own settings type has defaults for its agents and queue line: the rule needs no settings.
            RoutingRules = [new RouteRule { Called = Called, Flow = "TwoAgents" }],
        };
        options.Emulator.OwnedPhoneNumbers.Add(Called);
        this.app = await CallFlowsLocalApp.StartAsync(options);
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    [Fact]
    public async Task TwoAgents_FirstDeclinesSecondAnswers_AgentConnected()
    {
        var world = this.app.Emulator!.World;
        world.Configure(FirstAgent, IdentityBehavior.Declines());
        world.Configure(SecondAgent, IdentityBehavior.Answers());
        world.Configure("+15550001111", IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(3) });

        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.app, "+15550001111", Called);
        FlowCall call = await EndToEndHarness.FinishAsync(this.app, id, incoming);

        await call.ShouldReportAsync(this.app, nameof(TwoAgentsFlow), nameof(TwoAgentsResult.AgentConnected), succeeded: true);
        call.ShouldHavePerformedExactly("AnswerCall", "CallConnection_AddParticipant", "CallConnection_AddParticipant", "CallConnection_TerminateCall");
        call.EventNames().Should().ContainInOrder("CallConnected", "AddParticipantFailed", "AddParticipantSucceeded", "CallDisconnected");
    }

}
