using CallFlows.CallAutomation;
using CallFlows.Tests.Resilience;
using Microsoft.Extensions.Logging;

namespace CallFlows.Tests.Emulator;

/// <summary>
/// The hold and unhold activities against the emulator. Neither request has repeatability headers in the spec, so an
/// activity the engine runs again after a crash (its request sent, its completion not yet checkpointed) must not send
/// a second request that restarts the hold music: the participant's state tells whether the first run got through.
/// </summary>
public sealed class HoldActionTests : EmulatorTestBase
{
    [Fact]
    public async Task HoldAndUnhold_EachRunTwiceAsAfterACrash_EachRequestReachesAcsOnce()
    {
        var logs = new LogCapture();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var client = new CallAutomationClient(Emulator.ConnectionString);
        var incoming = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);
        var answered = await client.AnswerCallAsync(new AnswerCallOptions(incoming.IncomingCallContext, Receiver.CallbackUri));
        string connection = answered.Value.CallConnection.CallConnectionId;
        await Receiver.WaitForAsync(connection, "ParticipantsUpdated");
        var actions = new ParticipantMediaActions(client, factory.CreateLogger<ParticipantMediaActions>());
        ParticipantMediaInput Input(int sequence, string name) =>
            new(CallActionIdentity.Create("hold-test", sequence, name, new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc)), connection, "4:" + Caller,
                Music: name == CallActionNames.Hold ? Prompt.File(new Uri("https://media.contoso.example/hold-music.wav")) : null);

        CallActionOutput[] outputs =
        [
            await actions.HoldAsync(Input(1, CallActionNames.Hold)),
            await actions.HoldAsync(Input(1, CallActionNames.Hold)),
            await actions.UnholdAsync(Input(2, CallActionNames.Unhold)),
            await actions.UnholdAsync(Input(2, CallActionNames.Unhold)),
        ];

        outputs.Should().OnlyContain(o => o.Failure == null, "a state already reached is the action's goal");
        Emulator.RequestLog.Entries.Where(r => r.Method == "POST" && r.Operation is "CallMedia_Hold" or "CallMedia_Unhold")
            .Select(r => r.Operation).Should().Equal("CallMedia_Hold", "CallMedia_Unhold");
        Emulator.GetCall(connection)!.Participants.Single(p => p.RawId == "4:" + Caller).IsOnHold.Should().BeFalse();
        logs.Lines.Where(l => l.Message.Contains("sent nothing", StringComparison.Ordinal)).Should().HaveCount(2)
            .And.Contain(l => l.Message.Contains("already on hold", StringComparison.Ordinal))
            .And.Contain(l => l.Message.Contains("already off hold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hold_SomeoneNotInTheCall_FailsWithAcsOwnAnswerNotAsACallThatIsGone()
    {
        var client = new CallAutomationClient(Emulator.ConnectionString);
        var incoming = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);
        var answered = await client.AnswerCallAsync(new AnswerCallOptions(incoming.IncomingCallContext, Receiver.CallbackUri));
        string connection = answered.Value.CallConnection.CallConnectionId;
        await Receiver.WaitForAsync(connection, "ParticipantsUpdated");
        var actions = new ParticipantMediaActions(client, Microsoft.Extensions.Logging.Abstractions.NullLogger<ParticipantMediaActions>.Instance);

        CallActionOutput output = await actions.HoldAsync(new ParticipantMediaInput(
            CallActionIdentity.Create("hold-test", 1, CallActionNames.Hold, new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc)), connection, "4:+15559990000"));

        // The state check's 404 (no such participant) must not read as "the call is gone": the hold request answers.
        output.Failure.Should().NotBeNull();
        output.Failure!.HttpStatus.Should().Be(400);
        Emulator.RequestLog.Entries.Should().ContainSingle(r => r.Operation == "CallMedia_Hold");
    }
}
