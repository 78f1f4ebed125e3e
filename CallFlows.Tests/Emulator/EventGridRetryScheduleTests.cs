using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using Microsoft.Extensions.Time.Testing;

namespace CallFlows.Tests.Emulator;

/// <summary>
/// The emulator's default Event Grid delivery follows Event Grid's documented schedule ("Event Grid message delivery and
/// retry"), driven by an injected clock: retries after 10 s, 30 s, 1 min...; 400/401/403/413 not retried.
/// </summary>
public sealed class EventGridRetryScheduleTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override void Configure(AcsEmulatorOptions options)
    {
        options.TimeProvider = _clock;

        // Long enough that ringing never ends the retries here: only the schedule and the time-to-live do.
        options.RingTimeout = TimeSpan.FromHours(2);
        options.EventGridRetry = DeliveryRetryPolicy.EventGridDefault;
    }

    [Fact]
    public void EventGridDefault_IsTheDocumentedSchedule()
    {
        var policy = DeliveryRetryPolicy.EventGridDefault;
        Enumerable.Range(1, 11).Select(policy.DelayAfter).Should().Equal(
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
            TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3),
            TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(12));
        policy.MaxAttempts.Should().Be(30);
        policy.TimeToLive.Should().Be(TimeSpan.FromHours(24));
        policy.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(30));
        DeliveryRetryPolicy.EventGridFast.DelayAfter(1).Should().Be(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task IncomingCall_WebhookAnswers429_RetriedAfter10sThen30s()
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        Receiver.FailNext("eventgrid", 1000, 429);
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        await WaitForAttemptAsync(placed.EventId, 1);
        _clock.Advance(TimeSpan.FromSeconds(9));
        await Task.Yield();
        Attempts(placed.EventId).Should().Be(1, "the first retry is 10 s after the failure");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await WaitForAttemptAsync(placed.EventId, 2);

        _clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Yield();
        Attempts(placed.EventId).Should().Be(2, "the second retry is 30 s after the second failure");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await WaitForAttemptAsync(placed.EventId, 3);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForAttemptAsync(placed.EventId, 4);
        Receiver.EventGrid.Entries.Where(e => e.EventType == "Notification").Select(e => e.DeliveryCount).Should().Equal(0, 1, 2, 3);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(413)]
    public async Task IncomingCall_WebhookAnswersNonRetriableCode_GivesUpAtOnce(int status)
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        Receiver.FailNext("eventgrid", 1000, status);
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        var gaveUp = await Emulator.WaitForEventAsync(r => r.Channel == DeliveryChannel.EventGrid && r.EventId == placed.EventId && r.Outcome == DeliveryOutcome.GaveUp);
        gaveUp.Attempt.Should().Be(1);
        gaveUp.Status.Should().Be(status);
        _clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Yield();
        Attempts(placed.EventId).Should().Be(1);
    }

    [Fact]
    public async Task IncomingCall_WebhookAnswers404_IsRetried()
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        Receiver.FailNext("eventgrid", 1, 404);
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        (await WaitForAttemptAsync(placed.EventId, 1)).Outcome.Should().Be(DeliveryOutcome.WillRetry);
        _clock.Advance(TimeSpan.FromSeconds(10));
        (await WaitForAttemptAsync(placed.EventId, 2)).Outcome.Should().Be(DeliveryOutcome.Delivered);
    }

    internal static int Attempts(AcsEmulator emulator, string eventId) =>
        emulator.EventLog.Entries.Count(r => r.Channel == DeliveryChannel.EventGrid && r.EventId == eventId && r.Status is not null);

    internal static Task<DeliveryRecord> WaitForAttemptAsync(AcsEmulator emulator, string eventId, int attempt) =>
        emulator.WaitForEventAsync(r => r.Channel == DeliveryChannel.EventGrid && r.EventId == eventId && r.Attempt == attempt && r.Status is not null);

    private int Attempts(string eventId) => Attempts(Emulator, eventId);

    private Task<DeliveryRecord> WaitForAttemptAsync(string eventId, int attempt) => WaitForAttemptAsync(Emulator, eventId, attempt);
}
