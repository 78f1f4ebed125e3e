using System.Text.Json.Nodes;
using CallFlows.Emulator;
using CallFlows.Emulator.Observability;

namespace CallFlows.Tests.Emulator;

public sealed class FaultInjectionTests : EmulatorTestBase
{
    protected override void Configure(AcsEmulatorOptions options) =>
        options.CallbackRetry = DeliveryRetryPolicy.CallbackDefault with { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) };

    private JsonObject CreateBody() => new()
    {
        ["targets"] = new JsonArray(User(AcsUser)),
        ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
    };

    [Fact]
    public async Task FailNextRequests_503Twice_ThenExecutesWithSameRepeatabilityId()
    {
        Emulator.Faults.FailNextRequests(2, 503, TimeSpan.FromSeconds(1));
        var id = Guid.NewGuid().ToString();
        var firstSent = DateTimeOffset.UtcNow;

        var first = await Raw.PostAsync("/calling/callConnections", CreateBody(), id, firstSent);
        var second = await Raw.PostAsync("/calling/callConnections", CreateBody(), id, firstSent);
        var third = await Raw.PostAsync("/calling/callConnections", CreateBody(), id, firstSent);

        first.Status.Should().Be(503);
        first.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        AssertConforms(first.Body, "CommunicationErrorResponse");
        second.Status.Should().Be(503);
        third.Status.Should().Be(201, "faults consume no repeatability id: the retry executes");
        Emulator.Calls.Should().ContainSingle();
        Emulator.RequestLog.Entries.Select(r => r.IsInjectedFault).Should().Equal(true, true, false);
    }

    [Fact]
    public async Task FailNextRequests_429_CarriesRetryAfter()
    {
        Emulator.Faults.FailNextRequests(1, 429, TimeSpan.FromSeconds(2));

        var response = await Raw.GetAsync("/calling/callConnections/x");

        response.Status.Should().Be(429);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));
        (await Raw.GetAsync("/calling/callConnections/x")).Status.Should().Be(404);
    }

    [Fact]
    public async Task RestResponseDelay_SlowsResponses()
    {
        Emulator.Faults.RestResponseDelay = TimeSpan.FromMilliseconds(300);
        var started = System.Diagnostics.Stopwatch.StartNew();

        await Raw.GetAsync("/calling/callConnections/x");

        started.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task DuplicateProbabilityOne_EveryEventPostedTwiceWithSameId()
    {
        Emulator.Faults.DuplicateProbability = 1;
        Emulator.Faults.AffectedEventTypes.Add("CallConnected");

        var id = await CreateConnectedCallAsync();

        var both = await Receiver.Callbacks.WaitForCountAsync(c => c.CallConnectionId == id && c.Name == "CallConnected", 2, Wait);
        both[0].Id.Should().Be(both[1].Id);
        Receiver.NamesFor(id).Count(n => n == "ParticipantsUpdated").Should().Be(1, "only the listed event types are affected");
        (await Emulator.WaitForEventAsync(r => r.CallConnectionId == id && r.IsDuplicate)).Name.Should().Be("CallConnected");
    }

    [Fact]
    public async Task DropProbabilityOne_EventNeverPostedAndLoggedAsDropped()
    {
        Emulator.Faults.DropProbability = 1;
        Emulator.Faults.AffectedEventTypes.Add("Microsoft.Communication.CallConnected");

        var id = await CreateConnectedCallAsync();

        var dropped = await Emulator.WaitForEventAsync(r => r.CallConnectionId == id && r.Outcome == DeliveryOutcome.Dropped);
        dropped.Name.Should().Be("CallConnected");
        Receiver.NamesFor(id).Should().Equal("ParticipantsUpdated");
    }

    [Fact]
    public async Task ReorderProbabilityOne_ConnectedArrivesAfterRosterButNeverAfterDisconnected()
    {
        Emulator.Faults.ReorderProbability = 1;
        Emulator.Faults.AffectedEventTypes.Add("CallConnected");

        var id = await CreateConnectedCallAsync();
        await Receiver.WaitForAsync(id, "CallConnected");
        await Raw.DeleteAsync($"/calling/callConnections/{id}");
        await AssertEndsWithCallDisconnectedAsync(id);

        Receiver.NamesFor(id).Should().Equal("ParticipantsUpdated", "CallConnected", "CallDisconnected");
    }

    [Fact]
    public async Task CallbackDelay_HoldsEventsBack()
    {
        Emulator.Faults.CallbackDelayProbability = 1;
        Emulator.Faults.CallbackDelay = TimeSpan.FromMilliseconds(300);
        Emulator.Faults.AffectedEventTypes.Add("CallConnected");
        var started = DateTimeOffset.UtcNow;

        var id = await CreateConnectedCallAsync();

        var connected = Emulator.EventLog.Entries.Single(r => r.CallConnectionId == id && r.Name == "CallConnected");
        (connected.Time - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task ReceiverFailsWith503_CallbackRetriedThenDeliveredAndOrderKept()
    {
        Receiver.FailNext("callbacks", 2, 503);

        var id = await CreateConnectedCallAsync();

        var attempts = Emulator.EventLog.Entries.Where(r => r.CallConnectionId == id && r.Name == "CallConnected").ToList();
        attempts.Select(a => (a.Attempt, a.Status, a.Outcome)).Should().Equal(
            (1, 503, DeliveryOutcome.WillRetry), (2, 503, DeliveryOutcome.WillRetry), (3, 200, DeliveryOutcome.Delivered));
        Receiver.NamesFor(id).Should().Equal("CallConnected", "ParticipantsUpdated");
    }

    [Fact]
    public async Task ReceiverUnreachable_GivesUpAfterMaxAttemptsAndMovesOn()
    {
        var dead = new Uri("http://127.0.0.1:9/callbacks");
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(User(AcsUser)),
            ["callbackUri"] = dead.AbsoluteUri,
        });
        var id = response.Body!["callConnectionId"]!.GetValue<string>();

        var gaveUp = await Emulator.WaitForEventAsync(r => r.CallConnectionId == id && r.Name == "CallConnected" && r.Outcome == DeliveryOutcome.GaveUp);
        await Emulator.WaitForEventAsync(r => r.CallConnectionId == id && r.Name == "ParticipantsUpdated" && r.Outcome == DeliveryOutcome.GaveUp);

        gaveUp.Attempt.Should().Be(4);
        gaveUp.Status.Should().BeNull();
        gaveUp.TargetUri.Should().Be(dead);
    }

    [Fact]
    public async Task ReceiverAnswers400_NotRetried()
    {
        Receiver.FailNext("callbacks", 1, 400);

        var id = await CreateConnectedCallAsync();

        Emulator.EventLog.Entries.Where(r => r.CallConnectionId == id && r.Name == "CallConnected")
            .Should().ContainSingle().Which.Outcome.Should().Be(DeliveryOutcome.GaveUp);
    }
}
