using System.Text.Json.Nodes;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Tests.Emulator;

public sealed class AnswerRaceTests : EmulatorTestBase
{
    protected override void Configure(AcsEmulatorOptions options) => options.ConnectDelay = TimeSpan.FromSeconds(1);

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

        Emulator.HangUpParticipant(id, Caller);

        var failed = await Receiver.WaitForAsync(id, "AnswerFailed");
        AssertConforms(failed.Data, "AnswerFailed");
        failed.Data["operationContext"]!.GetValue<string>().Should().Be("ctx");
        await AssertEndsWithCallDisconnectedAsync(id);
        Receiver.NamesFor(id).Should().Equal("AnswerFailed", "CallDisconnected");
    }

    [Fact]
    public async Task PlaceIncomingCall_CallerAbandonsWhileRinging_StateAbandonedAndAnswerGets404()
    {
        Emulator.World.Configure(Caller, new IdentityBehavior { AbandonAfter = TimeSpan.FromMilliseconds(100) });
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        var abandoned = await Emulator.WaitForIncomingCallAsync(placed.EventId, c => c.State != IncomingCallState.Ringing, Wait);

        abandoned.State.Should().Be(IncomingCallState.Abandoned);
        var response = await Raw.PostAsync("/calling/callConnections:answer", new JsonObject
        {
            ["incomingCallContext"] = placed.IncomingCallContext,
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });
        response.Status.Should().Be(404);
    }
}
