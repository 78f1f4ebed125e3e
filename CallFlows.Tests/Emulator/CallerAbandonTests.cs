using System.Text.Json.Nodes;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Tests.Emulator;

public sealed class CallerAbandonTests : EmulatorTestBase
{
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
