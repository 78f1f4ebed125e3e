using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;


namespace CallFlows.Emulator.Simulation;

/// <summary>Setting calls up: the world's named calls and incoming calls, and the create, answer, reject, redirect and connect operations.</summary>
internal sealed partial class CallEngine
{
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
        call.IsGroup = rawIds.Count > 1;
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
}
