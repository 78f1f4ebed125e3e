using CallFlows.Functions.Flows;
using CallFlows.Testing.CallWorld;

namespace CallFlows.Tests.Flows.Decisions;

/// <summary>RemoveParticipantFlow's decisions on the test kit.</summary>
public sealed class RemoveParticipantFlowDecisionTests
{
    const string Stays = "8:acs:rm-stays";
    const string Removed = "+15552000008";

    readonly OutboundCallFlowTestKit<OutboundCallInput, RemoveParticipantFlowResult> kit = CallFlowTestKit.For(new RemoveParticipantFlow());

    CallFlowTestOutcome<RemoveParticipantFlowResult> Run(int? connectTimeoutSeconds = null) =>
        this.kit.Start(new OutboundCallInput
        {
            Targets = [Stays, "4:" + Removed],
            Participant = "4:" + Removed,
            CallerId = "4:+18005550100",
            ConnectTimeoutSeconds = connectTimeoutSeconds,
        }).RunToEnd();

    [Fact]
    public void RunToEnd_ParticipantJoined_ParticipantRemovedThenCallEnded()
    {
        this.kit.Phone(Stays);
        this.kit.Phone(Removed).Answers(TimeSpan.FromSeconds(4));

        var outcome = Run();

        outcome.Result.Should().Be(RemoveParticipantFlowResult.ParticipantRemoved);
        outcome.Actions.Should().Equal("CreateGroupCall", "RemoveParticipant", "HangUp");
        outcome.Callbacks.Should().ContainInOrder("RemoveParticipantSucceeded", "ParticipantsUpdated", "CallDisconnected");
    }

    [Fact]
    public void RunToEnd_RemoveRefused403_RemoveFailed()
    {
        this.kit.Phone(Stays);
        this.kit.Phone(Removed);
        this.kit.Refuses("RemoveParticipant", 403);

        var outcome = Run();

        outcome.Result.Should().Be(RemoveParticipantFlowResult.RemoveFailed);
        outcome.Outcome!.ResultCode.Should().Be(403);
    }

    [Fact]
    public void RunToEnd_ParticipantNeverJoins_ParticipantNotInCallAfterTheConnectTimeout()
    {
        this.kit.Phone(Stays);
        this.kit.Phone(Removed).Declines();

        var outcome = Run(connectTimeoutSeconds: 40);

        outcome.Result.Should().Be(RemoveParticipantFlowResult.ParticipantNotInCall);
        outcome.Actions.Should().Equal("CreateGroupCall", "HangUp");
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(40));
    }

    [Fact]
    public void RunToEnd_CallEmptiesBeforeTheParticipantJoins_CallEnded()
    {
        this.kit.Phone(Stays).HangsUpAfter(TimeSpan.FromSeconds(5));
        this.kit.Phone(Removed).Answers(TimeSpan.FromSeconds(20));

        var outcome = Run();

        outcome.Result.Should().Be(RemoveParticipantFlowResult.CallEnded);
        outcome.Actions.Should().Equal("CreateGroupCall");
    }

    [Fact]
    public void RunToEnd_NobodyAnswers_NotConnected()
    {
        this.kit.Phone(Stays).Declines();
        this.kit.Phone(Removed).Declines();

        var outcome = Run();

        outcome.Result.Should().Be(RemoveParticipantFlowResult.NotConnected);
    }
}
