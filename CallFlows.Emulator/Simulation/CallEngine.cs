using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation;

/// <summary>
/// The emulated service: call connections, server calls, invitations, transfers and incoming calls, advanced by REST
/// operations and by timers on the injected <see cref="TimeProvider"/>. Every state change happens under one lock, and
/// events are queued under that lock, so each call's events are queued in the order the state changed.
/// </summary>
internal sealed partial class CallEngine : IDisposable
{
    private readonly object _gate = new();
    private readonly AcsEmulatorOptions _options;
    private readonly EmulatedWorld _world;
    private readonly TimeProvider _time;
    private readonly ICallbackSink _callbacks;
    private readonly Action<SimIncomingCall> _publishIncomingCall;
    private readonly ILogger _logger;
    private readonly Dictionary<string, SimConnection> _connections = new(StringComparer.Ordinal);
    private readonly List<SimConnection> _connectionOrder = [];
    private readonly Dictionary<string, SimCall> _serverCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimCall> _groupCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimCall> _rooms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimIncomingCall> _incomingByContext = new(StringComparer.Ordinal);
    private readonly List<SimIncomingCall> _incomingOrder = [];
    private readonly HashSet<ITimer> _timers = [];
    private readonly string _topic;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    public CallEngine(
        AcsEmulatorOptions options,
        EmulatedWorld world,
        ICallbackSink callbacks,
        Action<SimIncomingCall> publishIncomingCall,
        ILogger logger)
    {
        _logger = logger;
        _options = options;
        _world = world;
        _time = options.TimeProvider;
        _callbacks = callbacks;
        _publishIncomingCall = publishIncomingCall;
        _topic = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/emulator/providers/Microsoft.Communication/communicationServices/{options.ResourceName}";
    }

    // ---------------------------------------------------------------- queries

    /// <summary>Completes at the next state change (then a new task is handed out): lets tests await conditions without polling.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    public IReadOnlyList<CallSnapshot> Calls
    {
        get
        {
            lock (_gate)
            {
                return _connectionOrder.Select(c => c.ToSnapshot()).ToList();
            }
        }
    }

    public IReadOnlyList<IncomingCallSnapshot> IncomingCalls
    {
        get
        {
            lock (_gate)
            {
                return _incomingOrder.Select(c => c.ToSnapshot()).ToList();
            }
        }
    }

    public CallSnapshot? GetCall(string callConnectionId)
    {
        lock (_gate)
        {
            return _connections.TryGetValue(callConnectionId, out var c) ? c.ToSnapshot() : null;
        }
    }

    public SimIncomingCall? FindIncomingByEventId(string eventId)
    {
        lock (_gate)
        {
            return _incomingOrder.Find(i => i.EventId == eventId);
        }
    }

    public bool IsRinging(SimIncomingCall incoming)
    {
        lock (_gate)
        {
            return incoming.State == IncomingCallState.Ringing;
        }
    }

    // ---------------------------------------------------------------- world set-up

    public string CreateNamedCall(SimCallKind kind, string? name, IEnumerable<string> participants)
    {
        lock (_gate)
        {
            var call = NewCall(kind);
            foreach (var p in participants)
            {
                call.Participants.Add(new SimParticipant(WireIdentifier.Normalize(p)));
            }

            if (kind == SimCallKind.Room)
            {
                _rooms[name!] = call;
            }
            else if (kind == SimCallKind.Group)
            {
                _groupCalls[name!] = call;
            }

            return call.ServerCallId;
        }
    }

    public IncomingCallSnapshot PlaceIncomingCall(string from, string to, PlaceIncomingCallOptions options)
    {
        var fromRawId = WireIdentifier.Normalize(from);
        var toRawId = WireIdentifier.Normalize(to);
        if (!_world.IsOwned(toRawId))
        {
            throw new ArgumentException(
                $"'{toRawId}' is not a phone number or ACS user of the resource, so no IncomingCall would be raised. "
                + "Add it with AcsEmulatorOptions.OwnedPhoneNumbers / OwnedUsers or World.AddOwnedPhoneNumber.", nameof(to));
        }

        lock (_gate)
        {
            var call = NewCall(SimCallKind.Inbound);
            call.Participants.Add(new SimParticipant(fromRawId));
            var incoming = NewIncoming(call, fromRawId, toRawId, options.CallerDisplayName, options.SipHeaders, options.VoipHeaders);
            var behavior = _world.BehaviorOf(fromRawId);
            if (behavior.AbandonAfter is { } abandon)
            {
                incoming.AbandonTimer = Schedule(abandon, () => CallerAbandons(incoming));
            }

            Signal();
            return incoming.ToSnapshot();
        }
    }

