using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CallFlows.CallAutomation;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime;

/// <summary>
/// What a flow works with: answer, place or join calls, wait on durable time, call its own activities. The runtime
/// creates it for each run of a registered flow (<see cref="InboundCallFlow{TSettings, TResult}"/>,
/// <see cref="OutboundCallFlow{TInput, TResult}"/>) and rebuilds it identically on replay.
/// </summary>
/// <remarks>
/// Under it: one activity per action with a deterministic repeatability pair; ACS callback events arrive under one
/// external event name and are read through exactly one outstanding wait, which is never cancelled (a timed-out wait
/// only abandons its durable timer, and the open wait serves the next one); events are parsed once, matched to actions
/// by operation context, de-duplicated by CloudEvent id; <c>ParticipantsUpdated</c> updates the roster (highest sequence
/// number wins) and <c>CallDisconnected</c> ends every pending and later wait or action of its call with
/// <see cref="CallEndedException"/>. The orchestration context itself is not exposed: a second event waiter would
/// break the one-waiter rule.
/// </remarks>
[SuppressMessage("Reliability", "DURABLE0010", Justification = "Logger is the instance's context.CreateReplaySafeLogger(...) logger; the analyzer cannot see that through the property.")]
public sealed class CallFlowContext
{
    /// <summary>
    /// How long set-up waits, after a <c>CallDisconnected</c> that came first, for the call's <c>CallConnected</c> (events may
    /// arrive out of order). 20 s: after a worker crash the <c>CallConnected</c> it had dequeued stays invisible for the
    /// 15 s queue visibility timeout of the shipped <c>host.json</c>, while the later <c>CallDisconnected</c> reaches the new
    /// worker at once (a 3 s grace ended connected calls "NotConnected" in chaos runs). Only a call that ended with no
    /// set-up event at all waits that long, and nobody is on it any more.
    /// </summary>
    internal static readonly TimeSpan EstablishmentGrace = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a flow whose call the webhook answered on arrival waits for that answer's <c>CallConnected</c> before it
    /// sends the answer itself (at most half the answer timeout).
    /// </summary>
    internal static readonly TimeSpan ArrivalGrace = TimeSpan.FromSeconds(5);

    /// <summary>The event type the webhook raises into the flow when its answer on arrival failed (the flow then answers at once).</summary>
    internal const string AnswerOnArrivalFailedEvent = "CallFlows.AnswerOnArrivalFailed";

    /// <summary>Attempts per call action when ACS is unavailable (network, 408, 429, 5xx), the first included.</summary>
    internal const int MaxAttempts = 4;

    private const int MaxTimelineEvents = 10;
    private const int MaxTimelineActions = 20;

    // A large meeting's roster would blow the 16 KB custom status; the status shows the first ones, the flow has all.
    private const int MaxStatusParticipants = 50;

    private static readonly JsonSerializerOptions EnvelopeOptions = new(JsonSerializerDefaults.Web);

    private static readonly HashSet<string> EstablishmentEvents = new(StringComparer.Ordinal)
    {
        nameof(CallConnected), nameof(AnswerFailed), nameof(CreateCallFailed), nameof(ConnectFailed),
    };

    private readonly TaskOrchestrationContext _context;
    private readonly List<ReceivedEvent> _inbox = [];
    private readonly HashSet<string> _seenEventIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingAction> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallFlowCall> _calls = new(StringComparer.Ordinal);
    private readonly Queue<CallFlowTimelineEntry> _eventLog = new();
    private readonly Queue<CallFlowTimelineEntry> _actionLog = new();
    private readonly Dictionary<string, RecordingFile> _recordingFiles = new(StringComparer.Ordinal);

    // Durable timers of finished waits that have not fired yet (history version 1): a later wait with a deadline no
    // earlier than one of them waits on it first instead of creating a timer.
    private readonly List<SpareTimer> _spareTimers = [];

    private Task<JsonElement>? _waiter;

    // While the flow waits for the answer the webhook sent on its behalf there is no call object yet: the call's roster,
    // its end and its tones are held here and applied in order once the call is known.
    private List<ReceivedEvent>? _heldForCall;

    private int _sequence;
    private string _state = "Started";
    private CallFlowCall? _currentCall;
    private CallFlowOutcome? _outcome;

    internal CallFlowContext(TaskOrchestrationContext context)
    {
        _context = context;
        Name = context.Name.Name;
        Logger = context.CreateReplaySafeLogger("CallFlows.Flows." + Name);
        StartedAt = context.CurrentUtcDateTime;
        PublishStatus();
    }

