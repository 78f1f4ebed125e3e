using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CallFlows.CallAutomation;
using CallFlows.Runtime;
using CallFlows.Runtime.Protocol;
using CallFlows.Testing.Orchestrations;

namespace CallFlows.Testing.CallWorld;

/// <summary>
/// ACS Call Automation as a flow's activities meet it, on virtual time: each call action returns what the REST API
/// returns and schedules the callbacks ACS sends, in the emulator's order and with its result codes
/// (reference/acs-callautomation/PROTOCOL.md §6–7, CallFlows.Emulator's CallEngine). Callbacks reach the flow as the
/// callback endpoint raises them: one external event <see cref="CallFlowEvents.CallbackEventName"/> whose payload is
/// the <see cref="CallbackEnvelope"/> of the parsed event, serialized by the driver's data converter as the engine's
/// client would. Activities are answered by one <see cref="CallActionHandler"/> per name (<see cref="Register"/>).
/// </summary>
internal sealed class SimulatedCallService
{
    // The shape CallbackEnvelope gives event data: web defaults, nulls omitted.
    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly Dictionary<string, CallActionHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimulatedCall> _calls = new(StringComparer.Ordinal);
    private readonly List<string> _callbacks = [];
    private int _eventCount;
    private int _idCount;
    private string? _mutedAction;

    public SimulatedCallService(CallFlowTestKit kit, TestPhone? caller)
    {
        Kit = kit;
        Caller = caller;
        CallSetupHandlers.Register(this);
        CallControlHandlers.Register(this);
    }

    public CallFlowTestKit Kit { get; }

    /// <summary>The caller of an inbound call; null for an outbound flow.</summary>
    public TestPhone? Caller { get; }

    /// <summary>The names of the callbacks delivered so far, in order.</summary>
    public IReadOnlyList<string> Callbacks => _callbacks;

