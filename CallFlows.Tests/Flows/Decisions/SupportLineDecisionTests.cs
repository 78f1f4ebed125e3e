using CallFlows.Testing.CallWorld;
using Contoso.CallCenter.Flows;

namespace CallFlows.Tests.Flows.Decisions;

/// <summary>The sample app's SupportLine flow, tested as its team would: each result on the test kit.</summary>
public sealed class SupportLineDecisionTests
{
    const string Agent = "8:acs:contoso_support-agent";
    const string Voicemail = "+18005550199";

    readonly InboundCallFlowTestKit<SupportLineSettings, SupportLineResult> kit =
        CallFlowTestKit.For(new SupportLine(), new SupportLineSettings { AgentOnDuty = Agent, VoicemailLine = "4:" + Voicemail });

    CallFlowTestOutcome<SupportLineResult> Run(TestPhone caller) => this.kit.PlaceCall(caller, "+18005550123").RunToEnd();

    [Fact]
    public void RunToEnd_AgentAnswersCallerHangsUpAfterTenMinutes_AgentHelped()
    {
        TestPhone caller = this.kit.Phone("+15550001000").HangsUpAfter(TimeSpan.FromMinutes(10));
        this.kit.Phone(Agent).Answers(TimeSpan.FromSeconds(6));

        var outcome = Run(caller);

        outcome.Result.Should().Be(SupportLineResult.AgentHelped);
        outcome.Description.Should().Be("The agent on duty answered and helped the caller.");
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "HangUp");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void RunToEnd_AgentNeverAnswersInTwentySeconds_Voicemail()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).NeverAnswers();
        this.kit.Phone(Voicemail).Answers(TimeSpan.FromSeconds(1));

        var outcome = Run(caller);

        outcome.Result.Should().Be(SupportLineResult.Voicemail);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "TransferCall");
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void RunToEnd_AgentDeclinesVoicemailBusy_Unreachable()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.Phone(Agent).Declines();
        this.kit.Phone(Voicemail).IsBusy();

        var outcome = Run(caller);

        outcome.Result.Should().Be(SupportLineResult.Unreachable);
        outcome.Outcome!.ResultCode.Should().Be(486);
    }

    [Fact]
    public void RunToEnd_CallNeverConnects_UnreachableAfterFifteenSeconds()
    {
        TestPhone caller = this.kit.Phone("+15550001000");
        this.kit.SendsNoCallbacksFor("AnswerCall");

        var outcome = Run(caller);

        outcome.Result.Should().Be(SupportLineResult.Unreachable);
        outcome.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void RunToEnd_CallerHangsUpWhileTheAgentRings_CallerHungUp()
    {
        TestPhone caller = this.kit.Phone("+15550001000").HangsUpAfter(TimeSpan.FromSeconds(12));
        this.kit.Phone(Agent).NeverAnswers();
        this.kit.Phone(Voicemail);

        var outcome = Run(caller);

        outcome.Result.Should().Be(SupportLineResult.CallerHungUp);
        outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "TransferCall");
    }
}