    /// <summary>The orchestration time of the flow's first step (the same on every replay).</summary>
    internal DateTime StartedAt { get; }

    /// <summary>The flow (orchestrator function) name.</summary>
    public string Name { get; }

    /// <summary>The orchestration instance id.</summary>
    public string InstanceId => _context.InstanceId;

    /// <summary>A replay-safe logger for flow code.</summary>
    public ILogger Logger { get; }

    /// <summary>The deterministic orchestration time (UTC); use it instead of <c>DateTime.UtcNow</c>.</summary>
    public DateTime CurrentUtcDateTime => _context.CurrentUtcDateTime;

    /// <summary>The call the flow set up last, if any.</summary>
    public CallFlowCall? Call => _currentCall;

    /// <summary>The last call action that failed, if any (the runtime reports it in the outcome of a flow that did not succeed).</summary>
    public CallActionFailure? LastFailure { get; private set; }

    internal string? OutcomeDetail { get; private set; }

    /// <summary>When the webhook answered this flow's call on its behalf (see <see cref="CallFlowAttribute.AnswerOnArrival"/>), from the input.</summary>
    internal DateTimeOffset? AnsweredOnArrivalAt { get; set; }

    /// <summary>The call's root span id (see <see cref="Telemetry.CallTraceContext"/>), from the input; every action carries it.</summary>
    internal string? RootSpanId { get; set; }

    /// <summary>The history layout of this instance (see <see cref="Protocol.InboundFlowInput{TSettings}.HistoryVersion"/>); 0 for outbound flows.</summary>
    internal int HistoryVersion { get; set; }

    internal CallActionFailure? OutcomeCause { get; private set; }

    internal IEnumerable<CallFlowCall> Calls => _calls.Values;

    /// <summary>A deterministic new GUID (replay-safe).</summary>
    /// <returns>The GUID.</returns>
    public Guid NewGuid() => _context.NewGuid();

    /// <summary>Adds a sentence to the outcome people read (e.g. which agent answered) and, optionally, the failure behind it.</summary>
    /// <param name="detail">The sentence.</param>
    /// <param name="cause">The failure that decided the outcome, if any.</param>
    public void SetOutcomeDetail(string detail, CallActionFailure? cause = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        OutcomeDetail = detail;
        OutcomeCause = cause ?? OutcomeCause;
    }

    /// <summary>Waits on durable time while the call's events keep being processed (the roster stays current).</summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>A task that completes after the delay.</returns>
    public async Task DelayAsync(TimeSpan delay) => await WaitAsync(null, null, null, delay);

