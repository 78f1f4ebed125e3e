using System.Diagnostics.CodeAnalysis;
using CallFlows.CallAutomation;
using CallFlows.Functions.Actions;
using CallFlows.Functions.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace CallFlows.Functions.Runtime;

/// <summary>
/// The typed call-flow runtime of one orchestration: issues call actions as activities and turns the ACS callback
/// events raised into the instance into typed results, always within a timeout. Create it once at the top of an
/// orchestrator with <see cref="CallFlowContextExtensions.CreateCallFlow"/>; it is rebuilt identically on replay.
/// </summary>
/// <remarks>
/// Events arrive under one external event name and are read through exactly one outstanding wait, which is never
/// cancelled: a timed-out wait only abandons its durable timer, and the open wait serves the next one. Events are
/// matched to actions by the operation context each action gets from the runtime; duplicates (same CloudEvent id)
/// and events of finished or abandoned actions are dropped; <c>ParticipantsUpdated</c> updates the roster (highest
/// sequence number wins) and <c>CallDisconnected</c> ends every pending and future wait on its call.
/// </remarks>
[SuppressMessage("Reliability", "DURABLE0010", Justification = "Logger is the instance's context.CreateReplaySafeLogger(...) logger; the analyzer cannot see that through the property.")]
public sealed class CallFlow
{
    private const int MaxTimelineEvents = 10;
    private const int MaxTimelineActions = 20;

    // A large meeting's roster would blow the 16 KB custom status; the status shows the first ones, the flow has all.
    private const int MaxStatusParticipants = 50;

    private static readonly HashSet<string> EstablishmentEvents = new(StringComparer.Ordinal)
    {
        nameof(CallConnected), nameof(AnswerFailed), nameof(CreateCallFailed), nameof(ConnectFailed),
    };

    private readonly TaskOrchestrationContext _context;
    private readonly List<CallbackEnvelope> _inbox = [];
    private readonly HashSet<string> _seenEventIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingAction> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallFlowCall> _calls = new(StringComparer.Ordinal);
    private readonly Queue<CallFlowTimelineEntry> _eventLog = new();
    private readonly Queue<CallFlowTimelineEntry> _actionLog = new();
    private Task<CallbackEnvelope>? _waiter;
    private int _sequence;
    private string _state = "Started";
    private CallFlowCall? _currentCall;
    private CallFlowOutcome? _outcome;

    internal CallFlow(TaskOrchestrationContext context)
    {
        _context = context;
        Name = context.Name.Name;
        Logger = context.CreateReplaySafeLogger("CallFlows.Flows." + Name);
        PublishStatus();
    }

    /// <summary>The flow (orchestrator) name.</summary>
    public string Name { get; }

    /// <summary>The orchestration instance id.</summary>
    public string InstanceId => _context.InstanceId;

    /// <summary>A replay-safe logger for flow code.</summary>
    public ILogger Logger { get; }

    /// <summary>The orchestration context, for durable primitives the flow API does not wrap.</summary>
    public TaskOrchestrationContext Context => _context;

    /// <summary>The deterministic orchestration time (UTC).</summary>
    public DateTime CurrentUtcDateTime => _context.CurrentUtcDateTime;

    /// <summary>The outcome, once <see cref="Complete{TResult}"/> was called.</summary>
    public CallFlowOutcome? Outcome => _outcome;

    /// <summary>Reads the orchestration input.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <returns>The input.</returns>
    /// <exception cref="InvalidOperationException">The instance has no input.</exception>
    public T GetInput<T>() => _context.GetInput<T>() ?? throw new InvalidOperationException($"Flow {Name} ({InstanceId}) was started without an input.");

