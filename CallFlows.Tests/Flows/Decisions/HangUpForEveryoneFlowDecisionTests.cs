using CallFlows.Functions.Flows;
using CallFlows.Testing.CallWorld;

namespace CallFlows.Tests.Flows.Decisions;

/// <summary>HangUpForEveryoneFlow's decisions on the test kit.</summary>
public sealed class HangUpForEveryoneFlowDecisionTests
{
    const string User = "8:acs:hu-a";
    const string Phone = "+15552000009";

    readonly OutboundCallFlowTestKit<OutboundCallInput, HangUpForEveryoneFlowResult> kit = CallFlowTestKit.For(new HangUpForEveryoneFlow());

    CallFlowTestOutcome<HangUpForEveryoneFlowResult> Run(int maxDurationSeconds) =>
        this.kit.Start(new OutboundCallInput { Targets = [User, "4:" + Phone], CallerId = "4:+18005550100", MaxDurationSeconds = maxDurationSeconds }).RunToEnd();

    [Fact]
    public void RunToEnd_GroupCallRunsThirtySeconds_EndedForEveryone()
    {
        this.kit.Phone(User);
        this.kit.Phone(Phone);

        var outcome = Run(maxDurationSeconds: 30);

        outcome.Result.Should().Be(HangUpForEveryoneFlowResult.EndedForEveryone);
        outcome.Actions.Should().Equal("CreateGroupCall", "HangUp");
        outcome.ActionInput<HangUpInput>("HangUp").ForEveryone.Should().BeTrue();
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void RunToEnd_JoinedRoomWithZeroDuration_EndedForEveryoneAtOnce()
    {
        this.kit.Room("room-7", this.kit.Phone(User));

        var outcome = this.kit.Start(new OutboundCallInput { Locator = new OutboundCallLocator { Kind = "room", Id = "room-7" }, MaxDurationSeconds = 0 }).RunToEnd();

        outcome.Result.Should().Be(HangUpForEveryoneFlowResult.EndedForEveryone);
        outcome.Actions.Should().Equal("ConnectCall", "HangUp");
        outcome.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void RunToEnd_EveryoneLeavesFirst_CallEnded()
    {
        this.kit.Phone(User).HangsUpAfter(TimeSpan.FromSeconds(10));
        this.kit.Phone(Phone).HangsUpAfter(TimeSpan.FromSeconds(12));

        var outcome = Run(maxDurationSeconds: 60);

        outcome.Result.Should().Be(HangUpForEveryoneFlowResult.CallEnded);
        outcome.Actions.Should().Equal("CreateGroupCall");
    }

    [Fact]
    public void RunToEnd_NoCallDisconnectedAfterTheHangUp_HangUpFailedAfterThirtySeconds()
    {
        this.kit.Phone(User);
        this.kit.Phone(Phone);
        this.kit.SendsNoCallbacksFor("HangUp");

        var outcome = Run(maxDurationSeconds: 15);

        outcome.Result.Should().Be(HangUpForEveryoneFlowResult.HangUpFailed);
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(45), "15 s of call, then 30 s waiting for CallDisconnected");
    }

    [Fact]
    public void RunToEnd_HangUpRefused403_HangUpFailed()
    {
        this.kit.Phone(User);
        this.kit.Phone(Phone);
        this.kit.Refuses("HangUp", 403);

        var outcome = Run(maxDurationSeconds: 15);

        outcome.Result.Should().Be(HangUpForEveryoneFlowResult.HangUpFailed);
        outcome.Outcome!.ResultCode.Should().Be(403);
    }

    [Fact]
    public void RunToEnd_EveryTargetBusy_NotConnected()
    {
        this.kit.Phone(User).IsBusy();
        this.kit.Phone(Phone).IsBusy();

        var outcome = Run(maxDurationSeconds: 15);

        outcome.Result.Should().Be(HangUpForEveryoneFlowResult.NotConnected);
    }
}
