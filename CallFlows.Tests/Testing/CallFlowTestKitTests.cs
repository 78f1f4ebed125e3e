using System.Text.Json;
using CallFlows.Functions.Flows;
using CallFlows.Testing.CallWorld;
using CallFlows.Testing.Orchestrations;
using CallFlows.Tests.Testing.KitFlows;

namespace CallFlows.Tests.Testing;

/// <summary>The test kit itself: what the flow receives is what the engine would hand it, and the kit's own checks fire.</summary>
public sealed class CallFlowTestKitTests
{
    [Fact]
    public void RunToEnd_Callbacks_ArriveAsOneEventNameWithTheSerializedEnvelopeTheRuntimeReads()
    {
        var kit = CallFlowTestKit.For(new InboundRoutingFlow(), new InboundRouteSettings { Agent = "8:acs:agent-1" });
        TestPhone caller = kit.Phone("+15550001000").HangsUpAfter(TimeSpan.FromSeconds(30));
        kit.Phone("8:acs:agent-1");

        var outcome = kit.PlaceCall(caller, "+18005550100").RunToEnd();

        outcome.Run.Events.Select(e => e.Name).Distinct().Should().Equal(CallFlowEvents.CallbackEventName);
        var first = JsonDocument.Parse(outcome.Run.Events[0].SerializedPayload!).RootElement;
        var envelope = first.Deserialize<CallbackEnvelope>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        envelope.EventType.Should().Be("Microsoft.Communication.CallConnected");
        envelope.OperationContext.Should().Be(outcome.ActionInput<AnswerCallInput>("AnswerCall").Identity.OperationContext);
        envelope.Data!.Value.ValueKind.Should().Be(JsonValueKind.Object, "event data travels as a JSON object, not a string");
        envelope.ToEvent().Should().BeOfType<CallFlows.CallAutomation.CallConnected>().Which.CallConnectionId.Should().Be(envelope.CallConnectionId);
        outcome.Run.Events.Should().HaveCount(outcome.Callbacks.Count, "every callback the service sent was raised once");
    }

    [Fact]
    public void RunToEnd_ReplayCheck_OnByDefaultAndCatchesAFlowThatChangesItsMind()
    {
        var kit = CallFlowTestKit.For(new NondeterministicFlow());
        TestPhone caller = kit.Phone("+15550001000");
        kit.Phone("8:acs:agent-odd");
        kit.Phone("8:acs:agent-even");

        kit.Options.CheckReplay.Should().BeTrue();
        Action run = () => kit.PlaceCall(caller, "+18005550100").RunToEnd();

        run.Should().Throw<NondeterministicOrchestrationException>().WithMessage("*NondeterministicFlow is not deterministic*");
    }

    [Fact]
    public void RunToEnd_AppActivityScripted_FlowUsesItsAnswer()
    {
        var kit = CallFlowTestKit.For(new CrmLookupFlow());
        TestPhone caller = kit.Phone("+15550001000");
        kit.Phone("8:acs:agent-for-c-42").Answers();
        kit.OnActivity<string, string>("LookUpAgent", customer => "8:acs:agent-for-" + customer);

        var outcome = kit.PlaceCall(caller, "+18005550100").RunToEnd();

        outcome.Result.Should().Be(KitFlowResult.AgentJoined);
        outcome.Actions.Should().Equal("AnswerCall", "LookUpAgent", "AddParticipant", "HangUp");
        outcome.ToString().Should().StartWith("CrmLookupFlow ended AgentJoined after 00:00:").And.Contain("The looked-up agent joined.");
    }

    [Fact]
    public void RunToEnd_FlowThrowsWhileConnected_CallIsEndedAndTheRunFails()
    {
        var kit = CallFlowTestKit.For(new ThrowingFlow());
        TestPhone caller = kit.Phone("+15550001000");

        var outcome = kit.PlaceCall(caller, "+18005550100").RunToEnd();

        outcome.Result.Should().BeNull();
        outcome.Run.Status.Should().Be(OrchestrationRunStatus.Failed);
        outcome.Actions.Should().Equal("AnswerCall", "EndAbandonedCall");
        // The run fails once the call is handed to EndAbandonedCall (the activity ends it; the flow waits for nothing more).
        outcome.ActionInput<EndAbandonedCallInput>("EndAbandonedCall").Cause.Should().Be("System.InvalidOperationException: The CRM answered something the flow did not expect.");
        outcome.ToString().Should().Contain("The CRM answered something the flow did not expect.");
    }

    [Fact]
    public void RunToEnd_FlowRingsAnUnscriptedPhone_FailsTheTestNamingIt()
    {
        var kit = CallFlowTestKit.For(new InboundRoutingFlow(), new InboundRouteSettings { Agent = "8:acs:agent-1" });
        TestPhone caller = kit.Phone("+15550001000");

        Action run = () => kit.PlaceCall(caller, "+18005550100").RunToEnd();

        run.Should().Throw<OrchestrationTestException>().WithMessage("*AddParticipant rings 8:acs:agent-1, which the test has no phone for*");
    }

    [Fact]
    public void RunToEnd_SameKitTwice_EachRunStartsFromAFreshService()
    {
        var kit = CallFlowTestKit.For(new OutboundCallFlow());
        kit.Phone("8:acs:callee").Answers().HangsUpAfter(TimeSpan.FromSeconds(15));
        var input = new OutboundCallInput { Targets = ["8:acs:callee"] };

        var first = kit.Start(input).RunToEnd();
        var second = kit.Start(input).RunToEnd();

        first.Callbacks.Should().Equal(second.Callbacks);
        first.Elapsed.Should().Be(second.Elapsed);
        second.Result.Should().Be(OutboundCallFlowResult.CalleeHungUp);
    }
}
