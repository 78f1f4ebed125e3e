using CallFlows.Functions.Flows;
using CallFlows.Testing.CallWorld;

namespace CallFlows.Tests.Flows.Decisions;

/// <summary>GroupTransferFlow's decisions on the test kit: a group call, then the transferee transferred to the target.</summary>
public sealed class GroupTransferFlowDecisionTests
{
    const string Stays = "8:acs:gt-stays";
    const string Transferee = "+15552000004";
    const string Target = "+15552000005";

    readonly OutboundCallFlowTestKit<OutboundCallInput, GroupTransferFlowResult> kit = CallFlowTestKit.For(new GroupTransferFlow());

    CallFlowTestOutcome<GroupTransferFlowResult> Run(int? actionTimeoutSeconds = null, int? connectTimeoutSeconds = null) =>
        this.kit.Start(new OutboundCallInput
        {
            Targets = [Stays, "4:" + Transferee],
            CallerId = "4:+18005550100",
            Transferee = "4:" + Transferee,
            TransferTarget = "4:" + Target,
            ActionTimeoutSeconds = actionTimeoutSeconds,
            ConnectTimeoutSeconds = connectTimeoutSeconds,
        }).RunToEnd();

    [Fact]
    public void RunToEnd_TargetAnswers_TransferAcceptedAndTheAppLeaves()
    {
        this.kit.Phone(Stays);
        this.kit.Phone(Transferee);
        this.kit.Phone(Target).Answers();

        var outcome = Run();

        outcome.Result.Should().Be(GroupTransferFlowResult.TransferAccepted);
        outcome.Actions.Should().Equal("CreateGroupCall", "TransferCall", "HangUp");
        outcome.Callbacks.Should().ContainInOrder("CallTransferAccepted", "ParticipantsUpdated", "CallDisconnected");
        var transfer = outcome.ActionInput<TransferCallInput>("TransferCall");
        (transfer.Transferee, transfer.Target).Should().Be(("4:" + Transferee, "4:" + Target));
    }

    [Fact]
    public void RunToEnd_TargetDeclines_TransferFailed()
    {
        this.kit.Phone(Stays);
        this.kit.Phone(Transferee);
        this.kit.Phone(Target).Declines();

        var outcome = Run();

        outcome.Result.Should().Be(GroupTransferFlowResult.TransferFailed);
        (outcome.Outcome!.ResultCode, outcome.Outcome.ResultSubCode).Should().Be((603, 560603));
    }

    [Fact]
    public void RunToEnd_TargetRingsPastTheActionTimeout_TransferTimedOutAfterTwentySeconds()
    {
        this.kit.Phone(Stays);
        this.kit.Phone(Transferee);
        this.kit.Phone(Target).NeverAnswers();

        var outcome = Run(actionTimeoutSeconds: 20);

        outcome.Result.Should().Be(GroupTransferFlowResult.TransferTimedOut);
        outcome.Actions.Should().Equal("CreateGroupCall", "TransferCall", "HangUp");
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void RunToEnd_TransfereeDeclinesTheGroupCall_TransfereeNotInCallAfterTheConnectTimeout()
    {
        this.kit.Phone(Stays);
        this.kit.Phone(Transferee).Declines();
        this.kit.Phone(Target);

        var outcome = Run(connectTimeoutSeconds: 45);

        outcome.Result.Should().Be(GroupTransferFlowResult.TransfereeNotInCall);
        outcome.Actions.Should().Equal("CreateGroupCall", "HangUp");
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(45));
    }

    [Fact]
    public void RunToEnd_EveryoneLeavesBeforeTheTransfereeJoins_CallEnded()
    {
        this.kit.Phone(Stays).HangsUpAfter(TimeSpan.FromSeconds(5));
        this.kit.Phone(Transferee).Answers(TimeSpan.FromSeconds(15));
        this.kit.Phone(Target);

        var outcome = Run();

        outcome.Result.Should().Be(GroupTransferFlowResult.CallEnded);
        outcome.Actions.Should().Equal("CreateGroupCall");
    }

    [Fact]
    public void RunToEnd_NobodyAnswers_NotConnected()
    {
        this.kit.Phone(Stays).IsBusy();
        this.kit.Phone(Transferee).NeverAnswers();
        this.kit.Phone(Target);

        var outcome = Run();

        outcome.Result.Should().Be(GroupTransferFlowResult.NotConnected);
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30), "ACS gives up on the last target after 30 s");
    }
}
