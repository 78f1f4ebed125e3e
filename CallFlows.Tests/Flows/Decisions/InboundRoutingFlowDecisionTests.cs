using CallFlows.Functions.Flows;
using CallFlows.Testing.CallWorld;

namespace CallFlows.Tests.Flows.Decisions;

/// <summary>InboundRoutingFlow's decisions on the test kit: scripted phones, virtual time, the flow's own orchestrator function.</summary>
public sealed class InboundRoutingFlowDecisionTests
{
    const string Agent = "8:acs:agent-1";
    const string Fallback = "+15550009999";
    const string Called = "+18005550100";

    readonly InboundCallFlowTestKit<InboundRouteSettings, InboundRoutingFlowResult> kit =
        CallFlowTestKit.For(new InboundRoutingFlow(), new InboundRouteSettings { Agent = Agent });

    CallFlowTestOutcome<InboundRoutingFlowResult> Run(TestPhone caller) => this.kit.PlaceCall(caller, Called).RunToEnd();

    void FallBackToTransfer()
    {
        this.kit.Settings.OnNoAgent = NoAgentAction.Transfer;
        this.kit.Settings.FallbackTarget = "4:" + Fallback;
    }

    [Fact]
    public void RunToEnd_AgentAnswersCallerHangsUpAfterFiveMinutes_AgentConnected()
    {
        TestPhone caller = this.kit.Phone("+15550001000").HangsUpAfter(TimeSpan.FromMinutes(5));
        this.kit.Phone(Agent).Answers(TimeSpan.FromSeconds(4));

        var outcome = Run(caller);

        outcome.Result.Should().Be(InboundRoutingFlowResult.AgentConnected);
        outcome.Succeeded.Should().BeTrue();
        outcome.Detail.Should().Be("The agent joined; the caller left and the call was ended.");
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "HangUp");
        outcome.Callbacks.Should().Equal("CallConnected", "ParticipantsUpdated", "AddParticipantSucceeded", "ParticipantsUpdated", "ParticipantsUpdated", "CallDisconnected");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromMinutes(5)).And.BeLessThan(TimeSpan.FromMinutes(5.1));
        outcome.Run.ReplayChecked.Should().BeTrue();
    }

    [Fact]
    public void RunToEnd_AgentAndCallerStayAnHour_FlowEndsTheCallAtMaxDuration()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).Answers();

        var outcome = Run(caller);

        outcome.Result.Should().Be(InboundRoutingFlowResult.AgentConnected);
        outcome.Detail.Should().Be("The call reached its maximum duration and was ended.");
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(60));
    }

    [Fact]
    public void RunToEnd_AgentDeclines603_HungUpNoAgentWithTheCause()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).Declines();

        var outcome = Run(caller);

        outcome.Result.Should().Be(InboundRoutingFlowResult.HungUpNoAgent);
        outcome.Outcome!.ResultCode.Should().Be(603);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "HangUp");
    }

    [Fact]
    public void RunToEnd_AgentNeverAnswersTwentySecondInvitation_HungUpNoAgent()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).NeverAnswers();

        var outcome = Run(caller);

        outcome.Result.Should().Be(InboundRoutingFlowResult.HungUpNoAgent);
        (outcome.Outcome!.ResultCode, outcome.Outcome.ResultSubCode).Should().Be((487, 10004));
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(20)).And.BeLessThan(TimeSpan.FromSeconds(21));
    }

    [Fact]
    public void RunToEnd_AgentRingsLongerThanTheFlowWaits_CancelsTheInvitationAfterFifteenSeconds()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).NeverAnswers();
        this.kit.Settings.AgentInvitationTimeout = TimeSpan.FromSeconds(60);
        this.kit.Settings.AgentWaitTimeout = TimeSpan.FromSeconds(15);

        var outcome = Run(caller);

        outcome.Result.Should().Be(InboundRoutingFlowResult.HungUpNoAgent);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "CancelAddParticipant", "HangUp");
        outcome.Callbacks.Should().ContainInOrder("CancelAddParticipantSucceeded", "AddParticipantFailed", "CallDisconnected");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(15)).And.BeLessThan(TimeSpan.FromSeconds(16));
    }

    [Fact]
    public void RunToEnd_AgentBusyFallbackAnswers_TransferredToFallback()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).IsBusy();
        this.kit.Phone(Fallback).Answers();
        FallBackToTransfer();

        var outcome = Run(caller);

        outcome.Result.Should().Be(InboundRoutingFlowResult.TransferredToFallback);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "TransferCall");
        outcome.Callbacks.Should().ContainInOrder("AddParticipantFailed", "CallTransferAccepted", "CallDisconnected");
        outcome.ActionInput<TransferCallInput>("TransferCall").Target.Should().Be("4:" + Fallback);
    }

    [Fact]
    public void RunToEnd_AgentDeclinesFallbackDeclines_FallbackTransferFailedAndCallEnded()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).Declines();
        this.kit.Phone(Fallback).Declines();
        FallBackToTransfer();

        var outcome = Run(caller);

        outcome.Result.Should().Be(InboundRoutingFlowResult.FallbackTransferFailed);
        outcome.Succeeded.Should().BeFalse();
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "TransferCall", "HangUp");
        outcome.Outcome!.ResultCode.Should().Be(603);
    }

    [Fact]
    public void RunToEnd_CallerHangsUpWhileAgentRings_CallerHungUp()
    {
        TestPhone caller = this.kit.Phone("+15550001000").HangsUpAfter(TimeSpan.FromSeconds(5));
        this.kit.Phone(Agent).NeverAnswers();
        FallBackToTransfer();

        var outcome = Run(caller);

        // ACS fails the ringing invitation (487) before CallDisconnected; the fallback transfer then finds the call gone (404).
        outcome.Result.Should().Be(InboundRoutingFlowResult.CallerHungUp);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "TransferCall");
        outcome.Callbacks.Should().EndWith(["AddParticipantFailed", "CallDisconnected"]);
    }

    [Fact]
    public void RunToEnd_NoCallConnectedForTheAnswer_AnswerFailedAfterThirtySecondsAndTheCallIsHungUp()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.SendsNoCallbacksFor("AnswerCall");

        var outcome = Run(caller);

        outcome.Result.Should().Be(InboundRoutingFlowResult.AnswerFailed);
        outcome.Actions.Should().Equal("AnswerCall", "HangUp");
        outcome.Callbacks.Should().Equal("CallDisconnected");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(30)).And.BeLessThan(TimeSpan.FromSeconds(31));
    }

    [Fact]
    public void RunToEnd_AnswerRefused403_AnswerFailedWithNothingElseAttempted()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Refuses("AnswerCall", 403, "Forbidden");

        var outcome = Run(caller);

        outcome.Result.Should().Be(InboundRoutingFlowResult.AnswerFailed);
        outcome.Actions.Should().Equal("AnswerCall");
        (outcome.Outcome!.ResultCode, outcome.Outcome.ErrorCode).Should().Be((403, "Forbidden"));
    }

    [Fact]
    public void RunToEnd_AddParticipantRefused403_HungUpNoAgentWithoutRetry()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent);
        this.kit.Refuses("AddParticipant", 403);

        var outcome = Run(caller);

        outcome.Result.Should().Be(InboundRoutingFlowResult.HungUpNoAgent);
        outcome.Outcome!.ResultCode.Should().Be(403);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "HangUp");
    }

    [Fact]
    public void RunToEnd_AddParticipantUnavailableTwice_RetriedWithTheSameIdentityThenAgentConnected()
    {
        TestPhone caller = this.kit.Phone("+15550001000").HangsUpAfter(TimeSpan.FromMinutes(1));
        this.kit.Phone(Agent).Answers();
        this.kit.FailsTransiently("AddParticipant", times: 2);

        var outcome = Run(caller);

        outcome.Result.Should().Be(InboundRoutingFlowResult.AgentConnected);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "AddParticipant", "AddParticipant", "HangUp");
        outcome.Run.Activities.Where(a => a.Name == "AddParticipant").Select(a => a.SerializedInput).Distinct().Should().ContainSingle(
            "every attempt carries the same repeatability id and operation context");
        outcome.Run.Timers.Select(t => t.FireAt - t.CreatedAt).Should().Contain([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], "the runtime backs off 1 s, then 2 s");
    }
}
