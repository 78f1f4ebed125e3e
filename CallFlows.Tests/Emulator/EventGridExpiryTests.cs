using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Tests.Emulator;

public sealed class EventGridExpiryTests : EmulatorTestBase
{
    protected override void Configure(AcsEmulatorOptions options)
    {
        options.RingTimeout = TimeSpan.FromSeconds(1);
        options.EventGridRetry = new DeliveryRetryPolicy { MaxAttempts = 50, InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromMilliseconds(200) };
    }

    [Fact]
    public async Task IncomingCall_WebhookKeepsFailing_RetriesStopWhenTheCallStopsRinging()
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        Receiver.FailNext("eventgrid", 1000, 500);

        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        var expired = await Emulator.WaitForEventAsync(r => r.Channel == DeliveryChannel.EventGrid && r.Outcome == DeliveryOutcome.Expired);
        expired.EventId.Should().Be(placed.EventId);
        Emulator.IncomingCalls.Single().State.Should().Be(IncomingCallState.NotAnswered);
        var attempts = Emulator.EventLog.Entries.Where(r => r.Channel == DeliveryChannel.EventGrid && r.Outcome == DeliveryOutcome.WillRetry).ToList();
        attempts.Count.Should().BeInRange(1, 20, "retries end with the 1 s ring, far before MaxAttempts (50)");
        Receiver.EventGrid.Entries.Where(e => e.EventType == "Notification").Select(e => e.DeliveryCount).Should().BeInAscendingOrder();
    }
}
