using CallFlows.Functions.Flows;
using CallFlows.Testing.CallWorld;

namespace CallFlows.Tests.Flows.Decisions;

/// <summary>GroupCallFlow's decisions on the test kit (CreateGroupCall to a phone and an ACS user).</summary>
public sealed class GroupCallFlowDecisionTests
{
    const string Phone = "+15552000003";
    const string User = "8:acs:group-user";

    readonly OutboundCallFlowTestKit<OutboundCallInput, GroupCallFlowResult> kit = CallFlowTestKit.For(new GroupCallFlow());

    CallFlowTestOutcome<GroupCallFlowResult> Run(int? maxDurationSeconds = null) =>
        this.kit.Start(new OutboundCallInput { Targets = ["4:" + Phone, User], CallerId = "4:+18005550100", MaxDurationSeconds = maxDurationSeconds }).RunToEnd();

    [Fact]
    public void RunToEnd_BothAnswerThenLeave_EndedByParticipants()
    {
        this.kit.Phone(Phone).Answers().HangsUpAfter(TimeSpan.FromSeconds(20));
        this.kit.Phone(User).Answers(TimeSpan.FromSeconds(5)).HangsUpAfter(TimeSpan.FromSeconds(30));

        var outcome = Run();

        outcome.Result.Should().Be(GroupCallFlowResult.EndedByParticipants);
        outcome.Actions.Should().Equal("CreateGroupCall");
        outcome.Callbacks.Should().Equal("CallConnected", "ParticipantsUpdated", "ParticipantsUpdated", "ParticipantsUpdated", "CallDisconnected");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(35));
    }

    [Fact]
    public void RunToEnd_OneDeclinesOneStays_EndedAtTheMaxDuration()
    {
        this.kit.Phone(Phone).Declines();
        this.kit.Phone(User).Answers();

        var outcome = Run(maxDurationSeconds: 90);

        outcome.Result.Should().Be(GroupCallFlowResult.EndedAtMaxDuration);
        outcome.Actions.Should().Equal("CreateGroupCall", "HangUp");
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public void RunToEnd_EveryTargetDeclines_NotConnected()
    {
        this.kit.Phone(Phone).Declines();
        this.kit.Phone(User).IsBusy(TimeSpan.FromSeconds(3));

        var outcome = Run();

        outcome.Result.Should().Be(GroupCallFlowResult.NotConnected);
        outcome.Callbacks.Should().Equal("CreateCallFailed", "CallDisconnected");
        outcome.Outcome!.ResultCode.Should().Be(486, "the last target's failure is the call's");
    }
}