    /// <summary>Plugs in the handler of an activity (replacing one of the same name).</summary>
    public void Register(string activityName, CallActionHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityName);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[activityName] = handler;
    }

    /// <summary>Answers a call action, or returns null for an activity this service has no handler for.</summary>
    public ActivityResult? Handle(ActivityCall call)
    {
        if (!_handlers.TryGetValue(call.Name, out var handler))
        {
            return null;
        }

        if (Kit.Refusal(call.Name) is { } refusal)
        {
            return ActivityResult.Completed(CallActionRequest.Refused(refusal.Status, refusal.ErrorCode, refusal.Message), Kit.ResponseTime);
        }

        if (Kit.FailTransiently(call.Name))
        {
            var unavailable = new CallActionFailure(CallActionFailureKind.Unavailable, $"The service answered {call.Name} with 503: Service unavailable.") { HttpStatus = 503 };
            return ActivityResult.Completed(new CallActionOutput(unavailable), Kit.ResponseTime);
        }

        return ActivityResult.Completed(handler(new CallActionRequest(this, call)), Kit.ResponseTime);
    }

    public SimulatedCall NewCall(bool endsWhenEmpty, string? setupOperationContext, bool isGroup = false, string? serverCallId = null)
    {
        _idCount++;
        var number = _idCount.ToString(CultureInfo.InvariantCulture);
        var call = new SimulatedCall("call-" + number, serverCallId ?? "server-call-" + number, "correlation-" + number, endsWhenEmpty)
        {
            SetupOperationContext = setupOperationContext,
            IsGroup = isGroup,
        };
        _calls[call.CallConnectionId] = call;
        return call;
    }

    public SimulatedCall? FindCall(string callConnectionId) => _calls.GetValueOrDefault(callConnectionId);

    public string NewId(string prefix)
    {
        _idCount++;
        return prefix + "-" + _idCount.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Runs work an action scheduled; the callbacks it raises are dropped when the test lost that action's callbacks.</summary>
    public void RunAs(string actionName, ScriptContext world, Action<ScriptContext> work)
    {
        var previous = _mutedAction;
        _mutedAction = Kit.SendsNoCallbacks(actionName) ? actionName : null;
        try
        {
            work(world);
        }
        finally
        {
            _mutedAction = previous;
        }
    }

    /// <summary>The app's connection is connected: CallConnected, then the roster.</summary>
    public void Connect(ScriptContext world, SimulatedCall call)
    {
        if (call.Ended || call.Connected)
        {
            return;
        }

        call.Connected = true;
        Raise(world, call, new CallConnected { OperationContext = call.SetupOperationContext, ResultInformation = Results.Success });
        RaiseRoster(world, call);
    }

    /// <summary>The call could not be set up: the failure event, then (as the emulator does by default) CallDisconnected.</summary>
    public void FailSetup(ScriptContext world, SimulatedCall call, CallAutomationEventBase failure)
    {
        if (call.Ended)
        {
            return;
        }

        Raise(world, call, failure);
        call.Ended = true;
        call.Participants.Clear();
        Raise(world, call, new CallDisconnected { ResultInformation = failure.ResultInformation });
    }

    /// <summary>A phone joins the call and, if scripted, hangs up later.</summary>
    public void Join(ScriptContext world, SimulatedCall call, TestPhone phone, bool announce = true)
    {
        if (call.Ended || call.Participants.Contains(phone.RawId))
        {
            return;
        }

        call.Participants.Add(phone.RawId);
        if (announce && call.Connected)
        {
            RaiseRoster(world, call);
        }

        if (phone.HangsUpAfterJoining is { } after)
        {
            world.Schedule(after, later => Leave(later, call, phone.RawId, phone.IsPstn ? Results.RemotePstnHungUp : Results.RemoteHungUp));
        }
    }

    /// <summary>A participant leaves: the call ends when it ends when empty and was the last one, else the roster changes.</summary>
    public void Leave(ScriptContext world, SimulatedCall call, string rawId, ResultInformation endResult)
    {
        if (call.Ended || !call.Participants.Remove(rawId))
        {
            return;
        }

        if (call.EndsWhenEmpty && call.Participants.Count == 0)
        {
            End(world, call, endResult);
        }
        else
        {
            RaiseRoster(world, call);
        }
    }

    /// <summary>The app's connection ends: pending operations fail first (487), then CallDisconnected, the last event.</summary>
    public void End(ScriptContext world, SimulatedCall call, ResultInformation result)
    {
        if (call.Ended)
        {
            return;
        }

        foreach (var invitation in call.Invitations.Values.Where(i => !i.Done))
        {
            invitation.Done = true;
            Raise(world, call, new AddParticipantFailed { OperationContext = invitation.OperationContext, ResultInformation = Results.CallEnded, Participant = invitation.Phone.Identifier });
        }

        if (call.Transfer is { } transfer)
        {
            call.Transfer = null;
            Raise(world, call, new CallTransferFailed { OperationContext = transfer.OperationContext, ResultInformation = Results.CallEnded });
        }

        // The emulator ends a connection that was still connecting the same way: CallDisconnected is always the last event.
        call.Ended = true;
        call.Participants.Clear();
        Raise(world, call, new CallDisconnected { ResultInformation = result });
    }

    public void RaiseRoster(ScriptContext world, SimulatedCall call)
    {
        call.RosterSequence++;
        Raise(world, call, new ParticipantsUpdated
        {
            SequenceNumber = call.RosterSequence,
            Participants = call.Participants.Select(p => new CallParticipant { Identifier = CommunicationIdentifier.FromRawId(p) }).ToList(),
        });
    }

    /// <summary>Sends a callback: the event as the callback endpoint parses it, in its envelope, raised under the one event name.</summary>
    public void Raise(ScriptContext world, SimulatedCall call, CallAutomationEventBase callback)
    {
        if (_mutedAction is not null)
        {
            return;
        }

        // ACS fills in the CloudEvent id, type and time and the call's ids; the typed events are init-only, so they are
        // added to the event's JSON and the event read back, as the callback endpoint's parser would have produced it.
        _eventCount++;
        var type = callback.GetType();
        var data = JsonSerializer.SerializeToNode(callback, type, DataOptions)!.AsObject();
        data["eventId"] = "event-" + _eventCount.ToString(CultureInfo.InvariantCulture);
        data["eventType"] = CallAutomationEventParser.EventTypePrefix + type.Name;
        data["eventTime"] = new DateTimeOffset(world.CurrentUtcDateTime, TimeSpan.Zero);
        data["callConnectionId"] = call.CallConnectionId;
        data["serverCallId"] = call.ServerCallId;
        data["correlationId"] = call.CorrelationId;
        var parsed = (CallAutomationEventBase)data.Deserialize(type, DataOptions)!;
        _callbacks.Add(type.Name);
        world.RaiseEvent(CallFlowEvents.CallbackEventName, CallbackEnvelope.FromEvent(parsed), TimeSpan.Zero);
    }
}
