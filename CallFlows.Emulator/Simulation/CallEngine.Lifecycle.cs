using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation;

/// <summary>State transitions of connections, calls, invitations and participants, and how each ends.</summary>
internal sealed partial class CallEngine
{
    // ---------------------------------------------------------------- state transitions

    private void OutboundTargetAnswered(SimConnection connection, string rawId)
    {
        connection.RingingTargets--;
        if (!connection.IsLive || connection.Call.Ended || connection.Call.Find(rawId) is not null)
        {
            return;
        }

        var participant = new SimParticipant(rawId);
        connection.Call.Participants.Add(participant);
        if (connection.State == "connecting")
        {
            Connected(connection);
        }
        else
        {
            ParticipantsUpdated(connection.Call);
        }

        ScheduleHangUp(connection.Call, participant);
    }

    private void OutboundTargetFailed(SimConnection connection, ResultInfo result)
    {
        connection.RingingTargets--;
        connection.LastSetupFailure = result;
        if (connection.IsLive && connection.State == "connecting" && connection.RingingTargets <= 0)
        {
            SetupFailed(connection, "CreateCallFailed", result);
        }
    }

    private void Connected(SimConnection connection)
    {
        if (!connection.IsLive)
        {
            return;
        }

        connection.State = "connected";
        if (!connection.Call.Connections.Contains(connection))
        {
            connection.Call.Connections.Add(connection);
        }

        Emit(connection, "CallConnected", connection.OperationContext, ResultInfo.Success, connection.CallbackUri);
        EmitParticipantsUpdated(connection);
        _streaming.OnConnected(connection);
    }

    private void SetupFailed(SimConnection connection, string eventName, ResultInfo result)
    {
        if (!connection.IsLive)
        {
            return;
        }

        Emit(connection, eventName, connection.OperationContext, result, connection.CallbackUri);
        if (_options.DisconnectAfterSetupFailure)
        {
            Disconnect(connection, eventName, result);
        }
        else
        {
            Close(connection, eventName);
        }

        if (connection.Call.EndsWhenEmpty && connection.Call.Connections.Count == 0 && connection.Origin == "create")
        {
            EndCallQuietly(connection.Call);
        }
    }

    private void FailInvitation(SimConnection connection, SimInvitation invitation, ResultInfo result)
    {
        if (invitation.Done || !connection.IsLive)
        {
            return;
        }

        invitation.Done = true;
        invitation.Timer?.Dispose();
        Emit(connection, "AddParticipantFailed", invitation.OperationContext, result, invitation.CallbackUri,
            new JsonObject { ["participant"] = WireIdentifier.ToModel(invitation.RawId) });
    }

    internal void ParticipantLeaves(SimCall call, SimParticipant participant)
    {
        if (!call.Participants.Remove(participant))
        {
            return;
        }

        participant.HangUpTimer?.Dispose();
        foreach (var incoming in _incomingOrder.Where(i => i.Call == call && i.State == IncomingCallState.Ringing && i.From == participant.RawId))
        {
            incoming.State = IncomingCallState.Abandoned;
            incoming.RingTimer?.Dispose();
        }

        AfterParticipantLeft(call, ResultInfo.RemoteHungUp(participant.RawId));
    }

    private void AfterParticipantLeft(SimCall call, ResultInfo endResult)
    {
        if (call.EndsWhenEmpty && call.Participants.Count == 0)
        {
            if (call.Connections.Any(c => c.IsLive && c.State != "connecting"))
            {
                EndCall(call, "RemoteHungUp", endResult);
            }
            else
            {
                // Nobody connected yet (still ringing or connecting): the pending answer reports AnswerFailed.
                EndCallQuietly(call);
            }
        }
        else
        {
            ParticipantsUpdated(call);
        }
    }

    private void CallerAbandons(SimIncomingCall incoming)
    {
        if (incoming.State == IncomingCallState.Ringing)
        {
            incoming.State = IncomingCallState.Abandoned;
            EndIncoming(incoming);
        }
        else if (incoming.State == IncomingCallState.Answered && incoming.Call.Find(incoming.From) is { } caller
                 && incoming.CallConnectionId is { } id && _connections[id].State == "connecting")
        {
            // Answered but not connected yet: the connect step will report AnswerFailed.
            incoming.Call.Participants.Remove(caller);
        }
    }

    private void EndIncoming(SimIncomingCall incoming)
    {
        incoming.RingTimer?.Dispose();
        incoming.AbandonTimer?.Dispose();
        if (!_incomingOrder.Any(i => i.Call == incoming.Call && i != incoming && i.State is IncomingCallState.Ringing or IncomingCallState.Answered))
        {
            EndCallQuietly(incoming.Call);
        }
    }

    private void EndCall(SimCall call, string reason, ResultInfo result)
    {
        foreach (var connection in call.Connections.ToList())
        {
            Disconnect(connection, reason, result);
        }

        foreach (var connection in _connectionOrder.Where(c => c.Call == call && c.IsLive).ToList())
        {
            Disconnect(connection, reason, result);
        }

        EndCallQuietly(call);
    }

    private void EndCallQuietly(SimCall call)
    {
        call.Ended = true;
        _recordings.OnCallEnded(call);
        foreach (var participant in call.Participants)
        {
            participant.HangUpTimer?.Dispose();
        }

        call.Participants.Clear();
    }

    private void Disconnect(SimConnection connection, string reason, ResultInfo result)
    {
        if (!connection.IsLive)
        {
            return;
        }

        // Operations still pending get their failure before CallDisconnected, which must be the last event.
        foreach (var invitation in connection.Invitations.Values.Where(i => !i.Done).ToList())
        {
            FailInvitation(connection, invitation, ResultInfo.CallEnded);
        }

        if (connection.Transfer is { } transfer)
        {
            connection.Transfer = null;
            transfer.Timer?.Dispose();
            Emit(connection, "CallTransferFailed", transfer.OperationContext, ResultInfo.CallEnded, transfer.CallbackUri);
        }

        Emit(connection, "CallDisconnected", null, result, connection.CallbackUri);
        Close(connection, reason);
    }

    private void Close(SimConnection connection, string reason)
    {
        connection.Terminal = true;
        connection.State = "disconnected";
        connection.EndedReason = reason;
        connection.EndedAt = _time.GetUtcNow();
        foreach (var timer in connection.Timers)
        {
            timer.Dispose();
        }

        connection.Call.Connections.Remove(connection);
        _callbacks.Complete(connection);
    }

    private void ScheduleHangUp(SimCall call, SimParticipant participant)
    {
        if (_world.BehaviorOf(participant.RawId).HangUpAfter is { } after)
        {
            participant.HangUpTimer = Schedule(after, () =>
            {
                if (!call.Ended)
                {
                    ParticipantLeaves(call, participant);
                }
            });
        }
    }
}
