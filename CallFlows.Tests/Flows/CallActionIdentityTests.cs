
namespace CallFlows.Tests.Flows;

public sealed class CallActionIdentityTests
{
    private static readonly DateTime Time = new(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_SameInstanceAndPosition_IsIdenticalOnReplay()
    {
        var first = CallActionIdentity.Create("in-abc", 3, "AddParticipant", Time);
        var replay = CallActionIdentity.Create("in-abc", 3, "AddParticipant", Time);

        replay.Should().Be(first);
        replay.ToRepeatabilityHeaders().RepeatabilityRequestId.Should().Be(first.RepeatabilityRequestId);
    }

    [Fact]
    public void Create_SameActionInAReRunEpisodeWithALaterClock_GivesTheSameIds()
    {
        // A worker killed after sending an episode's activity messages but before committing its history makes the
        // next worker re-run the episode with a new CurrentUtcDateTime: the action must keep its identity so ACS
        // deduplicates it (found by the chaos test, tools/CallFlows.Chaos).
        var first = CallActionIdentity.Create("in-abc", 3, "AddParticipant", Time);
        var rerun = CallActionIdentity.Create("in-abc", 3, "AddParticipant", Time.AddSeconds(7));

        rerun.RepeatabilityRequestId.Should().Be(first.RepeatabilityRequestId);
        rerun.OperationContext.Should().Be(first.OperationContext);
    }

    [Fact]
    public void Create_DifferentPositionInstanceOrAction_GivesDifferentIds()
    {
        var baseline = CallActionIdentity.Create("in-abc", 3, "AddParticipant", Time);
        var others = new[]
        {
            CallActionIdentity.Create("in-abc", 4, "AddParticipant", Time),
            CallActionIdentity.Create("in-abd", 3, "AddParticipant", Time),
            CallActionIdentity.Create("in-abc", 3, "RemoveParticipant", Time),
        };

        others.Select(o => o.RepeatabilityRequestId).Should().NotContain(baseline.RepeatabilityRequestId).And.OnlyHaveUniqueItems();
        others.Select(o => o.OperationContext).Should().NotContain(baseline.OperationContext).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Create_RequestId_IsFormattedAsUuidVersion4()
    {
        var id = CallActionIdentity.Create("in-abc", 1, "AnswerCall", Time).RepeatabilityRequestId.ToString("D");

        id.Should().MatchRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    }

    [Fact]
    public void Create_FirstSent_IsTheOrchestrationTimeInUtc()
    {
        var identity = CallActionIdentity.Create("in-abc", 1, "AnswerCall", Time);

        identity.RepeatabilityFirstSent.Should().Be(new DateTimeOffset(Time));
        identity.RepeatabilityFirstSent.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Create_OperationContext_NamesSequenceAndAction()
    {
        CallActionIdentity.Create("in-abc", 7, "TransferCall", Time).OperationContext.Should().MatchRegex("^cf-7-TransferCall-[0-9a-f]{8}$");
    }

    [Fact]
    public void Create_NonPositiveSequence_Throws()
    {
        var act = () => CallActionIdentity.Create("in-abc", 0, "AnswerCall", Time);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ForAnswerOnArrival_WebhookAndTheFlowsFirstAction_SendTheSameRequest()
    {
        var answeredAt = new DateTimeOffset(2026, 11, 30, 18, 0, 7, TimeSpan.Zero);

        var webhook = CallActionIdentity.ForAnswerOnArrival("incoming-abc", answeredAt, "00f067aa0ba902b7");
        var flowsFirstAction = CallActionIdentity.Create("incoming-abc", 1, CallActionNames.AnswerCall, answeredAt.UtcDateTime) with { RootSpanId = "00f067aa0ba902b7" };

        webhook.Should().Be(flowsFirstAction, "the same request, callback URL (root span id) included");
        webhook.RepeatabilityFirstSent.Should().Be(answeredAt);
        CallActionIdentity.ForAnswerOnArrival("incoming-abd", answeredAt, null).RepeatabilityRequestId.Should().NotBe(webhook.RepeatabilityRequestId);
    }
}