    public void HangUpParticipant(string callConnectionId, string rawId)
    {
        lock (_gate)
        {
            var connection = Live(callConnectionId);
            var participant = connection.Call.Find(WireIdentifier.Normalize(rawId))
                ?? throw new ApiException(404, "ParticipantNotFound", $"'{rawId}' is not in call '{callConnectionId}'.");
            ParticipantLeaves(connection.Call, participant);
            Signal();
        }
    }

    // ---------------------------------------------------------------- REST operations

    public (int Status, JsonNode? Body) Execute(string operation, string? callConnectionId, string? participantRawId, JsonObject? body)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return Dispatch(operation, callConnectionId, participantRawId, body);
            }
            finally
            {
                Signal();
            }
        }
    }

    private (int Status, JsonNode? Body) Dispatch(string operation, string? callConnectionId, string? participantRawId, JsonObject? body)
    {
        return operation switch
        {
            "CreateCall" => (201, CreateCall(body!)),
            "AnswerCall" => (200, AnswerCall(body!)),
            "RejectCall" => RejectCall(body!),
            "RedirectCall" => RedirectCall(body!),
            "Connect" => (200, Connect(body!)),
            "CallConnection_GetCall" => (200, Live(callConnectionId!).ToProperties()),
            "CallConnection_HangupCall" => HangUp(Live(callConnectionId!)),
            "CallConnection_TerminateCall" => Terminate(Live(callConnectionId!)),
            "CallConnection_TransferToParticipant" => (202, Transfer(Live(callConnectionId!), body!)),
            "CallConnection_GetParticipants" => (200, new JsonObject { ["value"] = ParticipantsJson(Live(callConnectionId!).Call) }),
            "CallConnection_GetParticipant" => (200, GetParticipant(Live(callConnectionId!), participantRawId!)),
            "CallConnection_AddParticipant" => (202, AddParticipant(Live(callConnectionId!), body!)),
            "CallConnection_CancelAddParticipant" => (202, CancelAddParticipant(Live(callConnectionId!), body!)),
            "CallConnection_RemoveParticipant" => (202, RemoveParticipant(Live(callConnectionId!), body!)),
            "CallConnection_Mute" => (200, Mute(Live(callConnectionId!), body!)),
            "CallConnection_MoveParticipants" => (202, MoveParticipants(Live(callConnectionId!), body!)),
            _ => throw new ApiException(501, "NotSupportedByEmulator", $"Operation {operation} is not emulated."),
        };
    }

    private JsonObject CreateCall(JsonObject body)
    {
        var callbackUri = CallbackUri(body, "callbackUri")!;
        var targets = body["targets"]!.AsArray();
        if (targets.Count == 0)
        {
            throw ApiException.BadRequest("targets: at least one target is required.", "targets");
        }

        var rawIds = new List<string>();
        for (var i = 0; i < targets.Count; i++)
        {
            rawIds.Add(RawId(targets[i], $"targets[{i}]"));
        }

        var callerId = CallerId(body, rawIds.Any(WireIdentifier.IsPhone), "targets");
        var call = NewCall(SimCallKind.Outbound);
        var connection = NewConnection(call, callbackUri, "create", Text(body["operationContext"]), new JsonArray(rawIds.Select(r => (JsonNode)WireIdentifier.ToModel(r)).ToArray()));
        connection.SourceCallerIdNumber = callerId is null ? null : (JsonObject)callerId.DeepClone();
        connection.SourceDisplayName = Text(body["sourceDisplayName"]);
        connection.Source = body["source"] is JsonObject source ? WireIdentifier.ToModel(Text(source["id"])!) : null;
        rawIds = rawIds.Distinct(StringComparer.Ordinal).ToList();
        connection.RingingTargets = rawIds.Count;
        Register(connection);
        foreach (var rawId in rawIds)
        {
            connection.Timers.Add(Ring(rawId, _options.RingTimeout,
                answered: () => OutboundTargetAnswered(connection, rawId),
                failed: result => OutboundTargetFailed(connection, result)));
        }

        return connection.ToProperties();
    }

    private JsonObject AnswerCall(JsonObject body)
    {
        var incoming = Ringing(body);
        var callbackUri = CallbackUri(body, "callbackUri")!;
        JsonObject? answeredBy = body["answeredBy"] is JsonObject by ? (JsonObject)by.DeepClone() : null;
        incoming.State = IncomingCallState.Answered;
        incoming.RingTimer?.Dispose();
        var connection = NewConnection(incoming.Call, callbackUri, "answer", Text(body["operationContext"]),
            [WireIdentifier.ToModel(incoming.To)]);
        connection.Source = WireIdentifier.ToModel(incoming.From);
        connection.AnsweredBy = answeredBy;
        connection.AnsweredFor = WireIdentifier.IsPhone(incoming.To) ? WireIdentifier.ToPhoneModel(incoming.To) : null;
        Register(connection);
        incoming.CallConnectionId = connection.Id;
        connection.Timers.Add(Schedule(_options.ConnectDelay, () =>
        {
            var caller = incoming.Call.Find(incoming.From);
            if (caller is null)
            {
                SetupFailed(connection, "AnswerFailed", ResultInfo.CallerAbandoned);
                return;
            }

            Connected(connection);
            ScheduleHangUp(incoming.Call, caller);
        }));
        return connection.ToProperties();
    }

    private (int, JsonNode?) RejectCall(JsonObject body)
    {
        var incoming = Ringing(body);
        incoming.State = IncomingCallState.Rejected;
        EndIncoming(incoming);
        return (204, null);
    }

    private (int, JsonNode?) RedirectCall(JsonObject body)
    {
        var incoming = Ringing(body);
        var target = RawId(body["target"], "target");
        incoming.State = IncomingCallState.Redirected;
        incoming.RedirectedTo = target;
        incoming.RingTimer?.Dispose();
        if (_world.IsOwned(target))
        {
            // A redirect to the resource's own number or user rings the resource again: a new IncomingCall (PROTOCOL.md §6.3).
            NewIncoming(incoming.Call, incoming.From, target, null, new Dictionary<string, string>(), new Dictionary<string, string>());
        }
        else
        {
            // Anyone else is rung by the emulator itself; the app is out of the call and sees no events.
            var call = incoming.Call;
            Ring(target, _options.RingTimeout,
                answered: () =>
                {
                    if (!call.Ended && call.Participants.Count > 0)
                    {
                        var participant = new SimParticipant(target);
                        call.Participants.Add(participant);
                        ScheduleHangUp(call, participant);
                    }
                },
                failed: _ => EndCallQuietly(call));
        }

        return (204, null);
    }

    private JsonObject Connect(JsonObject body)
    {
        var callbackUri = CallbackUri(body, "callbackUri")!;
        var locator = body["callLocator"]!.AsObject();
        var kind = Text(locator["kind"]);
        var (serverCallId, groupCallId, roomId) = (Text(locator["serverCallId"]), Text(locator["groupCallId"]), Text(locator["roomId"]));
        kind ??= serverCallId is not null ? "serverCallLocator" : groupCallId is not null ? "groupCallLocator" : roomId is not null ? "roomCallLocator" : null;
        SimCall? call;
        string? failure = null;
        switch (kind)
        {
            case "serverCallLocator":
                Require(serverCallId, "callLocator.serverCallId");
                call = _serverCalls.TryGetValue(serverCallId!, out var existing) && !existing.Ended ? existing : null;
                failure = call is null ? $"Server call '{serverCallId}' does not exist or has ended." : null;
                break;
            case "groupCallLocator":
                Require(groupCallId, "callLocator.groupCallId");
                // Like the service, joining a group call id that nobody is in yet starts that group call.
                if (!_groupCalls.TryGetValue(groupCallId!, out call) || call.Ended)
                {
                    call = NewCall(SimCallKind.Group);
                    _groupCalls[groupCallId!] = call;
                }

                break;
            case "roomCallLocator":
                Require(roomId, "callLocator.roomId");
                if ((!_rooms.TryGetValue(roomId!, out call) || call.Ended) && _options.AutoCreateRooms)
                {
                    call = NewCall(SimCallKind.Room);
                    _rooms[roomId!] = call;
                }

                failure = call is null ? $"Room '{roomId}' does not exist (create it with World.CreateRoom or enable AutoCreateRooms)." : null;
                break;
            default:
                throw ApiException.BadRequest("callLocator.kind: one of serverCallLocator, groupCallLocator, roomCallLocator is required.", "callLocator.kind");
        }

        // A failed connect still answers 200 and reports ConnectFailed asynchronously, on a call of its own.
        var connection = NewConnection(call ?? FailedConnectCall(), callbackUri, "connect", Text(body["operationContext"]), []);
        Register(connection);
        connection.Timers.Add(Schedule(_options.ConnectDelay, () =>
        {
            if (failure is not null)
            {
                SetupFailed(connection, "ConnectFailed", ResultInfo.NotFound(failure));
            }
            else if (connection.Call.Ended)
            {
                SetupFailed(connection, "ConnectFailed", ResultInfo.NotFound("The call ended before the connection was made."));
            }
            else
            {
                Connected(connection);
            }
        }));
        return connection.ToProperties();
    }

    private (int, JsonNode?) HangUp(SimConnection connection)
    {
        var call = connection.Call;
        if (call.EndsWhenEmpty && call.Connections.Count(c => c.IsLive) <= 1)
        {
            // The app's leg of a 1:1 call leaving ends the call for the other side too.
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
            Emit(connection, "CancelAddParticipantSucceeded", operationContext, ResultInfo.Success, callbackUri,
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

    private void ParticipantLeaves(SimCall call, SimParticipant participant)
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

    // ---------------------------------------------------------------- events

    private void ParticipantsUpdated(SimCall call)
    {
        foreach (var connection in call.Connections.Where(c => c.IsLive && c.State != "connecting").ToList())
        {
            EmitParticipantsUpdated(connection);
        }
    }

    private void EmitParticipantsUpdated(SimConnection connection) =>
        Emit(connection, "ParticipantsUpdated", null, null, connection.CallbackUri, new JsonObject
        {
            ["sequenceNumber"] = ++connection.SequenceNumber,
            ["participants"] = ParticipantsJson(connection.Call),
        });

    private void Emit(SimConnection connection, string name, string? operationContext, ResultInfo? result, Uri target, JsonObject? extra = null)
    {
        if (connection.Terminal)
        {
            return;
        }

        var data = new JsonObject
        {
            ["callConnectionId"] = connection.Id,
            ["serverCallId"] = connection.Call.ServerCallId,
            ["correlationId"] = connection.Call.CorrelationId,
        };
        if (operationContext is not null)
        {
            data["operationContext"] = operationContext;
        }

        if (result is { } r)
        {
            data["resultInformation"] = r.ToJson();
        }

        foreach (var (key, value) in extra ?? [])
        {
            data[key] = value?.DeepClone();
        }

        _callbacks.Enqueue(connection, name, data, target);
    }

    // ---------------------------------------------------------------- helpers

    private ITimer Ring(string rawId, TimeSpan timeout, Action answered, Action<ResultInfo> failed)
    {
        var behavior = _world.BehaviorOf(rawId);
        return behavior.Answer switch
        {
            AnswerMode.Answer when behavior.AnswerDelay < timeout => Schedule(behavior.AnswerDelay, answered),
            AnswerMode.Decline when behavior.AnswerDelay < timeout => Schedule(behavior.AnswerDelay, () => failed(ResultInfo.Declined(rawId))),
            AnswerMode.Busy when behavior.AnswerDelay < timeout => Schedule(behavior.AnswerDelay, () => failed(ResultInfo.Busy(rawId))),
            _ => Schedule(timeout, () => failed(ResultInfo.NoAnswer(rawId))),
        };
    }

    private ITimer Schedule(TimeSpan delay, Action action)
    {
        var scheduled = new ScheduledAction(this, action);
        _timers.Add(scheduled);
        scheduled.Start(delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        return scheduled;
    }

    /// <summary>
    /// A timer that runs its action under the engine lock exactly once, and never after it was disposed (a cancelled ring or
    /// invitation whose callback was already queued behind the lock stays cancelled). Always created and disposed under the lock.
    /// </summary>
    private sealed class ScheduledAction(CallEngine engine, Action action) : ITimer
    {
        private ITimer? _timer;
        private bool _done;

        public void Start(TimeSpan delay) =>
            _timer = engine._time.CreateTimer(static state => ((ScheduledAction)state!).Fire(), this, delay, Timeout.InfiniteTimeSpan);

        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
            _done = true;
            _timer?.Dispose();
            engine._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Fire()
        {
            lock (engine._gate)
            {
                if (_done || engine._disposed)
                {
                    return;
                }

                _done = true;
                engine._timers.Remove(this);
                _timer?.Dispose();
                try
                {
                    action();
                }
                catch (Exception ex)
                {
                    // A timer thread must never throw: that would take the whole host down.
                    Logs.SimulationStepFailed(engine._logger, ex);
                }

                engine.Signal();
            }
        }
    }

    private SimCall FailedConnectCall()
    {
        // A placeholder so the failed connection has ids for its events; ended, so nobody can join it.
        var call = NewCall(SimCallKind.Server);
        call.Ended = true;
        return call;
    }

    private SimCall NewCall(SimCallKind kind)
    {
        var call = new SimCall(kind, NewServerCallId(), Guid.NewGuid().ToString());
        _serverCalls[call.ServerCallId] = call;
        return call;
    }

    private static string NewServerCallId()
    {
        // Opaque base64url like the service's (the real value encodes a conversation URL).
        var text = "emulator://conversations/" + Guid.NewGuid().ToString("N");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private SimConnection NewConnection(SimCall call, Uri callbackUri, string origin, string? operationContext, JsonArray targets)
    {
        var connection = new SimConnection(Guid.NewGuid().ToString(), call, callbackUri, origin, _time.GetUtcNow())
        {
            OperationContext = operationContext,
            Targets = targets,
        };
        return connection;
    }

    private void Register(SimConnection connection)
    {
        _connections[connection.Id] = connection;
        _connectionOrder.Add(connection);
        connection.Call.Connections.Add(connection);
    }

    private SimIncomingCall NewIncoming(SimCall call, string from, string to, string? displayName,
        IReadOnlyDictionary<string, string> sipHeaders, IReadOnlyDictionary<string, string> voipHeaders)
    {
        var eventId = Guid.NewGuid().ToString();
        var context = NewIncomingCallContext(eventId, call.ServerCallId);
        var data = new JsonObject
        {
            ["to"] = WireIdentifier.ToModel(to),
            ["from"] = WireIdentifier.ToModel(from),
            ["serverCallId"] = call.ServerCallId,
            ["callerDisplayName"] = displayName ?? string.Empty,
            ["incomingCallContext"] = context,
            ["customContext"] = new JsonObject
            {
                ["sipHeaders"] = new JsonObject(sipHeaders.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
                ["voipHeaders"] = new JsonObject(voipHeaders.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
            },
            ["correlationId"] = call.CorrelationId,
        };
        var eventGridEvent = new JsonObject
        {
            ["id"] = eventId,
            ["topic"] = _topic,
            ["subject"] = $"/caller/{from}/recipient/{to}",
            ["data"] = data,
            ["eventType"] = "Microsoft.Communication.IncomingCall",
            ["dataVersion"] = "1.0",
            ["metadataVersion"] = "1",
            ["eventTime"] = _time.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        var incoming = new SimIncomingCall(eventId, context, from, to, call, _time.GetUtcNow()) { EventGridEvent = eventGridEvent };
        _incomingByContext[context] = incoming;
        _incomingOrder.Add(incoming);
        incoming.RingTimer = Schedule(_options.RingTimeout, () =>
        {
            if (incoming.State == IncomingCallState.Ringing)
            {
                incoming.State = IncomingCallState.NotAnswered;
                EndIncoming(incoming);
            }
        });
        _publishIncomingCall(incoming);
        return incoming;
    }

    private static string NewIncomingCallContext(string eventId, string serverCallId)
    {
        // Opaque to clients, shaped like the documented sample (an unsigned-JWT-like "header.payload." string).
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        return B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + B64($"{{\"cc\":\"{eventId}\",\"sid\":\"{serverCallId}\",\"n\":\"{nonce}\"}}") + ".";
    }

    private SimIncomingCall Ringing(JsonObject body)
    {
        var context = Text(body["incomingCallContext"]);
        if (string.IsNullOrWhiteSpace(context))
        {
            throw ApiException.BadRequest("incomingCallContext: must not be empty.", "incomingCallContext");
        }

        if (!_incomingByContext.TryGetValue(context, out var incoming))
        {
            throw new ApiException(400, "InvalidIncomingCallContext", "incomingCallContext: not an incoming call context issued by this resource.", "incomingCallContext");
        }

        if (incoming.State != IncomingCallState.Ringing)
        {
            throw new ApiException(404, "CallNotFound", $"The incoming call is no longer ringing (state: {incoming.State}).", "incomingCallContext");
        }

        return incoming;
    }

    private SimConnection Live(string callConnectionId) =>
        _connections.TryGetValue(callConnectionId, out var connection) && connection.IsLive
            ? connection
            : throw ApiException.CallNotFound(callConnectionId);

    private static void RequireConnected(SimConnection connection)
    {
        if (connection.State != "connected")
        {
            throw new ApiException(400, "InvalidCallState", $"The call connection is '{connection.State}'; this action needs a connected call.");
        }
    }

    private static void Require(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw ApiException.BadRequest($"{path}: is required for this locator kind.", path);
        }
    }

    private static string RawId(JsonNode? node, string path) =>
        WireIdentifier.TryReadRawId(node, path, out var error) ?? throw ApiException.BadRequest(error!, path);

    private JsonObject? CallerId(JsonObject body, bool required, string because)
    {
        if (body["sourceCallerIdNumber"] is not JsonObject callerId)
        {
            return required
                ? throw ApiException.BadRequest($"sourceCallerIdNumber: required when {because} is a phone number (PSTN).", "sourceCallerIdNumber")
                : null;
        }

        var rawId = "4:" + Text(callerId["value"]);
        if (!_world.IsOwned(rawId))
        {
            throw ApiException.BadRequest(
                $"sourceCallerIdNumber.value: '{rawId[2..]}' is not a phone number of this resource (owned: {string.Join(", ", _world.OwnedPhoneNumbers.Select(n => n[2..]))}).",
                "sourceCallerIdNumber.value");
        }

        return callerId;
    }

    private static Uri? CallbackUri(JsonObject body, string field)
    {
        var text = Text(body[field]);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw ApiException.BadRequest($"{field}: '{text}' is not an absolute http(s) URI.", field);
    }

    private static Uri OperationCallbackUri(SimConnection connection, JsonObject body) =>
        CallbackUri(body, "operationCallbackUri") ?? connection.CallbackUri;

    private static JsonArray ParticipantsJson(SimCall call) => new(call.Participants.Select(p => (JsonNode)ParticipantJson(p)).ToArray());

    private static JsonObject ParticipantJson(SimParticipant participant) => new()
    {
        ["identifier"] = WireIdentifier.ToModel(participant.RawId),
        ["isMuted"] = participant.IsMuted,
        ["isOnHold"] = participant.IsOnHold,
    };

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var timer in _timers.ToList())
            {
                timer.Dispose();
            }

            _timers.Clear();
        }
    }
}
