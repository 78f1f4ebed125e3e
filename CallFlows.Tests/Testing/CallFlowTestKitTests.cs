using CallFlows.Functions.Configuration;
using CallFlows.Functions.Flows;
using CallFlows.Testing.CallWorld;
using CallFlows.Testing.Orchestrations;

namespace CallFlows.Tests.Testing;

/// <summary>The shipped InboundRoutingFlow's decisions on the test kit: scripted phones, virtual time, the real flow code.</summary>
public sealed class CallFlowTestKitTests
{
    const string Agent = "8:acs:agent-1";
    const string Fallback = "+15550009999";

    readonly CallFlowTestKit kit = new();

    static InboundRouteSettings Settings(Action<InboundRouteSettings>? configure = null)
    {
        var settings = new InboundRouteSettings { Agent = Agent };
        configure?.Invoke(settings);
        return settings;
    }

    CallFlowTestOutcome Run(TestPhone caller, InboundRouteSettings settings) =>
        this.kit.PlaceCall(caller, "+18005550100").RunToEnd(FlowNames.InboundRouting, InboundRoutingFlow.RunAsync, settings);

    [Fact]
    public void AgentAnswers_CallerHangsUpAfterFiveMinutes_AgentConnectedAndCallEnded()
    {
        TestPhone caller = this.kit.Phone("+15550001000").HangsUpAfter(TimeSpan.FromMinutes(5));
        this.kit.Phone(Agent).Answers(TimeSpan.FromSeconds(4));

        CallFlowTestOutcome outcome = Run(caller, Settings());

        outcome.Result.Should().Be(nameof(InboundRoutingFlowResult.AgentConnected));
        outcome.Outcome!.Detail.Should().Be("The agent joined; the caller left and the call was ended.");
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "HangUp");
        outcome.Callbacks.Should().Equal("CallConnected", "ParticipantsUpdated", "AddParticipantSucceeded", "ParticipantsUpdated", "ParticipantsUpdated", "CallDisconnected");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromMinutes(5)).And.BeLessThan(TimeSpan.FromMinutes(5.1));
        outcome.Run.ReplayChecked.Should().BeTrue();
    }

    [Fact]
    public void AgentDeclines603_HangsUpWithNoAgentAndKeepsTheCause()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).Declines();

        CallFlowTestOutcome outcome = Run(caller, Settings());

        outcome.Result.Should().Be(nameof(InboundRoutingFlowResult.HungUpNoAgent));
        outcome.Outcome!.ResultCode.Should().Be(603);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "HangUp");
    }

    [Fact]
    public void AgentNeverAnswers_InvitationTimesOutAfterTwentySeconds_HangsUpWithNoAgent()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).NeverAnswers();

        CallFlowTestOutcome outcome = Run(caller, Settings(s => s.AgentInvitationTimeout = TimeSpan.FromSeconds(20)));

        outcome.Result.Should().Be(nameof(InboundRoutingFlowResult.HungUpNoAgent));
        (outcome.Outcome!.ResultCode, outcome.Outcome.ResultSubCode).Should().Be((487, 10004));
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(20)).And.BeLessThan(TimeSpan.FromSeconds(21));
    }

    [Fact]
    public void AgentRingsLongerThanTheFlowWaits_FlowCancelsTheInvitation()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).NeverAnswers();

        CallFlowTestOutcome outcome = Run(caller, Settings(s =>
        {
            s.AgentInvitationTimeout = TimeSpan.FromSeconds(60);
            s.AgentWaitTimeout = TimeSpan.FromSeconds(15);
        }));

        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "CancelAddParticipant", "HangUp");
        outcome.Callbacks.Should().ContainInOrder("CancelAddParticipantSucceeded", "AddParticipantFailed", "CallDisconnected");
        outcome.Result.Should().Be(nameof(InboundRoutingFlowResult.HungUpNoAgent));
    }

    [Fact]
    public void AgentBusy_FallbackTransferAnswered_TransferredToFallback()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).IsBusy();
        this.kit.Phone(Fallback).Answers();

        CallFlowTestOutcome outcome = Run(caller, Settings(s =>
        {
            s.OnNoAgent = NoAgentAction.Transfer;
            s.FallbackTarget = "4:" + Fallback;
        }));

        outcome.Result.Should().Be(nameof(InboundRoutingFlowResult.TransferredToFallback));
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "TransferCall");
        outcome.Callbacks.Should().ContainInOrder("AddParticipantFailed", "CallTransferAccepted", "CallDisconnected");
    }

    [Fact]
    public void CallerHangsUpWhileAgentRings_CallerHungUp()
    {
        TestPhone caller = this.kit.Phone("+15550001000").HangsUpAfter(TimeSpan.FromSeconds(5));
        this.kit.Phone(Agent).NeverAnswers();

        CallFlowTestOutcome outcome = Run(caller, Settings());

        outcome.Result.Should().Be(nameof(InboundRoutingFlowResult.CallerHungUp));
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant");
    }

    [Fact]
    public void NoCallbackForTheAnswer_FlowGivesUpAfterItsAnswerTimeoutAndHangsUp()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.SendsNoCallbacksFor("AnswerCall").SendsNoCallbacksFor("HangUp");

        CallFlowTestOutcome outcome = Run(caller, Settings());

        outcome.Result.Should().Be(nameof(InboundRoutingFlowResult.AnswerFailed));
        outcome.Actions.Should().Equal("AnswerCall", "HangUp");
        outcome.Callbacks.Should().BeEmpty();
        // 15 s answer timeout, then 30 s waiting for the hang-up's CallDisconnected that never comes.
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(45)).And.BeLessThan(TimeSpan.FromSeconds(46));
    }

    [Fact]
    public void AddParticipantRefused403_FailureReachesTheOutcomeAsData()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent);
        this.kit.Refuses("AddParticipant", 403, "Forbidden");

        CallFlowTestOutcome outcome = Run(caller, Settings());

        outcome.Result.Should().Be(nameof(InboundRoutingFlowResult.HungUpNoAgent));
        outcome.Outcome!.ResultCode.Should().Be(403);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "HangUp"); // a 4xx is not retried
    }

    [Fact]
    public void AddParticipantFailsTransientlyTwice_RetriedWithBackoffThenAgentConnected()
    {
        TestPhone caller = this.kit.Phone("+15550001000").HangsUpAfter(TimeSpan.FromMinutes(1));
        this.kit.Phone(Agent).Answers();
        this.kit.FailsTransiently("AddParticipant", times: 2);

        CallFlowTestOutcome outcome = Run(caller, Settings());

        outcome.Result.Should().Be(nameof(InboundRoutingFlowResult.AgentConnected));
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "AddParticipant", "AddParticipant", "HangUp");
        outcome.Run.Activities.Where(a => a.Name == "AddParticipant").Select(a => a.SerializedInput).Distinct().Should().ContainSingle(
            "every attempt carries the same repeatability id and operation context");
    }

    [Fact]
    public void AgentStaysUntilTheMaximumCallDuration_FlowEndsTheCallAfterAnHour()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).Answers();

        CallFlowTestOutcome outcome = Run(caller, Settings());

        outcome.Result.Should().Be(nameof(InboundRoutingFlowResult.AgentConnected));
        outcome.Outcome!.Detail.Should().Be("The call reached its maximum duration and was ended.");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromMinutes(60));
    }

    [Fact]
    public void AgentWithoutPhone_FailsTheTestNamingIt()
    {
        TestPhone caller = this.kit.Phone("+15550001000");

        Action run = () => Run(caller, Settings());

        run.Should().Throw<OrchestrationTestException>().WithMessage("*AddParticipant rings 8:acs:agent-1, which the test has no phone for*");
    }
}
