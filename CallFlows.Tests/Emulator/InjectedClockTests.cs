using System.Text.Json.Nodes;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace CallFlows.Tests.Emulator;

/// <summary>Timeouts driven by an injected <see cref="FakeTimeProvider"/>: no test waits for 30 seconds of ringing.</summary>
public sealed class InjectedClockTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override void Configure(AcsEmulatorOptions options)
    {
        options.TimeProvider = _clock;
        options.DefaultBehavior = IdentityBehavior.Answers(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task IncomingCall_NobodyAnswers_StopsRingingAtDefaultThirtySecondsAndAnswerGets404()
    {
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        _clock.Advance(TimeSpan.FromSeconds(29));
        Emulator.IncomingCalls.Single().State.Should().Be(IncomingCallState.Ringing);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Emulator.IncomingCalls.Single().State.Should().Be(IncomingCallState.NotAnswered);
        var response = await Raw.PostAsync("/calling/callConnections:answer", new JsonObject
        {
            ["incomingCallContext"] = placed.IncomingCallContext,
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });
        response.Status.Should().Be(404);
    }

    [Fact]
    public async Task AddParticipant_NoAnswerWithoutTimeout_FailsAtDefaultInvitationTimeout()
    {
        Emulator.World.Configure(Pstn, IdentityBehavior.NeverAnswers());
        var create = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(User(AcsUser)),
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });
        var id = create.Body!["callConnectionId"]!.GetValue<string>();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Receiver.WaitForAsync(id, "ParticipantsUpdated");

        await Raw.PostAsync($"/calling/callConnections/{id}/participants:add", new JsonObject
        {
            ["participantToAdd"] = Phone(Pstn),
            ["sourceCallerIdNumber"] = CallerId(),
        });
        _clock.Advance(TimeSpan.FromSeconds(29));
        Emulator.EventLog.Entries.Should().NotContain(e => e.Name == "AddParticipantFailed");
        _clock.Advance(TimeSpan.FromSeconds(1));

        var failed = await Receiver.WaitForAsync(id, "AddParticipantFailed");
        failed.Data["resultInformation"]!["code"]!.GetValue<int>().Should().Be(480);
        failed.Data["resultInformation"]!["subCode"]!.GetValue<int>().Should().Be(560480);
    }

    [Fact]
    public async Task AnswerCall_CallerHangsUpBeforeConnect_AnswerFailedThenCallDisconnected()
    {
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);
        var response = await Raw.PostAsync("/calling/callConnections:answer", new JsonObject
        {
            ["incomingCallContext"] = placed.IncomingCallContext,
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
            ["operationContext"] = "ctx",
        });
        response.Status.Should().Be(200);
        var id = response.Body!["callConnectionId"]!.GetValue<string>();

        // The connect step waits on the injected clock, so the caller reliably hangs up in between.
        Emulator.HangUpParticipant(id, Caller);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var failed = await Receiver.WaitForAsync(id, "AnswerFailed");
        failed.Data["operationContext"]!.GetValue<string>().Should().Be("ctx");
        failed.Data["resultInformation"]!["code"]!.GetValue<int>().Should().Be(487);
        await AssertEndsWithCallDisconnectedAsync(id);
        Receiver.NamesFor(id).Should().Equal("AnswerFailed", "CallDisconnected");
    }

    [Fact]
    public async Task SignedDate_JudgedAgainstInjectedClock()
    {
        _clock.Advance(TimeSpan.FromMinutes(20));

        var stale = await Raw.GetAsync("/calling/callConnections/x");
        Raw.Signer.DateOverride = _clock.GetUtcNow();
        var fresh = await Raw.GetAsync("/calling/callConnections/x");

        stale.Status.Should().Be(401);
        fresh.Status.Should().Be(404);
    }
}