    /// <summary>Calls one of the app's own activities (e.g. a CRM lookup); activities may do I/O, flows may not.</summary>
    /// <typeparam name="TResult">The activity's result type.</typeparam>
    /// <param name="name">The activity (function) name.</param>
    /// <param name="input">The activity input.</param>
    /// <param name="options">Retry options; null for none.</param>
    /// <returns>The activity's result.</returns>
    public Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null) =>
        _context.CallActivityAsync<TResult>(new TaskName(name), input, options);

    /// <summary>Answers an incoming call and waits until it is connected.</summary>
    /// <param name="incomingCall">The call from the IncomingCall event.</param>
    /// <param name="options">The connect timeout (15 s by default).</param>
    /// <returns>The connected call.</returns>
    /// <exception cref="CallNotConnectedException">ACS refused, <c>AnswerFailed</c>, the caller hung up first, or no <c>CallConnected</c> in time (the call was hung up).</exception>
    public Task<CallFlowCall> AnswerAsync(IncomingCall incomingCall, AnswerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        var incomingContext = RequireIncomingContext(incomingCall);
        options ??= new AnswerOptions();
        return EstablishAsync(CallActionNames.AnswerCall, "Answering", identity => new AnswerCallInput(InstanceId, identity, incomingContext), options.Timeout, forEveryone: true, peer: incomingCall.From);
    }

    /// <summary>Rejects an incoming call (ACS sends no events for a reject).</summary>
    /// <param name="incomingCall">The call from the IncomingCall event.</param>
    /// <param name="reason">Why the call is rejected.</param>
    /// <returns>Succeeded, or Failed with ACS's refusal.</returns>
    public Task<CallActionResult> RejectAsync(IncomingCall incomingCall, CallRejectReason reason)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        var incomingContext = RequireIncomingContext(incomingCall);
        return RunActionAsync(CallActionNames.RejectCall, null, "Rejecting", identity => new RejectCallInput(identity, incomingContext, reason), null, null, TimeSpan.Zero, "Rejected");
    }

    /// <summary>Redirects an incoming call to another target (ACS sends no events for a redirect).</summary>
    /// <param name="incomingCall">The call from the IncomingCall event.</param>
    /// <param name="target">Where to redirect the call.</param>
    /// <returns>Succeeded, or Failed with ACS's refusal.</returns>
    public Task<CallActionResult> RedirectAsync(IncomingCall incomingCall, CommunicationIdentifier target)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        ArgumentNullException.ThrowIfNull(target);
        var incomingContext = RequireIncomingContext(incomingCall);
        return RunActionAsync(CallActionNames.RedirectCall, null, "Redirecting", identity => new RedirectCallInput(identity, incomingContext, target.RawId), null, null, TimeSpan.Zero, "Redirected");
    }

    /// <summary>Places a 1:1 call and waits until it is connected.</summary>
    /// <param name="target">Whom to call (a phone number needs <see cref="CreateCallFlowOptions.CallerId"/>).</param>
    /// <param name="options">Caller id, display name, custom headers, timeout (60 s by default).</param>
    /// <returns>The connected call.</returns>
    /// <exception cref="CallNotConnectedException">ACS refused, <c>CreateCallFailed</c>, not answered, or no <c>CallConnected</c> in time (the call was hung up).</exception>
    public Task<CallFlowCall> CreateCallAsync(CommunicationIdentifier target, CreateCallFlowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        options ??= new CreateCallFlowOptions();
        var (sip, voip) = CallActionMapping.Headers(options.CustomCallingContext);
        var callerId = options.CallerId?.RawId;
        var displayName = options.DisplayName;
        return EstablishAsync(CallActionNames.CreateCall, "Calling",
            identity => new CreateCallInput(InstanceId, identity, target.RawId, callerId, displayName, sip, voip), options.Timeout, forEveryone: true, peer: target);
    }

    /// <summary>Places one call to several targets and waits until it is connected.</summary>
    /// <param name="targets">Whom to call (PSTN and VoIP).</param>
    /// <param name="options">Caller id, display name, timeout (60 s by default).</param>
    /// <returns>The connected call.</returns>
    /// <exception cref="ArgumentException">No target.</exception>
    /// <exception cref="CallNotConnectedException">The call did not connect.</exception>
    public Task<CallFlowCall> CreateGroupCallAsync(IEnumerable<CommunicationIdentifier> targets, CreateCallFlowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var rawIds = targets.Select(t => t.RawId).ToList();
        if (rawIds.Count == 0)
        {
            throw new ArgumentException("A group call needs at least one target.", nameof(targets));
        }

        options ??= new CreateCallFlowOptions();
        var callerId = options.CallerId?.RawId;
        var displayName = options.DisplayName;
        return EstablishAsync(CallActionNames.CreateGroupCall, "Calling",
            identity => new CreateGroupCallInput(InstanceId, identity, rawIds, callerId, displayName), options.Timeout, forEveryone: true);
    }

    /// <summary>Joins an existing call (server call, group call or room) and waits until connected.</summary>
    /// <param name="locator">The call to join.</param>
    /// <param name="options">The timeout (60 s by default).</param>
    /// <returns>The connected call.</returns>
    /// <exception cref="CallNotConnectedException">The call could not be joined (the app left again if it timed out).</exception>
    public Task<CallFlowCall> ConnectAsync(CallLocator locator, ConnectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(locator);
        var (kind, id) = CallActionMapping.Locator(locator);
        options ??= new ConnectOptions();
        return EstablishAsync(CallActionNames.ConnectCall, "Connecting", identity => new ConnectCallInput(InstanceId, identity, kind, id), options.Timeout, forEveryone: false);
    }

    /// <summary>
    /// The one skeleton behind every action: ends with <see cref="CallEndedException"/> on a call that already ended,
    /// sends the activity (retrying an unavailable service with the same repeatability pair), reads a 404 on a call as
    /// "the call is gone", then waits for the success or failure event, if the action has one.
    /// </summary>
    internal async Task<CallActionResult> RunActionAsync(
        string name, CallFlowCall? call, string state, Func<CallActionIdentity, object> input,
        string? successEvent, string? failureEvent, TimeSpan timeout, string finalState, Action<CallActionOutput>? accepted = null, string? canceledEvent = null,
        bool successEndsCall = false)
    {
        call?.ThrowIfEnded();
        var action = Begin(name, state);
        var output = await SendAsync(action, input(action.Identity), call);
        if (output.Failure is { } failure)
        {
            if (call is not null && failure.HttpStatus == 404)
            {
                // The request raced the end of the call (the caller hung up while an invitation rang): the call is gone.
                call.MarkEnded(null);
                Finish(action, new CallActionResult(CallActionStatus.Failed, failure), "Disconnected");
                throw call.EndedException();
            }

            Log.ActionRefused(Logger, Name, InstanceId, name, failure.Describe());
            return Finish(action, new CallActionResult(CallActionStatus.Failed, failure), finalState);
        }

        accepted?.Invoke(output);
        if (successEvent is null)
        {
            return Finish(action, new CallActionResult(CallActionStatus.Succeeded), finalState);
        }

        var operationContext = action.Identity.OperationContext;
        bool IsResult(ReceivedEvent e) => e.OperationContext == operationContext && (e.Name == successEvent || e.Name == failureEvent || (canceledEvent is not null && e.Name == canceledEvent));
        var wait = await WaitAsync(IsResult, null, call, timeout);
        if (wait.Kind == WaitKind.Ended && successEndsCall && HistoryVersion >= 2)
        {
            // Order independence: an action whose success takes the app out of the call (a 1:1 transfer) is followed by
            // the call's CallDisconnected, which can be delivered first (after a restart, or through another instance of
            // a scaled-out app). Its own result decides, when it follows within the grace.
            wait = await WaitAsync(IsResult, null, null, EstablishmentGrace);
            if (wait.Kind != WaitKind.Matched)
            {
                wait = new WaitOutcome(WaitKind.Ended, null);
            }
        }

        switch (wait.Kind)
        {
            case WaitKind.Matched:
                var received = wait.Received!;
                return Finish(action, received.Name == successEvent
                    ? new CallActionResult(CallActionStatus.Succeeded, null, received.Event)
                    : new CallActionResult(CallActionStatus.Failed, CallActionFailure.FromEvent(received.Event), received.Event), finalState);
            case WaitKind.Ended:
                Finish(action, new CallActionResult(CallActionStatus.Failed, new CallActionFailure(CallActionFailureKind.Failed, "The call ended.")), "Disconnected");
                throw call!.EndedException();
            default:
                return Finish(action, new CallActionResult(CallActionStatus.TimedOut), finalState);
        }
    }

    internal async Task<CallActionResult> HangUpAsync(CallFlowCall call, bool forEveryone, TimeSpan timeout)
    {
        if (call.HasEnded)
        {
            return new CallActionResult(CallActionStatus.Succeeded, null, call.EndedEvent);
        }

        var action = Begin(CallActionNames.HangUp, "HangingUp");
        var output = await SendAsync(action, new HangUpInput(action.Identity, call.CallConnectionId, forEveryone), null);
        if (output.Failure is { HttpStatus: 404 })
        {
            // DELETE has no repeatability: a re-executed hang-up finds the call gone, which is the goal.
            call.MarkEnded(null);
            return Finish(action, new CallActionResult(CallActionStatus.Succeeded), "Disconnected");
        }

        if (output.Failure is { } failure)
        {
            return Finish(action, new CallActionResult(CallActionStatus.Failed, failure), null);
        }

        var wait = await WaitAsync(null, null, call, timeout);
        return wait.Kind == WaitKind.Ended
            ? Finish(action, new CallActionResult(CallActionStatus.Succeeded, null, call.EndedEvent), "Disconnected")
            : Finish(action, new CallActionResult(CallActionStatus.TimedOut), null);
    }

    /// <summary>Waits for a condition over the call's state, or the call's end, or the timeout.</summary>
    internal async Task<WaitKind> WaitForConditionAsync(CallFlowCall call, Func<bool> condition, TimeSpan timeout) =>
        (await WaitAsync(null, condition, call, timeout)).Kind;

    /// <summary>Starts the index entry naming this instance as the recorder of a server call (see <see cref="RecordingOwner"/>).</summary>
    internal async Task IndexRecordingOwnerAsync(string serverCallId)
    {
        try
        {
            await _context.CallSubOrchestratorAsync<string>(new TaskName(CallActionNames.RecordingOwner), new RecordingOwner(InstanceId, serverCallId),
                new SubOrchestrationOptions { InstanceId = RecordingOwner.IndexInstanceId(serverCallId) });
        }
        catch (TaskFailedException exception)
        {
            // Another instance already records this server call (e.g. two apps in one group call): its files go there.
            Log.RecordingOwnerNotIndexed(Logger, Name, InstanceId, serverCallId, exception.Message);
        }
    }

    /// <summary>Waits for the <c>RecordingFileStatusUpdated</c> of a server call (never ends with the call: files come after it).</summary>
    internal async Task<RecordingFile?> WaitForRecordingFileAsync(string serverCallId, TimeSpan timeout)
    {
        if (!_recordingFiles.ContainsKey(serverCallId))
        {
            await WaitAsync(null, () => _recordingFiles.ContainsKey(serverCallId), null, timeout);
        }

        return _recordingFiles.Remove(serverCallId, out var file) ? file : null;
    }

    internal void Complete(CallFlowOutcome outcome)
    {
        CancelSpareTimers();
        _outcome = outcome;
        _state = "Completed";
        Log.FlowCompleted(Logger, Name, InstanceId, outcome.Result, outcome.Succeeded, outcome.Description);
        PublishStatus();
    }

    internal async Task EndAbandonedCallsAsync(Exception exception)
    {
        foreach (var call in _calls.Values.Where(c => !c.HasEnded).ToList())
        {
            Log.FlowThrewWithCallConnected(Logger, Name, InstanceId, call.CallConnectionId, exception.GetType().Name, exception.Message);
            var action = Begin(CallActionNames.EndAbandonedCall, "EndingAbandonedCall");
            var cause = exception.GetType().FullName + ": " + exception.Message;
            var output = await SendAsync(action, new EndAbandonedCallInput(action.Identity, call.CallConnectionId, Name, InstanceId, cause), null);
            Finish(action, output.Failure is { } failure ? new CallActionResult(CallActionStatus.Failed, failure) : new CallActionResult(CallActionStatus.Succeeded), "Failed");
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

    private PendingAction Begin(string name, string state)
    {
        _sequence++;
        var identity = CallActionIdentity.Create(InstanceId, _sequence, name, _context.CurrentUtcDateTime) with { RootSpanId = RootSpanId };
        if (_sequence == 1 && AnsweredOnArrivalAt is { } answeredAt)
        {
            // The webhook already sent this flow's first action (the answer): repeat that very request, first-sent time
            // and callback URL included, so ACS replays its result instead of answering twice.
            identity = name == CallActionNames.AnswerCall
                ? CallActionIdentity.ForAnswerOnArrival(InstanceId, answeredAt, RootSpanId)
                : throw new InvalidOperationException($"Flow {Name} is marked [CallFlow(AnswerOnArrival = true)], so the webhook answered its call, but its first call action is {name}, not AnswerAsync.");
        }

        var action = new PendingAction(identity, name);
        _actions[identity.OperationContext] = action;
        _state = state;
        Append(_actionLog, MaxTimelineActions, new CallFlowTimelineEntry(_context.CurrentUtcDateTime, name, "started"));
        Log.ActionStarted(Logger, Name, InstanceId, name, identity.OperationContext);
        PublishStatus();
        return action;
    }

    /// <summary>Sends the action's activity; an unavailable service is retried with backoff (1, 2, 4 s) under the same identity.</summary>
    private async Task<CallActionOutput> SendAsync(PendingAction action, object input, CallFlowCall? call)
    {
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            CallActionOutput output;
            try
            {
                output = await _context.CallActivityAsync<CallActionOutput>(new TaskName(action.Name), input) ?? CallActionOutput.Accepted;
            }
            catch (TaskFailedException exception)
            {
                // An activity that threw (an invalid request, a host failure): the failure details are the data.
                output = new CallActionOutput(new CallActionFailure(CallActionFailureKind.Unavailable, exception.FailureDetails?.ErrorMessage ?? exception.Message));
                return output;
            }

            if (output.OperationContext is { } answered && answered != action.Identity.OperationContext && attempt < MaxAttempts)
            {
                // A completion of an activity scheduled by an episode that a crash lost, matched to this action by its task
                // id: not this action's result. The same request again is performed once (repeatability) or replayed.
                Log.StaleActionResult(Logger, Name, InstanceId, action.Name, action.Identity.OperationContext, answered);
                continue;
            }

            if (output.Failure is not { Kind: CallActionFailureKind.Unavailable } unavailable || attempt >= MaxAttempts)
            {
                return output;
            }

            Log.ActionRetrying(Logger, Name, InstanceId, action.Name, unavailable.Describe(), attempt, delay);
            if ((await WaitAsync(null, null, call, delay)).Kind == WaitKind.Ended)
            {
                return output;
            }

            delay *= 2;
        }
    }

    private CallActionResult Finish(PendingAction action, CallActionResult result, string? state)
    {
        action.IsOpen = false;
        // Events of a finished action that are still queued (a duplicate terminal event, a late success) are dropped.
        _inbox.RemoveAll(e => e.OperationContext == action.Identity.OperationContext);
        if (state is not null)
        {
            _state = state;
        }

        if (result.Failure is { } failure)
        {
            LastFailure = failure;
        }

        // Timeline lines lead with the status (people scan for it), then the failure in a sentence.
        var described = result.Failure is { } why ? $"{result.Status}: {why.Describe()}" : result.Status.ToString();
        Append(_actionLog, MaxTimelineActions, new CallFlowTimelineEntry(_context.CurrentUtcDateTime, action.Name, described));
        Log.ActionFinished(Logger, Name, InstanceId, action.Name, described);
        PublishStatus();
        return result;
    }

    private async Task<CallFlowCall> EstablishAsync(string name, string state, Func<CallActionIdentity, object> input, TimeSpan timeout, bool forEveryone, CommunicationIdentifier? peer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var action = Begin(name, state);
        var operationContext = action.Identity.OperationContext;
        CallFlowCall? call = null;
        WaitOutcome? arrived = null;
        if (_sequence == 1 && AnsweredOnArrivalAt is not null && HistoryVersion >= 1)
        {
            // The webhook sent this very answer when the call arrived: its CallConnected (or AnswerFailed) carries this
            // action's operation context and the call's ids, so the answer activity (a queue round trip and an episode)
            // is skipped. When none comes within the grace, or the webhook reports that its answer failed, the flow
            // sends the same request itself and ACS performs it, or replays the webhook's answer.
            var grace = timeout / 2 < ArrivalGrace ? timeout / 2 : ArrivalGrace;
            _heldForCall = [];
            var first = await WaitAsync(e => e.OperationContext == operationContext
                && ((EstablishmentEvents.Contains(e.Name) && !string.IsNullOrEmpty(e.CallConnectionId)) || e.Name == AnswerOnArrivalFailedEvent), null, null, grace);
            if (first.Kind == WaitKind.Matched && first.Received!.Name != AnswerOnArrivalFailedEvent)
            {
                var connected = first.Received.Event;
                call = Track(new CallFlowCall(this, connected.CallConnectionId!, connected.ServerCallId, connected.CorrelationId) { Peer = peer });
                arrived = first;
            }
            else
            {
                Log.AnswerOnArrivalNotSeen(Logger, Name, InstanceId, first.Kind == WaitKind.Matched ? "the webhook's answer failed" : $"none within {grace.TotalSeconds:0.#} s");
                timeout -= grace;
            }
        }

        if (call is null)
        {
            var output = await SendAsync(action, input(action.Identity), null);
            if (output.Failure is not null || output.Connection is null)
            {
                _heldForCall = null;
                var failure = output.Failure ?? new CallActionFailure(CallActionFailureKind.Unavailable, "No call connection was returned.");
                Finish(action, new CallActionResult(CallActionStatus.Failed, failure), "NotConnected");
                throw new CallNotConnectedException(CallNotConnectedReason.Failed, failure, null);
            }

            var info = output.Connection;
            call = Track(new CallFlowCall(this, info.CallConnectionId, info.ServerCallId, info.CorrelationId) { Peer = peer });
        }

        var established = call;
        bool IsEstablishment(ReceivedEvent e) => EstablishmentEvents.Contains(e.Name)
            && (e.OperationContext == operationContext
                || ((e.OperationContext is null || !_actions.ContainsKey(e.OperationContext)) && e.CallConnectionId == established.CallConnectionId));

        var wait = arrived ?? await WaitAsync(IsEstablishment, null, call, timeout);
        if (wait.Kind == WaitKind.Ended)
        {
            // Order independence: after a restart CallDisconnected can be delivered before the CallConnected that
            // preceded it. A call that connected and then ended is a connected call whose end the flow sees next.
            wait = await WaitAsync(IsEstablishment, null, null, EstablishmentGrace);
            if (wait.Kind != WaitKind.Matched)
            {
                Finish(action, new CallActionResult(CallActionStatus.Failed, new CallActionFailure(CallActionFailureKind.Failed, "The call ended before it connected.")), "NotConnected");
                throw new CallNotConnectedException(CallNotConnectedReason.Ended, null, call.CallConnectionId);
            }
        }

        if (wait.Kind == WaitKind.Matched)
        {
            var received = wait.Received!;
            if (received.Name == nameof(CallConnected))
            {
                call.MarkConnected();
                Finish(action, new CallActionResult(CallActionStatus.Succeeded, null, received.Event), call.HasEnded ? "Disconnected" : "Connected");
                return call;
            }

            var failure = CallActionFailure.FromEvent(received.Event);
            call.MarkEnded(null);
            Finish(action, new CallActionResult(CallActionStatus.Failed, failure, received.Event), "NotConnected");
            throw new CallNotConnectedException(CallNotConnectedReason.Failed, failure, call.CallConnectionId);
        }

        Finish(action, new CallActionResult(CallActionStatus.TimedOut), "NotConnected");
        // ACS may still be ringing or connecting the call: end it so nobody is left on a call without a flow.
        await HangUpAsync(call, forEveryone, TimeSpan.FromSeconds(30));
        throw new CallNotConnectedException(CallNotConnectedReason.TimedOut, null, call.CallConnectionId);
    }

    /// <summary>Makes the call the flow's current call and applies the call's events held while it was not known yet.</summary>
    private CallFlowCall Track(CallFlowCall call)
    {
        _calls[call.CallConnectionId] = call;
        _currentCall = call;
        if (_heldForCall is { } held)
        {
            _heldForCall = null;
            foreach (var received in held)
            {
                if (received.CallConnectionId == call.CallConnectionId)
                {
                    if (!ApplyToCall(received.Event, call))
                    {
                        _inbox.Add(received);
                    }
                }
                else
                {
                    Log.UnmatchedEventIgnored(Logger, Name, InstanceId, received.Event.EventType ?? received.Name, received.OperationContext);
                }
            }
        }

        return call;
    }

    /// <summary>Applies an event that changes a call's own state (roster, end, tones); false for every other event.</summary>
    private static bool ApplyToCall(CallAutomationEventBase parsed, CallFlowCall? call)
    {
        switch (parsed)
        {
            case ParticipantsUpdated roster:
                call?.ApplyRoster(roster);
                return true;
            case CallDisconnected:
                call?.MarkEnded(parsed);
                return true;
            case ContinuousDtmfRecognitionToneReceived tone:
                call?.EnqueueTone(tone);
                return true;
            default:
                return false;
        }
    }

    private async Task<WaitOutcome> WaitAsync(Func<ReceivedEvent, bool>? match, Func<bool>? done, CallFlowCall? call, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        var deadline = _context.CurrentUtcDateTime + timeout;
        SpareTimer? timer = null;
        try
        {
            // Bounded: every pass consumes one raised event or ends the wait (match, done, ended, timer fired).
            while (true)
            {
                if (timer is { Task.IsCompleted: true })
                {
                    timer.Cancellation.Dispose();
                    if (timer.FiresAt >= deadline)
                    {
                        return new WaitOutcome(WaitKind.TimedOut, null);
                    }

                    // An earlier wait's timer woke this one before its deadline: a timer of its own for the rest.
                    timer = null;
                }

                if (match is not null)
                {
                    var index = _inbox.FindIndex(e => match(e));
                    if (index >= 0)
                    {
                        var received = _inbox[index];
                        _inbox.RemoveAt(index);
                        return new WaitOutcome(WaitKind.Matched, received);
                    }
                }

                if (done?.Invoke() == true)
                {
                    return new WaitOutcome(WaitKind.Done, null);
                }

                if (call?.HasEnded == true)
                {
                    return new WaitOutcome(WaitKind.Ended, null);
                }

                // The one outstanding event wait of this instance; it is never cancelled (see the class remarks).
                _waiter ??= _context.WaitForExternalEvent<JsonElement>(CallFlowEvents.CallbackEventName);
                if (!_waiter.IsCompleted)
                {
                    if (timer is null)
                    {
                        var cancellation = new CancellationTokenSource();
                        timer = TakeSpareTimer(deadline) ?? new SpareTimer(_context.CreateTimer(deadline, cancellation.Token), deadline, cancellation);
                    }

                    if (await Task.WhenAny(_waiter, timer.Task) != _waiter)
                    {
                        continue;
                    }
                }

                var raw = await _waiter;
                _waiter = null;
                Accept(raw);
            }
        }
        finally
        {
            if (timer is { Task.IsCompleted: false })
            {
                if (HistoryVersion >= 1)
                {
                    // A durable timer cannot be withdrawn: it fires whether or not anyone waits. Kept, it can wake a
                    // later wait whose deadline is not earlier, which then needs no timer of its own (a queue message,
                    // a history row and a firing saved per wait that ends before the kept timer). The flow cancels the
                    // kept ones when it ends (an orchestration with a pending timer would not complete before it fired).
                    _spareTimers.Add(timer);
                }
                else
                {
                    timer.Cancellation.Cancel();
                    timer.Cancellation.Dispose();
                }
            }
            else
            {
                timer?.Cancellation.Dispose();
            }
        }
    }

    /// <summary>Cancels the timers kept from finished waits, so the orchestration completes when the flow does.</summary>
    internal void CancelSpareTimers()
    {
        foreach (var spare in _spareTimers)
        {
            spare.Cancellation.Cancel();
            spare.Cancellation.Dispose();
        }

        _spareTimers.Clear();
    }

    /// <summary>The pending timer of an earlier wait that fires last but not after <paramref name="deadline"/>, if any (taken out of the spares).</summary>
    private SpareTimer? TakeSpareTimer(DateTime deadline)
    {
        _spareTimers.RemoveAll(t => t.Task.IsCompleted);
        var best = -1;
        for (var i = 0; i < _spareTimers.Count; i++)
        {
            if (_spareTimers[i].FiresAt <= deadline && (best < 0 || _spareTimers[i].FiresAt > _spareTimers[best].FiresAt))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return null;
        }

        var spare = _spareTimers[best];
        _spareTimers.RemoveAt(best);
        return spare;
    }

    private void Accept(JsonElement raw)
    {
        // Events the runtime raises to itself are still input: anyone with the management API can raise one.
        if (raw.ValueKind != JsonValueKind.Object)
        {
            Log.MalformedSelfEvent(Logger, Name, InstanceId, CallFlowEvents.CallbackEventName, $"a JSON {raw.ValueKind}, not an object");
            return;
        }

        CallbackEnvelope? envelope;
        try
        {
            envelope = raw.Deserialize<CallbackEnvelope>(EnvelopeOptions);
        }
        catch (JsonException exception)
        {
            Log.MalformedSelfEvent(Logger, Name, InstanceId, CallFlowEvents.CallbackEventName, exception.Message);
            return;
        }

        if (envelope is null || string.IsNullOrEmpty(envelope.EventId) || string.IsNullOrEmpty(envelope.EventType))
        {
            Log.MalformedSelfEvent(Logger, Name, InstanceId, CallFlowEvents.CallbackEventName, "no eventId or eventType");
            return;
        }

        if (!_seenEventIds.Add(envelope.EventId))
        {
            Log.DuplicateEventDropped(Logger, Name, InstanceId, envelope.EventType, envelope.EventId);
            return;
        }

        CallAutomationEventBase parsed;
        try
        {
            parsed = envelope.ToEvent();
        }
        catch (CallAutomationEventFormatException exception)
        {
            Log.MalformedEnvelope(Logger, Name, InstanceId, envelope.EventType, exception.Message);
            return;
        }

        Telemetry.FlowTelemetry.Resumed(_context, envelope);
        var received = new ReceivedEvent(envelope.Name, envelope.OperationContext, envelope.CallConnectionId, parsed);
        Append(_eventLog, MaxTimelineEvents, new CallFlowTimelineEntry(_context.CurrentUtcDateTime, received.Name, received.OperationContext));
        var call = received.CallConnectionId is { } id ? _calls.GetValueOrDefault(id) : null;
        if (call is null && _heldForCall is { } held && received.CallConnectionId is not null
            && (parsed is ParticipantsUpdated or CallDisconnected or ContinuousDtmfRecognitionToneReceived
                || (EstablishmentEvents.Contains(received.Name) && (received.OperationContext is null || !_actions.ContainsKey(received.OperationContext)))))
        {
            // A call's own event before its answer told the flow which call it is (or a CallConnected without the answer's
            // operation context): applied, or offered to the establishment wait, once the call is known.
            held.Add(received);
            PublishStatus();
            return;
        }

        switch (parsed)
        {
            case ParticipantsUpdated or CallDisconnected or ContinuousDtmfRecognitionToneReceived:
                ApplyToCall(parsed, call);
                break;
            case UnknownCallAutomationEvent when received.Name == RecordingFileEvents.Name:
                if (RecordingFileEvents.Read(envelope) is { } file)
                {
                    _recordingFiles[file.ServerCallId] = file.File;
                }
                else
                {
                    Log.MalformedEnvelope(Logger, Name, InstanceId, envelope.EventType, "no server call id or recording chunk");
                }

                break;
            default:
                if (received.OperationContext is { } operationContext && _actions.TryGetValue(operationContext, out var action))
                {
                    if (action.IsOpen)
                    {
                        _inbox.Add(received);
                    }
                    else
                    {
                        Log.LateEventDropped(Logger, Name, InstanceId, envelope.EventType, action.Name);
                    }
                }
                else if (call is not null && EstablishmentEvents.Contains(received.Name) && !call.IsEstablished)
                {
                    _inbox.Add(received);
                }
                else
                {
                    Log.UnmatchedEventIgnored(Logger, Name, InstanceId, envelope.EventType, received.OperationContext);
                }

                break;
        }

        PublishStatus();
    }

    /// <summary>A durable timer with the deadline it fires at and the source that cancels it.</summary>
    private sealed record SpareTimer(Task Task, DateTime FiresAt, CancellationTokenSource Cancellation);
}
