using System.Text.Json.Nodes;
using Azure;
using CallFlows.CallAutomation;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Tests.Emulator;

/// <summary>Drives the emulator with the project's own Call Automation client, operation by operation, and parses the callbacks with its parser.</summary>
public sealed class ClientDrivenTests : EmulatorTestBase
{
    private CallAutomationClient Client => new(Emulator.ConnectionString);

    private static PhoneNumberIdentifier OwnedCallerId => new(OwnedNumber);

    private async Task<T> EventAsync<T>(string callConnectionId)
        where T : CallAutomationEventBase
    {
        var name = typeof(T).Name;
        var received = await Receiver.WaitForAsync(callConnectionId, name);
        var parsed = CallAutomationEventParser.Parse(BinaryData.FromString(new JsonArray(received.CloudEvent.DeepClone()).ToJsonString()));
        return parsed.Should().BeOfType<T>().Subject;
    }

    private async Task<CallConnection> CreateConnectedAsync(CallInvite? invite = null)
    {
        var result = await Client.CreateCallAsync(new CreateCallOptions(invite ?? new CallInvite(new CommunicationUserIdentifier(AcsUser)), Receiver.CallbackUri)
        {
            OperationContext = "client-create",
        });
        await EventAsync<ParticipantsUpdated>(result.Value.CallConnection.CallConnectionId);
        return result.Value.CallConnection;
    }

    [Fact]
    public async Task CreateCall_ThenGetPropertiesAndParticipants_ThenHangUp()
    {
        var result = await Client.CreateCallAsync(new CreateCallOptions(new CallInvite(new PhoneNumberIdentifier(Pstn), OwnedCallerId), Receiver.CallbackUri)
        {
            OperationContext = "client-create",
        });

        result.GetRawResponse().Status.Should().Be(201);
        var connection = result.Value.CallConnection;
        var connected = await EventAsync<CallConnected>(connection.CallConnectionId);
        connected.OperationContext.Should().Be("client-create");
        var roster = await EventAsync<ParticipantsUpdated>(connection.CallConnectionId);
        roster.SequenceNumber.Should().Be(1);
        roster.Participants.Single().Identifier.Should().Be(new PhoneNumberIdentifier(Pstn));

        var properties = await connection.GetCallConnectionPropertiesAsync();
        properties.Value.CallConnectionState.Should().Be(CallConnectionState.Connected);
        properties.Value.SourceCallerIdNumber!.PhoneNumber.Should().Be(OwnedNumber);
        var participants = await connection.GetParticipantsAsync();
        participants.Value.Should().ContainSingle().Which.Identifier!.RawId.Should().Be("4:" + Pstn);
        var participant = await connection.GetParticipantAsync(new PhoneNumberIdentifier(Pstn));
        participant.Value.IsMuted.Should().BeFalse();

        var hangUp = await connection.HangUpAsync(forEveryone: false);
        hangUp.Status.Should().Be(204);
        await EventAsync<CallDisconnected>(connection.CallConnectionId);
        await AssertEndsWithCallDisconnectedAsync(connection.CallConnectionId);

        var gone = async () => await connection.GetCallConnectionPropertiesAsync();
        (await gone.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task CreateGroupCall_TwoTargets_BothJoin()
    {
        var result = await Client.CreateGroupCallAsync(new CreateGroupCallOptions([new CommunicationUserIdentifier(AcsUser), new CommunicationUserIdentifier(AcsUser2)], Receiver.CallbackUri));

        var connection = result.Value.CallConnection;
        await Emulator.WaitForCallAsync(connection.CallConnectionId, c => c.Participants.Count == 2, Wait);
        (await connection.GetParticipantsAsync()).Value.Should().HaveCount(2);
    }

    [Fact]
    public async Task AnswerCall_FromParsedIncomingCall_ConnectsAndTerminates()
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber, new PlaceIncomingCallOptions { SipHeaders = new Dictionary<string, string> { ["User-To-User"] = "42" } });
        var delivery = await Receiver.EventGrid.WaitForAsync(e => e.EventType == "Notification", Wait);
        var incoming = EventGridIncomingCallParser.Parse(BinaryData.FromString(delivery.Events.ToJsonString())).IncomingCall!;
        incoming.From.Should().Be(new PhoneNumberIdentifier(Caller));
        incoming.GetSipHeader("user-to-user").Should().Be("42");

        var answer = await Client.AnswerCallAsync(new AnswerCallOptions(incoming.IncomingCallContext!, Receiver.CallbackUri) { OperationContext = "client-answer" });

        answer.GetRawResponse().Status.Should().Be(200);
        var connection = answer.Value.CallConnection;
        (await EventAsync<CallConnected>(connection.CallConnectionId)).OperationContext.Should().Be("client-answer");
        (await connection.HangUpAsync(forEveryone: true)).Status.Should().Be(204);
        await EventAsync<CallDisconnected>(connection.CallConnectionId);
        Emulator.GetCall(connection.CallConnectionId)!.EndedReason.Should().Be("Terminated");
    }

