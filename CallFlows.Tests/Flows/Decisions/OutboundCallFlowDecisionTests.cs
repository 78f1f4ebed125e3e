using CallFlows.Functions.Flows;
using CallFlows.Testing.CallWorld;

namespace CallFlows.Tests.Flows.Decisions;

/// <summary>OutboundCallFlow's decisions on the test kit (CreateCall on a simulated ACS, virtual time).</summary>
public sealed class OutboundCallFlowDecisionTests
{
    const string Callee = "+15552000001";
    const string CallerId = "4:+18005550100";

    readonly OutboundCallFlowTestKit<OutboundCallInput, OutboundCallFlowResult> kit = CallFlowTestKit.For(new OutboundCallFlow());

    CallFlowTestOutcome<OutboundCallFlowResult> Run(int? maxDurationSeconds = null, int? connectTimeoutSeconds = null) =>
        this.kit.Start(new OutboundCallInput
        {
            Targets = ["4:" + Callee],
            CallerId = CallerId,
            MaxDurationSeconds = maxDurationSeconds,
            ConnectTimeoutSeconds = connectTimeoutSeconds,
        }).RunToEnd();

    [Fact]
    public void RunToEnd_CalleeAnswersAndHangsUpAfterThirtySeconds_CalleeHungUp()
    {
        this.kit.Phone(Callee).Answers().HangsUpAfter(TimeSpan.FromSeconds(30));

        var outcome = Run();

        outcome.Result.Should().Be(OutboundCallFlowResult.CalleeHungUp);
        outcome.Actions.Should().Equal("CreateCall");
        outcome.Callbacks.Should().Equal("CallConnected", "ParticipantsUpdated", "CallDisconnected");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(30));
        var create = outcome.ActionInput<CreateCallInput>("CreateCall");
        (create.Target, create.CallerId).Should().Be(("4:" + Callee, CallerId));
    }

    [Fact]
    public void RunToEnd_CalleeStays_EndedAtTheTwoMinuteMaxDuration()
    {
        this.kit.Phone(Callee).Answers();

        var outcome = Run(maxDurationSeconds: 120);

        outcome.Result.Should().Be(OutboundCallFlowResult.EndedAtMaxDuration);
        outcome.Actions.Should().Equal("CreateCall", "HangUp");
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void RunToEnd_CalleeRingsPastTheConnectTimeout_NotAnsweredAndTheAttemptIsEnded()
    {
        this.kit.Phone(Callee).NeverAnswers();

        var outcome = Run(connectTimeoutSeconds: 20);

        outcome.Result.Should().Be(OutboundCallFlowResult.NotAnswered);
        outcome.Actions.Should().Equal("CreateCall", "HangUp");
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(20)).And.BeLessThan(TimeSpan.FromSeconds(21));
    }

    [Fact]
    public void RunToEnd_CalleeNeverAnswersAndAcsGivesUp_CallFailedWith480()
    {
        this.kit.Phone(Callee).NeverAnswers();

        var outcome = Run();

        outcome.Result.Should().Be(OutboundCallFlowResult.CallFailed);
        (outcome.Outcome!.ResultCode, outcome.Outcome.ResultSubCode).Should().Be((480, 560480));
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30), "ACS rings for 30 s");
    }

    [Fact]
    public void RunToEnd_CalleeBusy_CallFailedWith486()
    {
        this.kit.Phone(Callee).IsBusy();

        var outcome = Run();

        outcome.Result.Should().Be(OutboundCallFlowResult.CallFailed);
        outcome.Outcome!.ResultCode.Should().Be(486);
        outcome.Callbacks.Should().Equal("CreateCallFailed", "CallDisconnected");
    }

    [Fact]
    public void RunToEnd_CreateCallRefused400_CallFailed()
    {
        this.kit.Phone(Callee);
        this.kit.Refuses("CreateCall", 400, "InvalidCallerId");

        var outcome = Run();

        outcome.Result.Should().Be(OutboundCallFlowResult.CallFailed);
        (outcome.Outcome!.ResultCode, outcome.Outcome.ErrorCode).Should().Be((400, "InvalidCallerId"));
        outcome.Actions.Should().Equal("CreateCall");
    }
}
