using System.Text.Json.Nodes;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Tests.Emulator;

public sealed class AnswerRaceTests : EmulatorTestBase
{
    protected override void Configure(AcsEmulatorOptions options) => options.ConnectDelay = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task AnswerCall_CallerHangsUpBeforeConnect_AnswerFailedThenCallDisconnected()
    {
        Emulator.World.Configure(Caller, new IdentityBehavior { AbandonAfter = TimeSpan.FromMilliseconds(150) });
        var placed = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        var response = await Raw.PostAsync("/calling/callConnections:answer", new JsonObject
        {
            ["incomingCallContext"] = placed.IncomingCallContext,
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
            ["operationContext"] = "ctx",
        });

        response.Status.Should().Be(200);
        var id = response.Body!["callConnectionId"]!.GetValue<string>();
        var failed = await Receiver.WaitForAsync(id, "AnswerFailed");
        AssertConforms(failed.Data, "AnswerFailed");
        failed.Data["operationContext"]!.GetValue<string>().Should().Be("ctx");
        await AssertEndsWithCallDisconnectedAsync(id);
        Receiver.NamesFor(id).Should().Equal("AnswerFailed", "CallDisconnected");
    }
}
