using CallFlows.Functions.Flows;
using CallFlows.Testing.CallWorld;

namespace CallFlows.Tests.Flows.Decisions;

/// <summary>CancelAddParticipantFlow's decisions on the test kit: an invitation cancelled while it rings, and every way that can go.</summary>
public sealed class CancelAddParticipantFlowDecisionTests
{
    const string Callee = "+15552000006";
    const string Invited = "+15552000007";

    readonly OutboundCallFlowTestKit<OutboundCallInput, CancelAddParticipantFlowResult> kit = CallFlowTestKit.For(new CancelAddParticipantFlow());

    CallFlowTestOutcome<CancelAddParticipantFlowResult> Run(int cancelAfterSeconds = 15) =>
        this.kit.Start(new OutboundCallInput
        {
            Targets = ["4:" + Callee],
            Participant = "4:" + Invited,
            CallerId = "4:+18005550100",
            CancelAfterSeconds = cancelAfterSeconds,
        }).RunToEnd();

    [Fact]
    public void RunToEnd_InvitedNeverAnswers_InvitationCancelledAfterFifteenSeconds()
    {
        this.kit.Phone(Callee);
        this.kit.Phone(Invited).NeverAnswers();

        var outcome = Run();

        outcome.Result.Should().Be(CancelAddParticipantFlowResult.InvitationCancelled);
        outcome.Actions.Should().Equal("CreateCall", "AddParticipant", "CancelAddParticipant", "HangUp");
        outcome.Callbacks.Should().ContainInOrder("CancelAddParticipantSucceeded", "AddParticipantFailed", "CallDisconnected");
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void RunToEnd_InvitedAnswersJustAfterTheFlowGaveUp_CancelFailed()
    {
        this.kit.Phone(Callee);

        // The flow stops waiting at 15 s; the phone picks up 30 ms later, before the cancel reaches ACS.
        this.kit.Phone(Invited).Answers(TimeSpan.FromSeconds(15.03));

        var outcome = Run();

        outcome.Result.Should().Be(CancelAddParticipantFlowResult.CancelFailed);
        outcome.Callbacks.Should().Contain("CancelAddParticipantFailed");
        (outcome.Outcome!.ResultCode, outcome.Outcome.ResultSubCode).Should().Be((400, 8523));
    }

    [Fact]
    public void RunToEnd_InvitedAnswers_ParticipantAnswered()
    {
        this.kit.Phone(Callee);
        this.kit.Phone(Invited).Answers(TimeSpan.FromSeconds(3));

        var outcome = Run();

        outcome.Result.Should().Be(CancelAddParticipantFlowResult.ParticipantAnswered);
        outcome.Actions.Should().Equal("CreateCall", "AddParticipant", "HangUp");
    }

    [Fact]
    public void RunToEnd_InvitedDeclines_AddFailed()
    {
        this.kit.Phone(Callee);
        this.kit.Phone(Invited).Declines();

        var outcome = Run();

        outcome.Result.Should().Be(CancelAddParticipantFlowResult.AddFailed);
        outcome.Outcome!.ResultCode.Should().Be(603);
    }

    [Fact]
    public void RunToEnd_CalleeHangsUpWhileTheCancelIsUnconfirmed_CallEnded()
    {
        this.kit.Phone(Callee).HangsUpAfter(TimeSpan.FromSeconds(25));
        this.kit.Phone(Invited).NeverAnswers();
        this.kit.SendsNoCallbacksFor("CancelAddParticipant");

        var outcome = Run();

        outcome.Result.Should().Be(CancelAddParticipantFlowResult.CallEnded);
        outcome.Actions.Should().Equal("CreateCall", "AddParticipant", "CancelAddParticipant");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(25));
    }

    [Fact]
    public void RunToEnd_CalleeBusy_NotConnected()
    {
        this.kit.Phone(Callee).IsBusy();
        this.kit.Phone(Invited);

        var outcome = Run();

        outcome.Result.Should().Be(CancelAddParticipantFlowResult.NotConnected);
        outcome.Actions.Should().Equal("CreateCall");
    }
}
