using CallFlows.Functions.Flows;
using CallFlows.Testing.CallWorld;

namespace CallFlows.Tests.Flows.Decisions;

/// <summary>TwoAgentsFlow (the flow of docs/WRITING-FLOWS.md): each result on the test kit, with its 15 s rings on virtual time.</summary>
public sealed class TwoAgentsFlowDecisionTests
{
    const string FirstAgent = "8:acs:contoso_agent-1";
    const string SecondAgent = "8:acs:contoso_agent-2";
    const string QueueLine = "+14255550199";

    readonly InboundCallFlowTestKit<TwoAgentsSettings, TwoAgentsResult> kit = CallFlowTestKit.For(new TwoAgentsFlow(), new TwoAgentsSettings());

    CallFlowTestOutcome<TwoAgentsResult> Run(TestPhone caller) => this.kit.PlaceCall(caller, "+18005550190").RunToEnd();

    [Fact]
    public void RunToEnd_FirstDeclinesSecondAnswers_AgentConnectedUntilTheCallerLeaves()
    {
        TestPhone caller = this.kit.Phone("+15550001111").HangsUpAfter(TimeSpan.FromMinutes(3));
        this.kit.Phone(FirstAgent).Declines();
        this.kit.Phone(SecondAgent).Answers();

        var outcome = Run(caller);

        outcome.Result.Should().Be(TwoAgentsResult.AgentConnected);
        outcome.Description.Should().Be("An agent answered; the call ended after they talked.");
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "AddParticipant", "HangUp");
        outcome.Callbacks.Should().ContainInOrder("CallConnected", "AddParticipantFailed", "AddParticipantSucceeded", "CallDisconnected");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromMinutes(3));
    }

    [Fact]
    public void RunToEnd_NeitherAgentAnswersWithinFifteenSeconds_QueuedAfterBothRings()
    {
        TestPhone caller = this.kit.Phone("+15550001111");
        this.kit.Phone(FirstAgent).NeverAnswers();
        this.kit.Phone(SecondAgent).NeverAnswers();
        this.kit.Phone(QueueLine).Answers();

        var outcome = Run(caller);

        outcome.Result.Should().Be(TwoAgentsResult.Queued);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "AddParticipant", "TransferCall");
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30), "each agent rang for its 15 s ring time");
    }

    [Fact]
    public void RunToEnd_BothAgentsBusyQueueLineBusy_QueueFailed()
    {
        TestPhone caller = this.kit.Phone("+15550001111");
        this.kit.Phone(FirstAgent).IsBusy();
        this.kit.Phone(SecondAgent).IsBusy();
        this.kit.Phone(QueueLine).IsBusy();

        var outcome = Run(caller);

        outcome.Result.Should().Be(TwoAgentsResult.QueueFailed);
        outcome.Outcome!.ResultCode.Should().Be(486);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "AddParticipant", "TransferCall");
    }

    [Fact]
    public void RunToEnd_CallerHangsUpWhileTheFirstAgentRings_CallerHungUp()
    {
        TestPhone caller = this.kit.Phone("+15550001111").HangsUpAfter(TimeSpan.FromSeconds(8));
        this.kit.Phone(FirstAgent).NeverAnswers();
        this.kit.Phone(SecondAgent).Answers();

        var outcome = Run(caller);

        outcome.Result.Should().Be(TwoAgentsResult.CallerHungUp);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "AddParticipant");
    }

    [Fact]
    public void RunToEnd_NoCallConnected_AnswerFailedAfterFifteenSeconds()
    {
        TestPhone caller = this.kit.Phone("+15550001111");
        this.kit.SendsNoCallbacksFor("AnswerCall");

        var outcome = Run(caller);

        outcome.Result.Should().Be(TwoAgentsResult.AnswerFailed);
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(15));
    }
}
