using CallFlows.Emulator;
using CallFlows.Emulator.Observability;

namespace CallFlows.Tests.Benchmarks;

/// <summary>The emulator's roster chatter, added for the long-call benchmark.</summary>
public sealed class RepublishParticipantsTests
{
    [Fact]
    public async Task RepublishParticipants_ConnectedCall_SendsSameRosterWithNextSequenceNumber()
    {
        await using var emulator = await AcsEmulator.StartAsync();
        var callback = new Uri("http://127.0.0.1:9/never");
        var call = await emulator.PlaceIncomingCallAsync("+15550001111", "+18005550100");
        var client = new CallFlows.CallAutomation.CallAutomationClient(emulator.ConnectionString);
        var answered = await client.AnswerCallAsync(call.IncomingCallContext, callback);
        string id = answered.Value.CallConnectionProperties.CallConnectionId!;
        await emulator.WaitForCallAsync(id, c => c.State == "connected", TimeSpan.FromSeconds(10));

        int first = emulator.RepublishParticipants(id);
        int second = emulator.RepublishParticipants(id);

        second.Should().Be(first + 1);
        bool IsRoster(DeliveryRecord r, int sequence) =>
            r.CallConnectionId == id && r.Name == "ParticipantsUpdated" && r.Attempt == 1 && r.Data["sequenceNumber"]!.GetValue<int>() == sequence;
        var before = await emulator.EventLog.WaitForAsync(r => IsRoster(r, first - 1), TimeSpan.FromSeconds(30));
        var firstUpdate = await emulator.EventLog.WaitForAsync(r => IsRoster(r, first), TimeSpan.FromSeconds(30));
        var secondUpdate = await emulator.EventLog.WaitForAsync(r => IsRoster(r, second), TimeSpan.FromSeconds(30));
        new[] { firstUpdate, secondUpdate }.Select(u => u.Data["participants"]!.ToJsonString())
            .Should().AllBe(before.Data["participants"]!.ToJsonString(), "the roster itself is unchanged");
    }

    [Fact]
    public async Task RepublishParticipants_UnknownCall_Throws()
    {
        await using var emulator = await AcsEmulator.StartAsync();

        var republish = () => emulator.RepublishParticipants("no-such-call");

        republish.Should().Throw<Exception>().WithMessage("*no-such-call*");
    }
}
