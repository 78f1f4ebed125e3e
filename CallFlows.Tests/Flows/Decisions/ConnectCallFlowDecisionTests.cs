using CallFlows.Functions.Flows;
using CallFlows.Testing.CallWorld;

namespace CallFlows.Tests.Flows.Decisions;

/// <summary>ConnectCallFlow's decisions on the test kit (ConnectCall to a room, a server call, a call that does not exist).</summary>
public sealed class ConnectCallFlowDecisionTests
{
    readonly OutboundCallFlowTestKit<OutboundCallInput, ConnectCallFlowResult> kit = CallFlowTestKit.For(new ConnectCallFlow());

    CallFlowTestOutcome<ConnectCallFlowResult> Run(string kind, string id, int? maxDurationSeconds = null) =>
        this.kit.Start(new OutboundCallInput { Locator = new OutboundCallLocator { Kind = kind, Id = id }, MaxDurationSeconds = maxDurationSeconds }).RunToEnd();

    [Fact]
    public void RunToEnd_RoomWithAMember_LeavesAtTheMaxDurationWithoutEndingTheRoom()
    {
        this.kit.Room("room-1", this.kit.Phone("8:acs:room-member"));

        var outcome = Run("room", "room-1", maxDurationSeconds: 45);

        outcome.Result.Should().Be(ConnectCallFlowResult.LeftAtMaxDuration);
        outcome.Actions.Should().Equal("ConnectCall", "HangUp");
        outcome.ActionInput<HangUpInput>("HangUp").ForEveryone.Should().BeFalse();
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(45));
    }

    [Fact]
    public void RunToEnd_ServerCallWhosePeopleHangUp_CallEnded()
    {
        this.kit.ServerCall("server-call-9", this.kit.Phone("+15553000001").HangsUpAfter(TimeSpan.FromSeconds(20)), this.kit.Phone("+15553000002").HangsUpAfter(TimeSpan.FromSeconds(25)));

        var outcome = Run("serverCall", "server-call-9");

        outcome.Result.Should().Be(ConnectCallFlowResult.CallEnded);
        outcome.Actions.Should().Equal("ConnectCall");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(25));
    }

    [Fact]
    public void RunToEnd_UnknownServerCall_NotConnectedWith404()
    {
        var outcome = Run("serverCall", "no-such-call");

        outcome.Result.Should().Be(ConnectCallFlowResult.NotConnected);
        outcome.Callbacks.Should().Equal("ConnectFailed", "CallDisconnected");
        outcome.Outcome!.ResultCode.Should().Be(404);
        outcome.Actions.Should().Equal("ConnectCall");
    }
}
