using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation;

/// <summary>Mid-call control operations: hang up, terminate, transfer, and the participant operations.</summary>
internal sealed partial class CallEngine
{
    private (int, JsonNode?) HangUp(SimConnection connection)
    {
        var call = connection.Call;
        if (call.EndsWhenEmpty && !call.IsGroup && call.Participants.Count <= 1 && call.Connections.Count(c => c.IsLive) <= 1)
        {
            // The app's leg of a 1:1 call leaving ends the call for the other side too; a group call goes on without the app (PROTOCOL.md §6.9).
            EndCall(call, "HungUpByApp", ResultInfo.EndedByApp);
        }
        else
        {
            Disconnect(connection, "HungUpByApp", ResultInfo.EndedByApp);
        }

        return (204, null);
    }

    private (int, JsonNode?) Terminate(SimConnection connection)
    {
        EndCall(connection.Call, "Terminated", ResultInfo.Terminated);
        return (204, null);
    }

    private JsonObject Transfer(SimConnection connection, JsonObject body)
    {
        RequireConnected(connection);
        if (connection.Transfer is not null)
        {
            throw ApiException.BadRequest("A transfer of this call is already in progress.");
        }

        var target = RawId(body["targetParticipant"], "targetParticipant");
        string transferee;
        if (body["transferee"] is JsonObject)
        {
            transferee = RawId(body["transferee"], "transferee");
            if (connection.Call.Find(transferee) is null)
            {
                throw ApiException.BadRequest($"transferee: '{transferee}' is not a participant of the call.", "transferee");
            }
        }
        else if (connection.Call.Participants.Count == 1)
        {
            transferee = connection.Call.Participants[0].RawId;
        }
        else
        {
            throw ApiException.BadRequest("transferee: required when the call does not have exactly one other participant.", "transferee");
        }

        if (WireIdentifier.IsPhone(target))
        {
            CallerId(body, required: false, "targetParticipant");
        }

        var operationContext = Text(body["operationContext"]);
        var transfer = new SimTransfer(target, transferee, operationContext, OperationCallbackUri(connection, body));
        connection.Transfer = transfer;
        connection.State = "transferring";
        transfer.Timer = Ring(target, _options.RingTimeout,
            answered: () =>
            {
                if (connection.Transfer != transfer || !connection.IsLive)
                {
                    return;
                }

                connection.Transfer = null;
                connection.State = "transferAccepted";
                Emit(connection, "CallTransferAccepted", transfer.OperationContext, ResultInfo.Success, transfer.CallbackUri, new JsonObject
                {
                    ["transferTarget"] = WireIdentifier.ToModel(target),
                    ["transferee"] = WireIdentifier.ToModel(transferee),
                });
                var call = connection.Call;
                var joined = new SimParticipant(target);
                call.Participants.Add(joined);
                ScheduleHangUp(call, joined);
                Disconnect(connection, "Transferred", ResultInfo.Transferred);
            },
            failed: result =>
            {
                if (connection.Transfer != transfer || !connection.IsLive)
                {
                    return;
                }

                connection.Transfer = null;
                connection.State = "connected";
                Emit(connection, "CallTransferFailed", transfer.OperationContext, result, transfer.CallbackUri);
            });
        connection.Timers.Add(transfer.Timer);
        return new JsonObject { ["operationContext"] = operationContext };
    }

