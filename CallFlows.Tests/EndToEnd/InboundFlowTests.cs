using System.Text.Json.Nodes;
using CallFlows.Emulator.Observability;
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
    public async Task InboundRouting_AgentDeclines_CallerTransferredToFallbackWithCustomHeaders()
    {
        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, "+15551000002", DemoWorld.AgentDeclinesNumber);

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

        await call.ShouldReportAsync(this.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.TransferredToFallback), succeeded: true);
        call.ShouldHavePerformedExactly(Answer, Add, Transfer);
        call.EventNames().Should().ContainInOrder("CallConnected", "AddParticipantFailed", "CallTransferAccepted", "CallDisconnected");
        call.ActionLines().Should().Contain(a => a.StartsWith("AddParticipant: Failed: ACS reported the action failed with 603/", StringComparison.Ordinal));
        JsonNode transfer = JsonNode.Parse(call.Performed.Single(r => r.Operation == Transfer).RequestBody)!;
        transfer["targetParticipant"]!["rawId"]!.GetValue<string>().Should().Be("4:" + DemoWorld.FallbackNumber);
        transfer["customCallingContext"]!["sipHeaders"]!["X-MS-Custom-Queue"]!.GetValue<string>().Should().Be("support");
        transfer["customCallingContext"]!["voipHeaders"]!["queue"]!.GetValue<string>().Should().Be("support");
    }

    [Fact]
    public async Task InboundRouting_AgentBusy_FlowHangsUp()
    {
        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, "+15551000003", DemoWorld.AgentBusyNumber);

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

        await call.ShouldReportAsync(this.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.HungUpNoAgent), succeeded: true);
        call.Outcome.ResultCode.Should().Be(486);
        call.ShouldHavePerformedExactly(Answer, Add, Terminate);
    }

    [Fact]
    public async Task InboundRouting_AgentNeverAnswers_InvitationTimesOutAndFlowHangsUp()
    {
        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, "+15551000004", DemoWorld.AgentNoAnswerNumber);

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

        await call.ShouldReportAsync(this.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.HungUpNoAgent), succeeded: true);
        call.Outcome.ResultCode.Should().Be(487, "ACS gave up on the invitation at its 2 s timeout");
        call.Outcome.ResultSubCode.Should().Be(10004);
        call.ShouldHavePerformedExactly(Answer, Add, Terminate);
        JsonNode.Parse(call.Performed.Single(r => r.Operation == Add).RequestBody)!["invitationTimeoutInSeconds"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task InboundRouting_FallbackDeclinesTransfer_FallbackTransferFailedAndCallEnded()
    {
        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, "+15551000005", DemoWorld.TransferFailsNumber);

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

        await call.ShouldReportAsync(this.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.FallbackTransferFailed), succeeded: false);
        call.ShouldHavePerformedExactly(Answer, Add, Transfer, Terminate);
        call.EventNames().Should().Contain("CallTransferFailed");
        call.Outcome.ResultCode.Should().Be(603);
    }

    [Fact]
    public async Task InboundRouting_CallerHangsUpWhileAgentRings_CallerHungUpAndNoFurtherAction()
    {
        const string caller = "+15551000006";
        fixture.Emulator.World.Configure(caller, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1) });
        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, caller, DemoWorld.SlowAgentNumber);

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

        await call.ShouldReportAsync(this.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.CallerHungUp), succeeded: false);
        call.Performed.Where(r => r.Status < 300).Select(r => r.Operation).Should().Equal(Answer, Add);

        // The add's AddParticipantFailed (487) precedes CallDisconnected, so the flow may already have asked for the
        // fallback transfer; ACS refuses it (404) and the flow reports the hang-up instead of a failed transfer.
        call.Performed.Where(r => r.Status >= 300).Should().OnlyContain(r => r.Operation == Transfer && r.Status == 404);
        call.Operations.Should().NotContain(Terminate, "there is nothing to hang up");
        fixture.Emulator.GetCall(call.Outcome.CallConnectionId!)!.State.Should().Be("disconnected");
    }

    [Fact]
    public async Task InboundRouting_AnswerRefused_AnswerFailed()
    {
        // The answer is refused with 403: a business error, not retried. InboundRoutingFlow answers on arrival, so the
        // answer is sent twice with one repeatability id: by the webhook, then repeated by the flow. ACS would return the
        // stored refusal to the repeat; the emulator does not store injected faults, so both requests are failed here.
        fixture.Emulator.Faults.FailNextRequests(2, 403);
        try
        {
            var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, "+15551000007", DemoWorld.AgentAnswersNumber);

            FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

            await call.ShouldReportAsync(this.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.AnswerFailed), succeeded: false);
            call.Requests.Where(r => r.Operation == Answer).Should().HaveCount(2).And.OnlyContain(r => r.IsInjectedFault && r.Status == 403);
            call.Requests.Where(r => r.Operation == Answer).Select(r => r.RepeatabilityRequestId).Distinct().Should().ContainSingle("the webhook's answer and the flow's are one request");
            call.Operations.Should().BeEmpty("nothing else is attempted on a call that was never answered");
            call.Outcome.ResultCode.Should().Be(403);
        }
        finally
        {
            fixture.Emulator.Faults.Reset();
        }
    }

    [Fact]
    public async Task InboundRouting_CallConnectedNeverDelivered_AnswerTimesOutAndCallIsHungUp()
    {
        // Emulator fault: every CallConnected callback is dropped, so the answer's wait ends on its 2 s timeout.
        fixture.Emulator.Faults.DropProbability = 1;
        fixture.Emulator.Faults.AffectedEventTypes.Add("CallConnected");
        try
        {
            var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, "+15551000008", DemoWorld.ShortAnswerTimeoutNumber);

            FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

            await call.ShouldReportAsync(this.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.AnswerFailed), succeeded: false);
            call.ActionLines().Should().Contain(a => a.StartsWith("AnswerCall: TimedOut", StringComparison.Ordinal));
            call.ShouldHavePerformedExactly(Answer, Terminate);
            fixture.Emulator.EventLog.Entries.Should().Contain(e => e.Name == "CallConnected" && e.CallConnectionId == call.Outcome.CallConnectionId && e.Outcome == DeliveryOutcome.Dropped);
        }
        finally
        {
            fixture.Emulator.Faults.Reset();
        }
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
