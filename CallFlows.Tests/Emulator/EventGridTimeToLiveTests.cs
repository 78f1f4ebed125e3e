using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using Microsoft.Extensions.Time.Testing;

namespace CallFlows.Tests.Emulator;

/// <summary>An Event Grid subscription's event time-to-live ends retries (Event Grid drops or dead-letters the event).</summary>
public sealed class EventGridTimeToLiveTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override void Configure(AcsEmulatorOptions options)
    {
        options.TimeProvider = _clock;
        options.RingTimeout = TimeSpan.FromHours(2);
        options.EventGridRetry = DeliveryRetryPolicy.EventGridDefault with { TimeToLive = TimeSpan.FromSeconds(30) };
    }

    [Fact]
    public async Task IncomingCall_NextRetryAfterTimeToLive_Expires()
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        Receiver.FailNext("eventgrid", 1000, 500);
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        await EventGridRetryScheduleTests.WaitForAttemptAsync(Emulator, placed.EventId, 1);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await EventGridRetryScheduleTests.WaitForAttemptAsync(Emulator, placed.EventId, 2);

        // The next retry would come 40 s after publishing, past the 30 s time-to-live.
        var expired = await Emulator.WaitForEventAsync(r => r.Channel == DeliveryChannel.EventGrid && r.EventId == placed.EventId && r.Outcome == DeliveryOutcome.Expired);
        expired.Attempt.Should().Be(2);
        EventGridRetryScheduleTests.Attempts(Emulator, placed.EventId).Should().Be(2);
    }
}