    private JsonObject AddParticipant(SimConnection connection, JsonObject body)
    {
        RequireConnected(connection);
        var rawId = RawId(body["participantToAdd"], "participantToAdd");
        if (connection.Call.Find(rawId) is not null)
        {
            throw ApiException.BadRequest($"participantToAdd: '{rawId}' is already in the call.", "participantToAdd");
        }

        if (connection.Invitations.Values.Any(i => !i.Done && i.RawId == rawId))
        {
            throw ApiException.BadRequest($"participantToAdd: '{rawId}' is already being invited.", "participantToAdd");
        }

        CallerId(body, WireIdentifier.IsPhone(rawId), "participantToAdd");
        var timeout = body["invitationTimeoutInSeconds"] is JsonValue seconds
            ? TimeSpan.FromSeconds(seconds.GetValue<int>())
            : _options.DefaultInvitationTimeout;
        var operationContext = Text(body["operationContext"]);
        var invitation = new SimInvitation(Guid.NewGuid().ToString(), rawId, operationContext, OperationCallbackUri(connection, body));
        connection.Invitations[invitation.Id] = invitation;
        invitation.Timer = Ring(rawId, timeout,
            answered: () =>
            {
                if (invitation.Done || !connection.IsLive)
                {
                    return;
                }

                invitation.Done = true;
                var participant = new SimParticipant(rawId);
                connection.Call.Participants.Add(participant);
                Emit(connection, "AddParticipantSucceeded", operationContext, ResultInfo.Success, invitation.CallbackUri,
                    new JsonObject { ["participant"] = WireIdentifier.ToModel(rawId) });
                ParticipantsUpdated(connection.Call);
                ScheduleHangUp(connection.Call, participant);
            },
            failed: result => FailInvitation(connection, invitation, result));
        connection.Timers.Add(invitation.Timer);
        return new JsonObject
        {
            ["participant"] = new JsonObject { ["identifier"] = WireIdentifier.ToModel(rawId), ["isMuted"] = false, ["isOnHold"] = false },
            ["operationContext"] = operationContext,
            ["invitationId"] = invitation.Id,
        };
    }

    private JsonObject CancelAddParticipant(SimConnection connection, JsonObject body)
    {
        var invitationId = Text(body["invitationId"])!;
        var operationContext = Text(body["operationContext"]);
        var callbackUri = OperationCallbackUri(connection, body);
        if (connection.Invitations.TryGetValue(invitationId, out var invitation) && !invitation.Done)
        {
            invitation.Timer?.Dispose();
            Emit(connection, "CancelAddParticipantSucceeded", operationContext, ResultInfo.CancelAddParticipantSucceeded, callbackUri,
                new JsonObject { ["invitationId"] = invitationId });
            // Documented choice: the cancelled invitation then ends with AddParticipantFailed (487) for the add operation.
            FailInvitation(connection, invitation, ResultInfo.InvitationCancelled);
        }
        else
        {
            var message = invitation is null
                ? $"Invitation '{invitationId}' does not exist in this call."
                : $"Invitation '{invitationId}' has already completed.";
            Emit(connection, "CancelAddParticipantFailed", operationContext, ResultInfo.NotFound(message) with { Code = 400, SubCode = 8523 }, callbackUri,
                new JsonObject { ["invitationId"] = invitationId });
        }

        return new JsonObject { ["invitationId"] = invitationId, ["operationContext"] = operationContext };
    }

    private JsonObject RemoveParticipant(SimConnection connection, JsonObject body)
    {
        RequireConnected(connection);
        var rawId = RawId(body["participantToRemove"], "participantToRemove");
        var operationContext = Text(body["operationContext"]);
        var callbackUri = OperationCallbackUri(connection, body);
        var participant = connection.Call.Find(rawId);
        var participantJson = new JsonObject { ["participant"] = WireIdentifier.ToModel(rawId) };
        if (participant is null)
        {
            Emit(connection, "RemoveParticipantFailed", operationContext, ResultInfo.NotFound($"'{rawId}' is not a participant of the call.") with { Code = 400, SubCode = 8522 },
                callbackUri, participantJson);
        }
        else
        {
            participant.HangUpTimer?.Dispose();
            connection.Call.Participants.Remove(participant);
            Emit(connection, "RemoveParticipantSucceeded", operationContext, ResultInfo.Success, callbackUri, participantJson);
            AfterParticipantLeft(connection.Call, new ResultInfo(0, 5000, "The last participant was removed from the call."));
        }

        return new JsonObject { ["operationContext"] = operationContext };
    }