    [Fact]
    public async Task RejectAndRedirect_Return204()
    {
        var first = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);
        var second = await Emulator.PlaceIncomingCallAsync(Caller, OwnedNumber);

        (await Client.RejectCallAsync(first.IncomingCallContext, CallRejectReason.Busy)).Status.Should().Be(204);
        (await Client.RedirectCallAsync(second.IncomingCallContext, new CallInvite(new CommunicationUserIdentifier(AcsUser2)))).Status.Should().Be(204);

        Emulator.IncomingCalls.Select(c => c.State).Should().Equal(IncomingCallState.Rejected, IncomingCallState.Redirected);
    }

    [Fact]
    public async Task ConnectCall_Room_Connects()
    {
        Emulator.World.CreateRoom("room-7", AcsUser2);

        var result = await Client.ConnectCallAsync(new ConnectCallOptions(new RoomCallLocator("room-7"), Receiver.CallbackUri) { OperationContext = "client-connect" });

        var connected = await EventAsync<CallConnected>(result.Value.CallConnection.CallConnectionId);
        connected.OperationContext.Should().Be("client-connect");
        (await EventAsync<ParticipantsUpdated>(result.Value.CallConnection.CallConnectionId)).Participants.Should().ContainSingle();
    }

    [Fact]
    public async Task ConnectCall_UnknownServerCall_ConnectFailedParsed()
    {
        var result = await Client.ConnectCallAsync(new ServerCallLocator("dW5rbm93bg"), Receiver.CallbackUri);

        var failed = await EventAsync<ConnectFailed>(result.Value.CallConnection.CallConnectionId);
        failed.ResultInformation!.Code.Should().Be(404);
    }

    [Fact]
    public async Task AddParticipant_SucceededAndFailedEventsParsed()
    {
        Emulator.World.Configure(Pstn, IdentityBehavior.IsBusy(TimeSpan.FromMilliseconds(10)));
        var connection = await CreateConnectedAsync();

        var added = await connection.AddParticipantAsync(new AddParticipantOptions(new CallInvite(new CommunicationUserIdentifier(AcsUser2))) { OperationContext = "add-ok" });
        var busy = await connection.AddParticipantAsync(new AddParticipantOptions(new CallInvite(new PhoneNumberIdentifier(Pstn), OwnedCallerId)) { OperationContext = "add-busy" });

        added.GetRawResponse().Status.Should().Be(202);
        added.Value.InvitationId.Should().NotBeNullOrEmpty();
        added.Value.Participant!.Identifier.Should().Be(new CommunicationUserIdentifier(AcsUser2));
        var succeeded = await EventAsync<AddParticipantSucceeded>(connection.CallConnectionId);
        succeeded.OperationContext.Should().Be("add-ok");
        succeeded.Participant.Should().Be(new CommunicationUserIdentifier(AcsUser2));
        var failed = await EventAsync<AddParticipantFailed>(connection.CallConnectionId);
        failed.OperationContext.Should().Be("add-busy");
        failed.ResultInformation!.Code.Should().Be(486);
        failed.ResultInformation.SubCode.Should().Be(560486);
    }

    [Fact]
    public async Task CancelAddParticipant_Parsed()
    {
        Emulator.World.Configure(AcsUser2, IdentityBehavior.NeverAnswers());
        var connection = await CreateConnectedAsync();
        var added = await connection.AddParticipantAsync(new AddParticipantOptions(new CallInvite(new CommunicationUserIdentifier(AcsUser2))) { InvitationTimeoutInSeconds = 60 });

        var cancel = await connection.CancelAddParticipantOperationAsync(new CancelAddParticipantOperationOptions(added.Value.InvitationId!) { OperationContext = "cancel" });

        cancel.GetRawResponse().Status.Should().Be(202);
        cancel.Value.InvitationId.Should().Be(added.Value.InvitationId);
        (await EventAsync<CancelAddParticipantSucceeded>(connection.CallConnectionId)).InvitationId.Should().Be(added.Value.InvitationId);
        (await EventAsync<AddParticipantFailed>(connection.CallConnectionId)).ResultInformation!.Code.Should().Be(487);
    }

    [Fact]
    public async Task RemoveAndMute_Parsed()
    {
        var connection = await CreateConnectedAsync();
        await connection.AddParticipantAsync(new CallInvite(new CommunicationUserIdentifier(AcsUser2)));
        await EventAsync<AddParticipantSucceeded>(connection.CallConnectionId);

        var mute = await connection.MuteParticipantAsync(new MuteParticipantOptions(new CommunicationUserIdentifier(AcsUser)) { OperationContext = "mute" });
        var remove = await connection.RemoveParticipantAsync(new RemoveParticipantOptions(new CommunicationUserIdentifier(AcsUser2)) { OperationContext = "rm" });

        mute.GetRawResponse().Status.Should().Be(200);
        mute.Value.OperationContext.Should().Be("mute");
        remove.GetRawResponse().Status.Should().Be(202);
        (await EventAsync<RemoveParticipantSucceeded>(connection.CallConnectionId)).Participant.Should().Be(new CommunicationUserIdentifier(AcsUser2));
        var final = await Emulator.WaitForCallAsync(connection.CallConnectionId, c => c.Participants.Count == 1, Wait);
        final.Participants.Single().IsMuted.Should().BeTrue();
        (await connection.GetParticipantAsync(new CommunicationUserIdentifier(AcsUser))).Value.IsMuted.Should().BeTrue();
    }

    [Fact]
    public async Task Transfer_AcceptedAndFailed_Parsed()
    {
        Emulator.World.Configure(AcsUser2, IdentityBehavior.Declines(TimeSpan.FromMilliseconds(10)));
        var connection = await CreateConnectedAsync(new CallInvite(new PhoneNumberIdentifier(Pstn), OwnedCallerId));

        await connection.TransferCallToParticipantAsync(new TransferToParticipantOptions(new CommunicationUserIdentifier(AcsUser2)) { OperationContext = "t1" });
        var failed = await EventAsync<CallTransferFailed>(connection.CallConnectionId);
        await Emulator.WaitForCallAsync(connection.CallConnectionId, c => c.State == "connected", Wait);
        var accepted = await connection.TransferCallToParticipantAsync(new TransferToParticipantOptions(new CommunicationUserIdentifier(AcsUser)) { OperationContext = "t2" });

        failed.OperationContext.Should().Be("t1");
        accepted.GetRawResponse().Status.Should().Be(202);
        var ok = await EventAsync<CallTransferAccepted>(connection.CallConnectionId);
        ok.OperationContext.Should().Be("t2");
        await EventAsync<CallDisconnected>(connection.CallConnectionId);
    }

    [Fact]
    public async Task MoveParticipants_Parsed()
    {
        var target = await CreateConnectedAsync();
        var source = await CreateConnectedAsync(new CallInvite(new PhoneNumberIdentifier(Pstn), OwnedCallerId));

        var move = await target.MoveParticipantsAsync(new MoveParticipantsOptions([new PhoneNumberIdentifier(Pstn)], source.CallConnectionId) { OperationContext = "mv" });

        move.GetRawResponse().Status.Should().Be(202);
        var moved = await EventAsync<MoveParticipantSucceeded>(target.CallConnectionId);
        moved.Participant.Should().Be(new PhoneNumberIdentifier(Pstn));
        await EventAsync<CallDisconnected>(source.CallConnectionId);
    }

    [Fact]
    public async Task InvalidRequest_SurfacesAsRequestFailedExceptionWithErrorCode()
    {
        var connection = await CreateConnectedAsync();

        var act = async () => await connection.AddParticipantAsync(new AddParticipantOptions(new CallInvite(new CommunicationUserIdentifier(AcsUser))));

        var failure = (await act.Should().ThrowAsync<RequestFailedException>()).Which;
        failure.Status.Should().Be(400);
        failure.Message.Should().Contain("already in the call");
    }

    [Fact]
    public async Task ClientRetries_InjectedServiceUnavailable_SucceedsWithOneCallCreated()
    {
        Emulator.Faults.FailNextRequests(1, 503, TimeSpan.Zero);

        var result = await Client.CreateCallAsync(new CallInvite(new CommunicationUserIdentifier(AcsUser)), Receiver.CallbackUri);

        result.GetRawResponse().Status.Should().Be(201);
        Emulator.Calls.Should().ContainSingle();
        var requests = Emulator.RequestLog.Entries;
        requests.Select(r => r.Status).Should().Equal(503, 201);
        requests[0].RepeatabilityRequestId.Should().Be(requests[1].RepeatabilityRequestId, "pipeline retries resend the same repeatability id");
    }
}
