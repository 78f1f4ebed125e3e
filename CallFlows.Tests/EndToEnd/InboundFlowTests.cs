using System.Text.Json.Nodes;
using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.App;

namespace CallFlows.Tests.EndToEnd;

/// <summary>Inbound calls through Event Grid, the routing rules and the shipped inbound flows, on the real engine over Azurite.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class InboundFlowTests(EndToEndFixture fixture)
{
    const string Answer = "AnswerCall";
    const string Add = "CallConnection_AddParticipant";
    const string Terminate = "CallConnection_TerminateCall";
    const string Transfer = "CallConnection_TransferToParticipant";

    CallFlowsLocalApp App => fixture.App;

    [Fact]
    public async Task InboundRouting_AgentAnswers_AgentConnectedAndCallEndedWhenCallerLeaves()
    {
        const string caller = "+15551000001";
        fixture.Emulator.World.Configure(caller, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(5) });
        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, caller, DemoWorld.AgentAnswersNumber);

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

        await call.ShouldReportAsync(this.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.AgentConnected), succeeded: true);
        call.ShouldHavePerformedExactly(Answer, Add, Terminate);
        call.EventNames().Should().ContainInOrder("CallConnected", "AddParticipantSucceeded", "CallDisconnected");
        call.Outcome.Participants.Should().Contain(DemoWorld.Agent(fixture.ResourceId));
        fixture.Emulator.GetCall(call.Outcome.CallConnectionId!)!.State.Should().Be("disconnected");
        string add = call.Performed.Single(r => r.Operation == Add).RequestBody;
        JsonNode.Parse(add)!["participantToAdd"]!["rawId"]!.GetValue<string>().Should().Be(DemoWorld.Agent(fixture.ResourceId));
        JsonNode.Parse(add)!["invitationTimeoutInSeconds"]!.GetValue<int>().Should().Be(10);
    }

    [Fact]
    public async Task InboundRouting_WebhooksAnswerOnArrivalRefused503_FlowSendsTheSameAnswerItselfAndConnectsTheAgent()
    {
        // The webhook's answer fails (no CallConnected will come for it): it tells the flow, which then sends the very
        // same request itself instead of waiting for a CallConnected (the normal path, where it skips its answer activity).
        const string caller = "+15551000011";
        fixture.Emulator.World.Configure(caller, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(2) });
        fixture.Emulator.Faults.FailNextRequests(1, 503);
        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, caller, DemoWorld.AgentAnswersNumber);

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

        await call.ShouldReportAsync(this.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.AgentConnected), succeeded: true);
        call.ShouldHavePerformedExactly(Answer, Add, Terminate);
        var answers = call.Requests.Where(r => r.Operation == Answer).ToList();
        answers.Should().HaveCount(2, "the webhook's refused answer, then the flow's");
        answers[0].IsInjectedFault.Should().BeTrue();
        answers[1].RepeatabilityRequestId.Should().Be(answers[0].RepeatabilityRequestId, "the flow repeats the webhook's request");
    }

    [Fact]
    public async Task RejectRule_IncomingCall_RejectedWithTheRuleReason()
    {
        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, "+15551000009", DemoWorld.RejectedNumber);

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

        await call.ShouldReportAsync(this.App, nameof(RejectCallFlow), nameof(RoutedCallResult.Rejected), succeeded: true);
        call.ShouldHavePerformedExactly("RejectCall");
        JsonNode.Parse(call.Performed[0].RequestBody)!["callRejectReason"]!.GetValue<string>().Should().BeEquivalentTo("busy");
        (await fixture.Emulator.WaitForIncomingCallAsync(incoming.EventId, c => c.State != IncomingCallState.Ringing, TimeSpan.FromSeconds(10)))
            .State.Should().Be(IncomingCallState.Rejected);
    }

    [Fact]
    public async Task RedirectRule_IncomingCall_RedirectedToTheRuleTarget()
    {
        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, "+15551000010", DemoWorld.RedirectedNumber);

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

        await call.ShouldReportAsync(this.App, nameof(RedirectCallFlow), nameof(RoutedCallResult.Redirected), succeeded: true);
        call.ShouldHavePerformedExactly("RedirectCall");
        JsonNode.Parse(call.Performed[0].RequestBody)!["target"]!["rawId"]!.GetValue<string>().Should().Be("4:" + DemoWorld.RedirectTargetNumber);
        (await fixture.Emulator.WaitForIncomingCallAsync(incoming.EventId, c => c.State != IncomingCallState.Ringing, TimeSpan.FromSeconds(10)))
            .RedirectedTo.Should().Be("4:" + DemoWorld.RedirectTargetNumber);
    }
}
