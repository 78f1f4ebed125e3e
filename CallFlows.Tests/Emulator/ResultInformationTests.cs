using System.Text.Json.Nodes;

namespace CallFlows.Tests.Emulator;

/// <summary>
/// <c>resultInformation</c> as recorded real sessions show it (PROTOCOL.md §7.4 correction) and hang-up semantics (§6.9):
/// the app leaving a group call leaves it running.
/// </summary>
public sealed class ResultInformationTests : EmulatorTestBase
{
    private static (int Code, int SubCode) Result(JsonObject data) =>
        (data["resultInformation"]!["code"]!.GetValue<int>(), data["resultInformation"]!["subCode"]!.GetValue<int>());

    [Fact]
    public async Task HangUp_OneToOne_CallDisconnected200Over0()
    {
        var id = await AnswerIncomingCallAsync();

        (await Raw.DeleteAsync($"/calling/callConnections/{id}")).Status.Should().Be(204);

        var disconnected = await AssertEndsWithCallDisconnectedAsync(id);
        Result(disconnected.Data).Should().Be((200, 0));
        disconnected.Data["resultInformation"]!["message"]!.GetValue<string>().Should().BeEmpty();
    }

    [Fact]
    public async Task Terminate_CallDisconnected200Over7000()
    {
        var id = await AnswerIncomingCallAsync();

        (await Raw.PostAsync($"/calling/callConnections/{id}:terminate", null)).Status.Should().Be(204);

        var disconnected = await AssertEndsWithCallDisconnectedAsync(id);
        Result(disconnected.Data).Should().Be((200, 7000));
        disconnected.Data["resultInformation"]!["message"]!.GetValue<string>().Should().Contain("DiagCode: 0#7000");
    }

    [Fact]
    public async Task CancelAddParticipant_Succeeded487Over5234()
    {
        Emulator.World.Configure(Pstn, CallFlows.Emulator.Simulation.IdentityBehavior.NeverAnswers());
        var id = await AnswerIncomingCallAsync();
        var added = await Raw.PostAsync($"/calling/callConnections/{id}/participants:add", new JsonObject
        {
            ["participantToAdd"] = Phone(Pstn),
            ["sourceCallerIdNumber"] = CallerId(),
        });

        await Raw.PostAsync($"/calling/callConnections/{id}/participants:cancelAddParticipant",
            new JsonObject { ["invitationId"] = added.Body!["invitationId"]!.GetValue<string>() });

        Result((await Receiver.WaitForAsync(id, "CancelAddParticipantSucceeded")).Data).Should().Be((487, 5234));
    }

    [Fact]
    public async Task HangUp_GroupCallTheAppCreated_CallGoesOnWithoutTheApp()
    {
        var created = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(User(AcsUser), User(AcsUser2)),
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });
        var id = created.Body!["callConnectionId"]!.GetValue<string>();
        var serverCallId = created.Body!["serverCallId"]!.GetValue<string>();
        await Emulator.WaitForCallAsync(id, c => c.Participants.Count == 2, Wait);

        (await Raw.DeleteAsync($"/calling/callConnections/{id}")).Status.Should().Be(204);
        Result((await AssertEndsWithCallDisconnectedAsync(id)).Data).Should().Be((200, 0));

        // The two users are still talking: the app can join their call again and finds both.
        var rejoined = await Raw.PostAsync("/calling/callConnections:connect", new JsonObject
        {
            ["callLocator"] = new JsonObject { ["serverCallId"] = serverCallId, ["kind"] = "serverCallLocator" },
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });
        rejoined.Status.Should().Be(200, rejoined.Text);
        var rejoinedId = rejoined.Body!["callConnectionId"]!.GetValue<string>();
        await Receiver.WaitForAsync(rejoinedId, "CallConnected");
        Emulator.GetCall(rejoinedId)!.Participants.Select(p => p.RawId).Should().BeEquivalentTo([AcsUser, AcsUser2]);
    }
}
