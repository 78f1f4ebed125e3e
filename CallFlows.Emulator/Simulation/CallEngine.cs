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
    private readonly Media.MediaEngine _media;
    private readonly Media.StreamingEngine _streaming;
    private readonly Recording.RecordingEngine _recordings;
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
        _media = new Media.MediaEngine(this, options, world);
        _streaming = new Media.StreamingEngine(this);
        _recordings = new Recording.RecordingEngine(this, options, _topic);
    }

    /// <summary>The recordings (its file store is read by the content routes).</summary>
    internal Recording.RecordingEngine Recordings => _recordings;

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
            "CreateCall" => (201, WithMediaOptions(CreateCall(body!), body!)),
            "AnswerCall" => (200, WithMediaOptions(AnswerCall(body!), body!)),
            "RejectCall" => RejectCall(body!),
            "RedirectCall" => RedirectCall(body!),
            "Connect" => (200, WithMediaOptions(Connect(body!), body!)),
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
            "CallMedia_Play" => (202, _media.Play(Live(callConnectionId!), body!)),
            "CallMedia_Recognize" => (202, _media.Recognize(Live(callConnectionId!), body!)),
            "CallMedia_CancelAllMediaOperations" => Done(202, () => _media.CancelAll(Live(callConnectionId!))),
            "CallMedia_StartContinuousDtmfRecognition" => Done(200, () => _media.StartContinuousDtmf(Live(callConnectionId!), body!)),
            "CallMedia_StopContinuousDtmfRecognition" => Done(200, () => _media.StopContinuousDtmf(Live(callConnectionId!), body!)),
            "CallMedia_SendDtmfTones" => (202, _media.SendDtmfTones(Live(callConnectionId!), body!)),
            "CallMedia_Hold" => Done(200, () => _media.Hold(Live(callConnectionId!), body!)),
            "CallMedia_Unhold" => Done(200, () => _media.Unhold(Live(callConnectionId!), body!)),
            "CallMedia_StartMediaStreaming" => Done(202, () => _streaming.StartMediaStreaming(Live(callConnectionId!), body!)),
            "CallMedia_StopMediaStreaming" => Done(202, () => _streaming.StopMediaStreaming(Live(callConnectionId!), body!)),
            "CallMedia_StartTranscription" => Done(202, () => _streaming.StartTranscription(Live(callConnectionId!), body!)),
            "CallMedia_StopTranscription" => Done(202, () => _streaming.StopTranscription(Live(callConnectionId!), body!)),
            "CallMedia_UpdateTranscription" => Done(202, () => _streaming.UpdateTranscription(Live(callConnectionId!), body!)),
            "CallRecording_StartRecording" => (200, StartRecording(body!)),
            "CallRecording_GetRecordingProperties" => (200, _recordings.GetState(callConnectionId!)),
            "CallRecording_StopRecording" => Done(204, () => _recordings.Stop(callConnectionId!)),
            "CallRecording_PauseRecording" => Done(202, () => _recordings.Pause(callConnectionId!)),
            "CallRecording_ResumeRecording" => Done(202, () => _recordings.Resume(callConnectionId!)),
            _ => throw new ApiException(501, "NotSupportedByEmulator", $"Operation {operation} is not emulated."),
        };
    }

    private static (int, JsonNode?) Done(int status, Action action)
    {
        action();
        return (status, null);
    }

    private JsonObject WithMediaOptions(JsonObject properties, JsonObject body)
    {
        var connection = _connections[Text(properties["callConnectionId"])!];
        Media.StreamingEngine.Configure(connection, body);
        return connection.ToProperties();
    }

    private JsonObject StartRecording(JsonObject body)
    {
        if (Text(body["callConnectionId"]) is { } callConnectionId)
        {
            var connection = Live(callConnectionId);
            return _recordings.Start(connection.Call, connection, body);
        }

        if (body["callLocator"] is not JsonObject locator)
        {
            throw ApiException.BadRequest("callLocator: a call locator or a callConnectionId is required.", "callLocator");
        }

        var (kind, id) = (Text(locator["kind"]), Text(locator["serverCallId"]) ?? Text(locator["groupCallId"]) ?? Text(locator["roomId"]));
        var calls = kind switch
        {
            "groupCallLocator" => _groupCalls,
            "roomCallLocator" => _rooms,
            _ => _serverCalls,
        };
        var call = id is not null && calls.TryGetValue(id, out var found) ? found : throw new ApiException(404, "8522", $"callLocator: no call '{id}' of kind {kind ?? "serverCallLocator"}.");
        return _recordings.Start(call, null, body);
    }

    /// <summary>A participant presses keys now (control API), heard by a running recognize or continuous DTMF recognition.</summary>
    public void PressKeys(string callConnectionId, string identity, string digits)
    {
        lock (_gate)
        {
            _media.PressKeys(Live(callConnectionId), WireIdentifier.Normalize(identity), digits);
            Signal();
        }
    }

    /// <summary>A participant says a phrase now (null: unintelligible), heard by a running speech or choices recognize.</summary>
    public void Say(string callConnectionId, string identity, string? phrase, double confidence)
    {
        lock (_gate)
        {
            _media.Say(Live(callConnectionId), WireIdentifier.Normalize(identity), phrase, confidence);
            Signal();
        }
    }

    public IReadOnlyList<RecordingSnapshot> RecordingSnapshots
    {
        get
        {
            lock (_gate)
            {
                return _recordings.Snapshots;
            }
        }
    }

    // ---------------------------------------------------------------- events

    internal void ParticipantsUpdated(SimCall call)
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

    internal void Emit(SimConnection connection, string name, string? operationContext, ResultInfo? result, Uri target, JsonObject? extra = null)
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

    internal ITimer Schedule(TimeSpan delay, Action action)
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

    internal SimConnection Live(string callConnectionId) =>
        _connections.TryGetValue(callConnectionId, out var connection) && connection.IsLive
            ? connection
            : throw ApiException.CallNotFound(callConnectionId);

    internal static void RequireConnected(SimConnection connection)
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

    internal static string RawId(JsonNode? node, string path) =>
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

    internal static Uri? CallbackUri(JsonObject body, string field)
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

    internal static Uri OperationCallbackUri(SimConnection connection, JsonObject body) =>
        CallbackUri(body, "operationCallbackUri") ?? connection.CallbackUri;

    private static JsonArray ParticipantsJson(SimCall call) => new(call.Participants.Select(p => (JsonNode)ParticipantJson(p)).ToArray());

    private static JsonObject ParticipantJson(SimParticipant participant) => new()
    {
        ["identifier"] = WireIdentifier.ToModel(participant.RawId),
        ["isMuted"] = participant.IsMuted,
        ["isOnHold"] = participant.IsOnHold,
    };

    internal static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

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