    /// <summary>Answers an incoming call and waits until it is connected.</summary>
    /// <param name="incomingCall">The call from the IncomingCall event.</param>
    /// <param name="timeout">How long to wait for <c>CallConnected</c>.</param>
    /// <returns>The call; check <see cref="CallFlowCall.IsConnected"/> and <see cref="CallFlowCall.Connection"/>.</returns>
    /// <exception cref="ArgumentException">The call has no incoming call context.</exception>
    public Task<CallFlowCall> AnswerAsync(IncomingCall incomingCall, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        var context = RequireIncomingContext(incomingCall);
        var action = Begin(CallActionNames.AnswerCall, null, "Answering");
        return EstablishAsync(action, CallActionNames.AnswerCall, new AnswerCallInput(InstanceId, action.Identity, context), timeout);
    }

    /// <summary>Rejects an incoming call (ACS sends no events for a reject).</summary>
    /// <param name="incomingCall">The call from the IncomingCall event.</param>
    /// <param name="reason">Why the call is rejected.</param>
    /// <returns>Succeeded, or Failed when ACS refused the request.</returns>
    public async Task<CallFlowActionResult> RejectAsync(IncomingCall incomingCall, CallRejectReason reason)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        var context = RequireIncomingContext(incomingCall);
        var action = Begin(CallActionNames.RejectCall, null, "Rejecting");
        var (_, failure) = await InvokeAsync<bool>(action, CallActionNames.RejectCall, new RejectCallInput(action.Identity, context, reason));
        return Finish(action, failure ?? new CallFlowActionResult(CallFlowActionStatus.Succeeded), "Rejected");
    }

    /// <summary>Redirects an incoming call to another target (ACS sends no events for a redirect).</summary>
    /// <param name="incomingCall">The call from the IncomingCall event.</param>
    /// <param name="target">Where to redirect the call.</param>
    /// <returns>Succeeded, or Failed when ACS refused the request.</returns>
    public async Task<CallFlowActionResult> RedirectAsync(IncomingCall incomingCall, CommunicationIdentifier target)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        ArgumentNullException.ThrowIfNull(target);
        var context = RequireIncomingContext(incomingCall);
        var action = Begin(CallActionNames.RedirectCall, null, "Redirecting");
        var (_, failure) = await InvokeAsync<bool>(action, CallActionNames.RedirectCall, new RedirectCallInput(action.Identity, context, target.RawId));
        return Finish(action, failure ?? new CallFlowActionResult(CallFlowActionStatus.Succeeded), "Redirected");
    }

    /// <summary>Places a 1:1 call and waits until it is connected.</summary>
    /// <param name="target">Whom to call (a phone number needs <see cref="CreateCallFlowOptions.CallerId"/>).</param>
    /// <param name="options">Caller id, display name, custom headers; null for none.</param>
    /// <param name="timeout">How long to wait for the callee to answer.</param>
    /// <returns>The call; check <see cref="CallFlowCall.IsConnected"/>.</returns>
    public Task<CallFlowCall> CreateCallAsync(CommunicationIdentifier target, CreateCallFlowOptions? options, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        var action = Begin(CallActionNames.CreateCall, null, "Calling");
        var input = new CreateCallInput(InstanceId, action.Identity, target.RawId, options?.CallerId?.RawId, options?.DisplayName,
            Copy(options?.CustomCallingContext.SipHeaders), Copy(options?.CustomCallingContext.VoipHeaders));
        return EstablishAsync(action, CallActionNames.CreateCall, input, timeout);
    }

    /// <summary>Places one call to several targets and waits until it is connected.</summary>
    /// <param name="targets">Whom to call (PSTN and VoIP).</param>
    /// <param name="options">Caller id and display name; null for none.</param>
    /// <param name="timeout">How long to wait for the call to connect.</param>
    /// <returns>The call; check <see cref="CallFlowCall.IsConnected"/>.</returns>
    /// <exception cref="ArgumentException">No target.</exception>
    public Task<CallFlowCall> CreateGroupCallAsync(IEnumerable<CommunicationIdentifier> targets, CreateGroupCallFlowOptions? options, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var rawIds = targets.Select(t => t.RawId).ToList();
        if (rawIds.Count == 0)
        {
            throw new ArgumentException("A group call needs at least one target.", nameof(targets));
        }

        var action = Begin(CallActionNames.CreateGroupCall, null, "Calling");
        var input = new CreateGroupCallInput(InstanceId, action.Identity, rawIds, options?.CallerId?.RawId, options?.DisplayName);
        return EstablishAsync(action, CallActionNames.CreateGroupCall, input, timeout);
    }

    /// <summary>Joins an existing call (server call, group call or room) and waits until connected.</summary>
    /// <param name="locator">The call to join.</param>
    /// <param name="timeout">How long to wait for the connection.</param>
    /// <returns>The call; check <see cref="CallFlowCall.IsConnected"/>.</returns>
    public Task<CallFlowCall> ConnectAsync(CallLocator locator, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(locator);
        var kind = locator switch
        {
            ServerCallLocator => CallLocatorKind.ServerCall,
            GroupCallLocator => CallLocatorKind.GroupCall,
            RoomCallLocator => CallLocatorKind.Room,
            _ => throw new ArgumentException($"Unsupported call locator {locator.GetType().Name}.", nameof(locator)),
        };
        var action = Begin(CallActionNames.ConnectCall, null, "Connecting");
        return EstablishAsync(action, CallActionNames.ConnectCall, new ConnectCallInput(InstanceId, action.Identity, kind, locator.Id), timeout);
    }

    /// <summary>Records how the flow ended (custom status and log) and returns the outcome to return from the orchestrator.</summary>
    /// <typeparam name="TResult">The flow's result enum.</typeparam>
    /// <param name="result">The flow-specific result.</param>
    /// <param name="succeeded">Whether the flow achieved its purpose.</param>
    /// <param name="call">The call the outcome is about, if any.</param>
    /// <param name="detail">A short explanation.</param>
    /// <param name="cause">The action result that decided a failure, if any.</param>
    /// <returns>The outcome.</returns>
    public CallFlowOutcome Complete<TResult>(TResult result, bool succeeded, CallFlowCall? call = null, string? detail = null, CallFlowActionResult? cause = null)
        where TResult : struct, Enum
    {
        call ??= _currentCall;
        _outcome = new CallFlowOutcome(Name, result.ToString(), succeeded)
        {
            CallConnectionId = call?.CallConnectionId,
            Detail = detail ?? cause?.ToString(),
            ResultCode = cause?.ResultCode,
            ResultSubCode = cause?.ResultSubCode,
            Participants = call?.Participants.Take(MaxStatusParticipants).Select(p => p.Identifier?.RawId ?? string.Empty).ToList() ?? [],
            CompletedAt = _context.CurrentUtcDateTime,
        };
        _state = "Completed";
        Log.FlowCompleted(Logger, Name, InstanceId, _outcome.Result, succeeded, _outcome.Detail);
        PublishStatus();
        return _outcome;
    }

    internal PendingAction Begin(string name, string? callConnectionId, string state)
    {
        _sequence++;
        var identity = CallActionIdentity.Create(InstanceId, _sequence, name, _context.CurrentUtcDateTime);
        var action = new PendingAction(identity, name, callConnectionId);
        _actions[identity.OperationContext] = action;
        _state = state;
        Append(_actionLog, MaxTimelineActions, new CallFlowTimelineEntry(_context.CurrentUtcDateTime, name, "started"));
        Log.ActionStarted(Logger, Name, InstanceId, name, identity.OperationContext);
        PublishStatus();
        return action;
    }

    internal async Task<(T? Output, CallFlowActionResult? Failure)> InvokeAsync<T>(PendingAction action, string activity, object input)
    {
        try
        {
            return (await _context.CallActivityAsync<T>(activity, input, CallActionRetry.Options), null);
        }
        catch (TaskFailedException exception)
        {
            var failure = CallActionFailures.ToResult(exception.FailureDetails);
            Log.ActionRefused(Logger, Name, InstanceId, action.Name, failure.ResultCode, failure.Message);
            return (default, failure);
        }
    }

    internal CallFlowActionResult Finish(PendingAction action, CallFlowActionResult result, string? state = null)
    {
        action.IsOpen = false;
        // Events of a finished action that are still queued (a duplicate terminal event, a late success) are dropped.
        _inbox.RemoveAll(e => e.OperationContext == action.Identity.OperationContext);
        if (state is not null)
        {
            _state = state;
        }

        Append(_actionLog, MaxTimelineActions, new CallFlowTimelineEntry(_context.CurrentUtcDateTime, action.Name, result.ToString()));
        Log.ActionFinished(Logger, Name, InstanceId, action.Name, result.Status, result.ResultCode, result.ResultSubCode);
        PublishStatus();
        return result;
    }

    internal async Task<CallFlowActionResult> AwaitOutcomeAsync(PendingAction action, CallFlowCall call, string successEvent, string failureEvent, TimeSpan timeout, string state)
    {
        var operationContext = action.Identity.OperationContext;
        var wait = await WaitAsync(
            e => e.OperationContext == operationContext && (e.Name == successEvent || e.Name == failureEvent),
            null,
            call,
            timeout);
        var result = wait.Kind switch
        {
            WaitKind.Matched => CallFlowActionResult.FromEvent(
                wait.Envelope!.Name == successEvent ? CallFlowActionStatus.Succeeded : CallFlowActionStatus.Failed, wait.Envelope.ToEvent()),
            WaitKind.Disconnected => call.DisconnectedResult(),
            _ => new CallFlowActionResult(CallFlowActionStatus.TimedOut),
        };
        return Finish(action, result, state);
    }

    internal async Task<WaitOutcome> WaitAsync(Func<CallbackEnvelope, bool>? match, Func<bool>? done, CallFlowCall? call, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        var deadline = _context.CurrentUtcDateTime + timeout;
        using var timerCancellation = new CancellationTokenSource();
        Task? timer = null;
        try
        {
            // Bounded: every pass consumes one raised event or ends the wait (match, done, disconnected, timer fired).
            while (timer is null || !timer.IsCompleted)
            {
                if (match is not null)
                {
                    var index = _inbox.FindIndex(e => match(e));
                    if (index >= 0)
                    {
                        var envelope = _inbox[index];
                        _inbox.RemoveAt(index);
                        return new WaitOutcome(WaitKind.Matched, envelope);
                    }
                }

                if (done?.Invoke() == true)
                {
                    return new WaitOutcome(WaitKind.Done, null);
                }

                if (call?.IsDisconnected == true)
                {
                    return new WaitOutcome(WaitKind.Disconnected, null);
                }

                // The one outstanding event wait of this instance; it is never cancelled (see the class remarks).
                _waiter ??= _context.WaitForExternalEvent<CallbackEnvelope>(CallFlowEvents.CallbackEventName);
                if (!_waiter.IsCompleted)
                {
                    timer ??= _context.CreateTimer(deadline, timerCancellation.Token);
                    var winner = await Task.WhenAny(_waiter, timer);
                    if (winner != _waiter)
                    {
                        return new WaitOutcome(WaitKind.TimedOut, null);
                    }
                }

                var received = await _waiter;
                _waiter = null;
                Accept(received);
            }

            return new WaitOutcome(WaitKind.TimedOut, null);
        }
        finally
        {
            if (timer is { IsCompleted: false })
            {
                timerCancellation.Cancel();
            }
        }
    }

    internal void PublishStatus()
    {
        var call = _currentCall;
        _context.SetCustomStatus(new CallFlowStatus(
            Name,
            _state,
            call?.CallConnectionId,
            call?.State,
            call?.Participants.Take(MaxStatusParticipants).Select(p => p.Identifier?.RawId ?? string.Empty).ToList() ?? [],
            [.. _eventLog],
            [.. _actionLog],
            _outcome));
    }

    private static Dictionary<string, string>? Copy(IReadOnlyDictionary<string, string>? headers) =>
        headers is null || headers.Count == 0 ? null : new Dictionary<string, string>(headers, StringComparer.Ordinal);

    private static string RequireIncomingContext(IncomingCall incomingCall) =>
        string.IsNullOrEmpty(incomingCall.IncomingCallContext)
            ? throw new ArgumentException("The incoming call has no incoming call context.", nameof(incomingCall))
            : incomingCall.IncomingCallContext;

    private static void Append(Queue<CallFlowTimelineEntry> log, int max, CallFlowTimelineEntry entry)
    {
        log.Enqueue(entry);
        while (log.Count > max)
        {
            log.Dequeue();
        }
    }

    private async Task<CallFlowCall> EstablishAsync(PendingAction action, string activity, object input, TimeSpan timeout)
    {
        var (info, failure) = await InvokeAsync<CallConnectionInfo>(action, activity, input);
        if (failure is not null || info is null)
        {
            var refused = Finish(action, failure ?? new CallFlowActionResult(CallFlowActionStatus.Failed) { Message = "No call connection was returned." }, "NotConnected");
            return new CallFlowCall(this, null, null, null, refused);
        }

        var call = new CallFlowCall(this, info.CallConnectionId, info.ServerCallId, info.CorrelationId, null);
        _calls[info.CallConnectionId] = call;
        _currentCall = call;
        var operationContext = action.Identity.OperationContext;
        var wait = await WaitAsync(
            e => EstablishmentEvents.Contains(e.Name)
                && (e.OperationContext == operationContext
                    || ((e.OperationContext is null || !_actions.ContainsKey(e.OperationContext)) && e.CallConnectionId == call.CallConnectionId)),
            null,
            call,
            timeout);
        var result = wait.Kind switch
        {
            WaitKind.Matched => CallFlowActionResult.FromEvent(
                wait.Envelope!.Name == nameof(CallConnected) ? CallFlowActionStatus.Succeeded : CallFlowActionStatus.Failed, wait.Envelope.ToEvent()),
            WaitKind.Disconnected => call.DisconnectedResult(),
            _ => new CallFlowActionResult(CallFlowActionStatus.TimedOut),
        };
        call.SetConnection(result);
        Finish(action, result, result.Succeeded ? "Connected" : "NotConnected");
        return call;
    }

    private void Accept(CallbackEnvelope envelope)
    {
        if (!_seenEventIds.Add(envelope.EventId))
        {
            Log.DuplicateEventDropped(Logger, Name, InstanceId, envelope.EventType, envelope.EventId);
            return;
        }

        Append(_eventLog, MaxTimelineEvents, new CallFlowTimelineEntry(_context.CurrentUtcDateTime, envelope.Name, envelope.OperationContext));
        var call = envelope.CallConnectionId is { } id ? _calls.GetValueOrDefault(id) : null;
        switch (envelope.Name)
        {
            case nameof(ParticipantsUpdated):
                if (call is not null && ToEvent(envelope) is ParticipantsUpdated roster)
                {
                    call.ApplyRoster(roster);
                }

                break;
            case nameof(CallDisconnected):
                call?.MarkDisconnected(ToEvent(envelope));
                break;
            default:
                if (envelope.OperationContext is { } operationContext && _actions.TryGetValue(operationContext, out var action))
                {
                    if (action.IsOpen)
                    {
                        _inbox.Add(envelope);
                    }
                    else
                    {
                        Log.LateEventDropped(Logger, Name, InstanceId, envelope.EventType, action.Name);
                    }
                }
                else if (call is not null && EstablishmentEvents.Contains(envelope.Name) && call.Connection is null)
                {
                    _inbox.Add(envelope);
                }
                else
                {
                    Log.UnmatchedEventIgnored(Logger, Name, InstanceId, envelope.EventType, envelope.OperationContext);
                }

                break;
        }

        PublishStatus();
    }

    private CallAutomationEventBase? ToEvent(CallbackEnvelope envelope)
    {
        try
        {
            return envelope.ToEvent();
        }
        catch (CallAutomationEventFormatException exception)
        {
            Log.MalformedEnvelope(Logger, Name, InstanceId, envelope.EventType, exception.Message);
            return null;
        }
    }
}
