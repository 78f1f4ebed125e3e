using System.Text.Json.Nodes;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Tests.Emulator;

public sealed class ParticipantOperationTests : EmulatorTestBase
{
    protected override void Configure(AcsEmulatorOptions options) => options.DefaultInvitationTimeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task AddParticipant_Answers_Returns202ThenSucceededOnOperationCallbackAndRosterOnMainCallback()
    {
        var id = await CreateConnectedCallAsync();
        var operationCallback = Receiver.Url("operation");

        var response = await Raw.PostAsync($"/calling/callConnections/{id}/participants:add", new JsonObject
        {
            ["participantToAdd"] = Phone(Pstn),
            ["sourceCallerIdNumber"] = CallerId(),
            ["operationContext"] = "ctx-add",
            ["operationCallbackUri"] = operationCallback.AbsoluteUri,
            ["invitationTimeoutInSeconds"] = 30,
        });

        response.Status.Should().Be(202, response.Text);
        AssertConforms(response.Body, "AddParticipantResponse");
        response.Body!["operationContext"]!.GetValue<string>().Should().Be("ctx-add");
        response.Body["invitationId"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var succeeded = await Receiver.WaitForAsync(id, "AddParticipantSucceeded");
        succeeded.Path.Should().Be("operation");
        succeeded.Data["operationContext"]!.GetValue<string>().Should().Be("ctx-add");
        succeeded.Data["participant"]!["rawId"]!.GetValue<string>().Should().Be("4:" + Pstn);
        AssertConforms(succeeded.Data, "AddParticipantSucceeded");
        var roster = await Receiver.Callbacks.WaitForAsync(c => c.CallConnectionId == id && c.Name == "ParticipantsUpdated" && c.Data["sequenceNumber"]!.GetValue<int>() == 2, Wait);
        roster.Path.Should().Be("callbacks");
        roster.Data["participants"]!.AsArray().Should().HaveCount(2);
        Emulator.GetCall(id)!.Participants.Select(p => p.RawId).Should().Contain("4:" + Pstn);
    }

    [Theory]
    [InlineData(AnswerMode.Decline, "4:+15557654321", 603, 560603)]
    [InlineData(AnswerMode.Busy, "4:+15557654321", 486, 560486)]
    [InlineData(AnswerMode.NoAnswer, "4:+15557654321", 480, 560480)]
    [InlineData(AnswerMode.NoAnswer, AcsUser2, 487, 10004)]
    [InlineData(AnswerMode.Decline, AcsUser2, 603, 0)]
    public async Task AddParticipant_Refused_AddParticipantFailedWithResultCode(AnswerMode mode, string target, int code, int subCode)
    {
        Emulator.World.Configure(target, new IdentityBehavior { Answer = mode, AnswerDelay = TimeSpan.FromMilliseconds(10) });
        var id = await CreateConnectedCallAsync();

        // No invitationTimeoutInSeconds: the emulator's default invitation timeout (300 ms here) applies to no-answer.
        var response = await Raw.PostAsync($"/calling/callConnections/{id}/participants:add", new JsonObject
        {
            ["participantToAdd"] = target.StartsWith("4:", StringComparison.Ordinal) ? Phone(target[2..]) : User(target),
            ["sourceCallerIdNumber"] = CallerId(),
            ["operationContext"] = "ctx-add",
        });

        response.Status.Should().Be(202, response.Text);
        var failed = await Receiver.WaitForAsync(id, "AddParticipantFailed");
        failed.Data["resultInformation"]!["code"]!.GetValue<int>().Should().Be(code);
        failed.Data["resultInformation"]!["subCode"]!.GetValue<int>().Should().Be(subCode);
        failed.Data["operationContext"]!.GetValue<string>().Should().Be("ctx-add");
        failed.Data["participant"]!["rawId"]!.GetValue<string>().Should().Be(target);
        AssertConforms(failed.Data, "AddParticipantFailed");
        Receiver.NamesFor(id).Should().NotContain("AddParticipantSucceeded");
    }

    [Fact]
    public async Task AddParticipant_InvitationTimeoutAboveSpecMaximum_Returns400NamingField()
    {
        var id = await CreateConnectedCallAsync();

        var response = await Raw.PostAsync($"/calling/callConnections/{id}/participants:add", new JsonObject
        {
            ["participantToAdd"] = User(AcsUser2),
            ["invitationTimeoutInSeconds"] = 500,
        });

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("invitationTimeoutInSeconds");
        response.ErrorMessage.Should().Contain("at most 180");
    }

    [Fact]
    public async Task CancelAddParticipant_PendingInvite_CancelSucceededThenAddFailedWith487()
    {
        Emulator.World.Configure(AcsUser2, IdentityBehavior.NeverAnswers());
        var id = await CreateConnectedCallAsync();
        var add = await Raw.PostAsync($"/calling/callConnections/{id}/participants:add", new JsonObject
        {
            ["participantToAdd"] = User(AcsUser2),
            ["operationContext"] = "ctx-add",
            ["invitationTimeoutInSeconds"] = 60,
        });
        var invitationId = add.Body!["invitationId"]!.GetValue<string>();

        var cancel = await Raw.PostAsync($"/calling/callConnections/{id}/participants:cancelAddParticipant", new JsonObject
        {
            ["invitationId"] = invitationId,
            ["operationContext"] = "ctx-cancel",
        });

        cancel.Status.Should().Be(202, cancel.Text);
        AssertConforms(cancel.Body, "CancelAddParticipantResponse");
        cancel.Body!["invitationId"]!.GetValue<string>().Should().Be(invitationId);
        var succeeded = await Receiver.WaitForAsync(id, "CancelAddParticipantSucceeded");
        var failed = await Receiver.WaitForAsync(id, "AddParticipantFailed");
        succeeded.Data["invitationId"]!.GetValue<string>().Should().Be(invitationId);
        succeeded.Data["operationContext"]!.GetValue<string>().Should().Be("ctx-cancel");
        AssertConforms(succeeded.Data, "CancelAddParticipantSucceeded");
        failed.Data["operationContext"]!.GetValue<string>().Should().Be("ctx-add");
        failed.Data["resultInformation"]!["code"]!.GetValue<int>().Should().Be(487);
        Receiver.NamesFor(id).SkipWhile(n => n != "CancelAddParticipantSucceeded").Should().Equal("CancelAddParticipantSucceeded", "AddParticipantFailed");
    }

    [Fact]
    public async Task CancelAddParticipant_UnknownInvitation_CancelAddParticipantFailed()
    {
        var id = await CreateConnectedCallAsync();

        var cancel = await Raw.PostAsync($"/calling/callConnections/{id}/participants:cancelAddParticipant", new JsonObject
        {
            ["invitationId"] = "no-such-invitation",
            ["operationContext"] = "ctx-cancel",
        });

        cancel.Status.Should().Be(202);
        var failed = await Receiver.WaitForAsync(id, "CancelAddParticipantFailed");
        failed.Data["invitationId"]!.GetValue<string>().Should().Be("no-such-invitation");
        AssertConforms(failed.Data, "CancelAddParticipantFailed");
    }

    [Fact]
    public async Task RemoveParticipant_InCall_SucceededThenRosterWithoutThem()
    {
        var id = await CreateConnectedCallAsync();
        await Raw.PostAsync($"/calling/callConnections/{id}/participants:add", new JsonObject { ["participantToAdd"] = User(AcsUser2) });
        await Receiver.WaitForAsync(id, "AddParticipantSucceeded");

        var remove = await Raw.PostAsync($"/calling/callConnections/{id}/participants:remove", new JsonObject
        {
            ["participantToRemove"] = User(AcsUser2),
            ["operationContext"] = "ctx-rm",
        });

        remove.Status.Should().Be(202, remove.Text);
        AssertConforms(remove.Body, "RemoveParticipantResponse");
        var removed = await Receiver.WaitForAsync(id, "RemoveParticipantSucceeded");
        removed.Data["operationContext"]!.GetValue<string>().Should().Be("ctx-rm");
        AssertConforms(removed.Data, "RemoveParticipantSucceeded");
        var roster = await Receiver.Callbacks.WaitForAsync(c => c.CallConnectionId == id && c.Name == "ParticipantsUpdated" && c.Data["sequenceNumber"]!.GetValue<int>() == 3, Wait);
        roster.Data["participants"]!.AsArray().Select(p => p!["identifier"]!["rawId"]!.GetValue<string>()).Should().Equal(AcsUser);
    }

    [Fact]
    public async Task RemoveParticipant_NotInCall_RemoveParticipantFailed()
    {
        var id = await CreateConnectedCallAsync();

        var remove = await Raw.PostAsync($"/calling/callConnections/{id}/participants:remove", new JsonObject { ["participantToRemove"] = User(AcsUser2) });

        remove.Status.Should().Be(202);
        var failed = await Receiver.WaitForAsync(id, "RemoveParticipantFailed");
        AssertConforms(failed.Data, "RemoveParticipantFailed");
    }

    [Fact]
    public async Task RemoveParticipant_LastOtherPersonOfOneToOne_CallEnds()
    {
        var id = await CreateConnectedCallAsync();

        await Raw.PostAsync($"/calling/callConnections/{id}/participants:remove", new JsonObject { ["participantToRemove"] = User(AcsUser) });

        await Receiver.WaitForAsync(id, "RemoveParticipantSucceeded");
        await AssertEndsWithCallDisconnectedAsync(id);
    }

    [Fact]
    public async Task Mute_AcsUser_Returns200AndRosterShowsMuted()
    {
        var id = await CreateConnectedCallAsync();

        var mute = await Raw.PostAsync($"/calling/callConnections/{id}/participants:mute", new JsonObject
        {
            ["targetParticipants"] = new JsonArray(User(AcsUser)),
            ["operationContext"] = "ctx-mute",
        });

        mute.Status.Should().Be(200, mute.Text);
        AssertConforms(mute.Body, "MuteParticipantsResult");
        mute.Body!["operationContext"]!.GetValue<string>().Should().Be("ctx-mute");
        var roster = await Receiver.Callbacks.WaitForAsync(c => c.CallConnectionId == id && c.Name == "ParticipantsUpdated" && c.Data["sequenceNumber"]!.GetValue<int>() == 2, Wait);
        roster.Data["participants"]![0]!["isMuted"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Mute_PhoneNumber_Returns400NamingTheTarget()
    {
        var id = await CreateConnectedCallAsync(Phone(Pstn));

        var mute = await Raw.PostAsync($"/calling/callConnections/{id}/participants:mute", new JsonObject { ["targetParticipants"] = new JsonArray(Phone(Pstn)) });

        mute.Status.Should().Be(400);
        mute.ErrorTarget.Should().Be("targetParticipants[0]");
    }

    [Fact]
    public async Task Transfer_TargetAnswers_Returns202ThenTransferAcceptedThenCallDisconnected()
    {
        var id = await CreateConnectedCallAsync(Phone(Pstn));

        var transfer = await Raw.PostAsync($"/calling/callConnections/{id}:transferToParticipant", new JsonObject
        {
            ["targetParticipant"] = User(AcsUser2),
            ["operationContext"] = "ctx-t",
            ["operationCallbackUri"] = Receiver.Url("transfer").AbsoluteUri,
            ["customCallingContext"] = new JsonObject { ["voipHeaders"] = new JsonObject(), ["sipHeaders"] = new JsonObject() },
        });

        transfer.Status.Should().Be(202, transfer.Text);
        AssertConforms(transfer.Body, "TransferCallResponse");
        var accepted = await Receiver.WaitForAsync(id, "CallTransferAccepted");
        accepted.Path.Should().Be("transfer");
        accepted.Data["operationContext"]!.GetValue<string>().Should().Be("ctx-t");
        accepted.Data["transferTarget"]!["rawId"]!.GetValue<string>().Should().Be(AcsUser2);
        accepted.Data["transferee"]!["rawId"]!.GetValue<string>().Should().Be("4:" + Pstn);
        AssertConforms(accepted.Data, "CallTransferAccepted");
        await AssertEndsWithCallDisconnectedAsync(id);
        Emulator.GetCall(id)!.EndedReason.Should().Be("Transferred");
    }

    [Fact]
    public async Task Transfer_TargetDeclines_TransferFailedAndCallStaysConnected()
    {
        Emulator.World.Configure(AcsUser2, IdentityBehavior.Declines(TimeSpan.FromMilliseconds(10)));
        var id = await CreateConnectedCallAsync(Phone(Pstn));

        var transfer = await Raw.PostAsync($"/calling/callConnections/{id}:transferToParticipant", new JsonObject
        {
            ["targetParticipant"] = User(AcsUser2),
            ["operationContext"] = "ctx-t",
        });

        transfer.Status.Should().Be(202);
        var failed = await Receiver.WaitForAsync(id, "CallTransferFailed");
        failed.Data["resultInformation"]!["code"]!.GetValue<int>().Should().Be(603);
        AssertConforms(failed.Data, "CallTransferFailed");
        var call = await Emulator.WaitForCallAsync(id, c => c.State == "connected", Wait);
        call.Participants.Should().ContainSingle();
        (await Raw.GetAsync($"/calling/callConnections/{id}")).Body!["callConnectionState"]!.GetValue<string>().Should().Be("connected");
    }

    [Fact]
    public async Task HangUp_WithPendingInvitation_AddParticipantFailedBeforeCallDisconnected()
    {
        Emulator.World.Configure(AcsUser2, IdentityBehavior.NeverAnswers());
        var id = await CreateConnectedCallAsync();
        await Raw.PostAsync($"/calling/callConnections/{id}/participants:add", new JsonObject
        {
            ["participantToAdd"] = User(AcsUser2),
            ["invitationTimeoutInSeconds"] = 60,
        });

        await Raw.DeleteAsync($"/calling/callConnections/{id}");

        await AssertEndsWithCallDisconnectedAsync(id);
        Receiver.NamesFor(id).TakeLast(2).Should().Equal("AddParticipantFailed", "CallDisconnected");
    }

    [Fact]
    public async Task MoveParticipants_FromOtherCall_MoveSucceededAndBothRostersUpdate()
    {
        var target = await CreateConnectedCallAsync(User(AcsUser));
        var source = await CreateConnectedCallAsync(Phone(Pstn));
        Emulator.World.Configure(AcsUser2, IdentityBehavior.Answers(TimeSpan.FromMilliseconds(5)));
        await Raw.PostAsync($"/calling/callConnections/{source}/participants:add", new JsonObject { ["participantToAdd"] = User(AcsUser2) });
        await Receiver.WaitForAsync(source, "AddParticipantSucceeded");

        var move = await Raw.PostAsync($"/calling/callConnections/{target}/participants:moveHere", new JsonObject
        {
            ["targetParticipants"] = new JsonArray(User(AcsUser2)),
            ["fromCall"] = source,
            ["operationContext"] = "ctx-move",
        });

        move.Status.Should().Be(202, move.Text);
        AssertConforms(move.Body, "MoveParticipantsResponse");
        var moved = await Receiver.WaitForAsync(target, "MoveParticipantSucceeded");
        moved.Data["fromCall"]!.GetValue<string>().Should().Be(source);
        AssertConforms(moved.Data, "MoveParticipantSucceeded");
        (await Emulator.WaitForCallAsync(target, c => c.Participants.Count == 2, Wait)).Participants.Select(p => p.RawId).Should().Contain(AcsUser2);
        Emulator.GetCall(source)!.Participants.Select(p => p.RawId).Should().Equal("4:" + Pstn);
    }

    [Fact]
    public async Task Connect_AutoCreatedRoomAndExistingServerCall_ConnectWithRoster()
    {
        var serverCallId = Emulator.World.CreateServerCall(Pstn, AcsUser2);

        var room = await Raw.PostAsync("/calling/callConnections:connect", new JsonObject
        {
            ["callLocator"] = new JsonObject { ["kind"] = "roomCallLocator", ["roomId"] = "room-1" },
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
            ["operationContext"] = "ctx-room",
        });
        var server = await Raw.PostAsync("/calling/callConnections:connect", new JsonObject
        {
            ["callLocator"] = new JsonObject { ["kind"] = "serverCallLocator", ["serverCallId"] = serverCallId },
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });

        room.Status.Should().Be(200, room.Text);
        AssertConforms(room.Body, "CallConnectionProperties");
        var roomConnected = await Receiver.WaitForAsync(room.Body!["callConnectionId"]!.GetValue<string>(), "CallConnected");
        roomConnected.Data["operationContext"]!.GetValue<string>().Should().Be("ctx-room");
        server.Status.Should().Be(200);
        server.Body!["serverCallId"]!.GetValue<string>().Should().Be(serverCallId);
        var roster = await Receiver.WaitForAsync(server.Body["callConnectionId"]!.GetValue<string>(), "ParticipantsUpdated");
        roster.Data["participants"]!.AsArray().Should().HaveCount(2);

        // Hanging up a connection to a multi-party call leaves the call running for the others.
        await Raw.DeleteAsync($"/calling/callConnections/{server.Body["callConnectionId"]!.GetValue<string>()}");
        await AssertEndsWithCallDisconnectedAsync(server.Body["callConnectionId"]!.GetValue<string>());
        var again = await Raw.PostAsync("/calling/callConnections:connect", new JsonObject
        {
            ["callLocator"] = new JsonObject { ["kind"] = "serverCallLocator", ["serverCallId"] = serverCallId },
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });
        await Receiver.WaitForAsync(again.Body!["callConnectionId"]!.GetValue<string>(), "CallConnected");
    }

    [Fact]
    public async Task Connect_UnknownServerCall_ConnectFailedThenCallDisconnected()
    {
        var response = await Raw.PostAsync("/calling/callConnections:connect", new JsonObject
        {
            ["callLocator"] = new JsonObject { ["kind"] = "serverCallLocator", ["serverCallId"] = "bm8tc3VjaC1jYWxs" },
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
            ["operationContext"] = "ctx-connect",
        });

        response.Status.Should().Be(200);
        var id = response.Body!["callConnectionId"]!.GetValue<string>();
        var failed = await Receiver.WaitForAsync(id, "ConnectFailed");
        failed.Data["operationContext"]!.GetValue<string>().Should().Be("ctx-connect");
        AssertConforms(failed.Data, "ConnectFailed");
        await AssertEndsWithCallDisconnectedAsync(id);
    }
}