    private JsonObject Mute(SimConnection connection, JsonObject body)
    {
        RequireConnected(connection);
        var targets = body["targetParticipants"]!.AsArray();
        if (targets.Count == 0)
        {
            throw ApiException.BadRequest("targetParticipants: at least one participant is required.", "targetParticipants");
        }

        var participants = new List<SimParticipant>();
        for (var i = 0; i < targets.Count; i++)
        {
            var rawId = RawId(targets[i], $"targetParticipants[{i}]");
            if (WireIdentifier.KindOf(rawId) != "communicationUser")
            {
                throw ApiException.BadRequest($"targetParticipants[{i}]: only ACS users (communicationUser) can be muted; '{rawId}' is not one.", $"targetParticipants[{i}]");
            }

            participants.Add(connection.Call.Find(rawId)
                ?? throw ApiException.BadRequest($"targetParticipants[{i}]: '{rawId}' is not a participant of the call.", $"targetParticipants[{i}]"));
        }

        if (participants.Any(p => !p.IsMuted))
        {
            participants.ForEach(p => p.IsMuted = true);
            ParticipantsUpdated(connection.Call);
        }

        return new JsonObject { ["operationContext"] = Text(body["operationContext"]) };
    }

    private JsonObject MoveParticipants(SimConnection connection, JsonObject body)
    {
        RequireConnected(connection);
        var fromCallId = Text(body["fromCall"])!;
        if (fromCallId == connection.Id)
        {
            throw ApiException.BadRequest("fromCall: must be another call connection than the target call.", "fromCall");
        }

        var from = _connections.TryGetValue(fromCallId, out var source) && source.IsLive
            ? source
            : throw new ApiException(404, "CallNotFound", $"fromCall: call connection '{fromCallId}' was not found or has ended.", "fromCall");
        var targets = body["targetParticipants"]!.AsArray();
        var rawIds = new List<string>();
        for (var i = 0; i < targets.Count; i++)
        {
            rawIds.Add(RawId(targets[i], $"targetParticipants[{i}]"));
        }

        var operationContext = Text(body["operationContext"]);
        var callbackUri = OperationCallbackUri(connection, body);
        connection.Timers.Add(Schedule(_options.ConnectDelay, () =>
        {
            foreach (var rawId in rawIds)
            {
                if (!connection.IsLive)
                {
                    return;
                }

                var extra = new JsonObject { ["participant"] = WireIdentifier.ToModel(rawId), ["fromCall"] = fromCallId };
                var participant = from.Call.Ended ? null : from.Call.Find(rawId);
                if (participant is null)
                {
                    Emit(connection, "MoveParticipantFailed", operationContext, ResultInfo.NotFound($"'{rawId}' is not in call '{fromCallId}'.") with { Code = 400 }, callbackUri, extra);
                    continue;
                }

                from.Call.Participants.Remove(participant);
                participant.HangUpTimer?.Dispose();
                AfterParticipantLeft(from.Call, ResultInfo.RemoteHungUp(rawId));
                var moved = new SimParticipant(rawId) { IsMuted = participant.IsMuted };
                connection.Call.Participants.Add(moved);
                Emit(connection, "MoveParticipantSucceeded", operationContext, ResultInfo.Success, callbackUri, extra);
                ParticipantsUpdated(connection.Call);
            }
        }));
        return new JsonObject
        {
            ["participants"] = ParticipantsJson(connection.Call),
            ["operationContext"] = operationContext,
            ["fromCall"] = fromCallId,
        };
    }

    private static JsonObject GetParticipant(SimConnection connection, string rawId)
    {
        var participant = connection.Call.Find(rawId)
            ?? throw new ApiException(404, "ParticipantNotFound", $"'{rawId}' is not a participant of call '{connection.Id}'.");
        return ParticipantJson(participant);
    }
}
