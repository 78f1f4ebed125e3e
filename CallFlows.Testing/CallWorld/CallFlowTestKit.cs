using CallFlows.CallAutomation;
using CallFlows.Runtime;
using CallFlows.Runtime.Protocol;
using CallFlows.Testing.Orchestrations;

namespace CallFlows.Testing.CallWorld;

/// <summary>
/// Tests a call flow's decisions against a simulated ACS on virtual time: phones that answer, decline (603), are busy
/// (486), never answer or hang up after a while; actions ACS refuses, fails transiently or never calls back for. The
/// flow's own orchestrator function runs on <see cref="OrchestrationDriver"/> (with its replay check), its activities
/// answered as ACS answers them, so a flow with 30 s and 15-minute timeouts is tested in milliseconds.
/// </summary>
/// <example>
/// <code>
/// var kit = CallFlowTestKit.For(new SupportLine(), new SupportLineSettings { AgentOnDuty = "8:acs:agent", VoicemailLine = "4:+18005550199" });
/// var caller = kit.Phone("+15550001000");
/// kit.Phone("8:acs:agent").NeverAnswers();
/// kit.Phone("+18005550199");
///
/// var outcome = kit.PlaceCall(caller, "+18005550123").RunToEnd();    // a 20 s ring in microseconds
///
/// outcome.Result.Should().Be(SupportLineResult.Voicemail);
/// outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "TransferCall");
/// </code>
/// </example>
public abstract class CallFlowTestKit
{
    private readonly Dictionary<string, TestPhone> _phones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Status, string? ErrorCode, string Message)> _refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _silent = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _transientFailures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<ActivityCall, ActivityResult>> _activities = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ExistingCall> _existingCalls = [];

    private protected CallFlowTestKit(Type flowType, OrchestrationDriverOptions? options)
    {
        Orchestrator = FlowOrchestrator.Of(flowType);
        Options = options ?? new OrchestrationDriverOptions();
    }

    /// <summary>The flow's name (its orchestrator function's name).</summary>
    public string FlowName => Orchestrator.Name;

    /// <summary>How the driver runs the flow; the replay check is on by default (<see cref="OrchestrationDriverOptions.CheckReplay"/>).</summary>
    public OrchestrationDriverOptions Options { get; }

    /// <summary>How long ACS takes to answer a REST request (the activity's duration). Default 20 ms.</summary>
    public TimeSpan ResponseTime { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long after the response an action's own callbacks come (the emulator's connect delay). Default 50 ms.</summary>
    public TimeSpan EventDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The invitation timeout ACS applies when an add-participant sets none. Default 30 s.</summary>
    public TimeSpan DefaultInvitationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a called or transfer target rings before ACS gives up. Default 30 s.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal FlowOrchestrator Orchestrator { get; }

    internal IReadOnlyList<ExistingCall> ExistingCalls => _existingCalls;

    /// <summary>A kit for an inbound flow, run with the settings its routing rule would give it.</summary>
    /// <typeparam name="TSettings">The flow's settings.</typeparam>
    /// <typeparam name="TResult">The flow's result enum.</typeparam>
    /// <param name="flow">The flow, e.g. <c>new SupportLine()</c> (its orchestrator function is what runs).</param>
    /// <param name="settings">The routing rule's settings; null for the settings type's defaults.</param>
    /// <param name="options">How the driver runs; null for the defaults (with the replay check).</param>
    /// <returns>The kit.</returns>
    public static InboundCallFlowTestKit<TSettings, TResult> For<TSettings, TResult>(InboundCallFlow<TSettings, TResult> flow, TSettings? settings = null, OrchestrationDriverOptions? options = null)
        where TSettings : class, new()
        where TResult : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(flow);
        return new InboundCallFlowTestKit<TSettings, TResult>(flow.GetType(), settings ?? new TSettings(), options);
    }

    /// <summary>A kit for an outbound flow (one started by <c>POST /api/calls</c>).</summary>
    /// <typeparam name="TInput">The flow's input.</typeparam>
    /// <typeparam name="TResult">The flow's result enum.</typeparam>
    /// <param name="flow">The flow, e.g. <c>new CustomerCallback()</c> (its orchestrator function is what runs).</param>
    /// <param name="options">How the driver runs; null for the defaults (with the replay check).</param>
    /// <returns>The kit.</returns>
    public static OutboundCallFlowTestKit<TInput, TResult> For<TInput, TResult>(OutboundCallFlow<TInput, TResult> flow, OrchestrationDriverOptions? options = null)
        where TInput : class
        where TResult : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(flow);
        return new OutboundCallFlowTestKit<TInput, TResult>(flow.GetType(), options);
    }

    /// <summary>The phone with this number (<c>+1555…</c>) or raw id (<c>8:acs:…</c>, <c>4:+1555…</c>), created on first use (answering after 2 s).</summary>
    /// <param name="id">A phone number in E.164 form or a raw id.</param>
    /// <returns>The phone, to script with <see cref="TestPhone.Declines"/>, <see cref="TestPhone.HangsUpAfter"/>, ….</returns>
    public TestPhone Phone(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var phone = new TestPhone(id);
        if (!_phones.TryGetValue(phone.RawId, out var existing))
        {
            _phones[phone.RawId] = phone;
            existing = phone;
        }

        return existing;
    }

    /// <summary>ACS refuses every request of an action with an HTTP error; the flow gets it as data (<see cref="CallActionFailure"/>).</summary>
    /// <param name="actionName">The action (activity) name, e.g. <c>AddParticipant</c> (see <see cref="CallActionNames"/>).</param>
    /// <param name="status">The HTTP status, e.g. 403 (a 4xx other than 408 and 429: those are retried, use <see cref="FailsTransiently"/>).</param>
    /// <param name="errorCode">The ACS error code; null for none.</param>
    /// <returns>This kit.</returns>
    public CallFlowTestKit Refuses(string actionName, int status, string? errorCode = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionName);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 499);
        _refusals[actionName] = (status, errorCode, $"The service refused {actionName} with {status}.");
        return this;
    }

    /// <summary>The first <paramref name="times"/> requests of an action find the service unavailable (503); the runtime retries those with the same repeatability id.</summary>
    /// <param name="actionName">The action (activity) name.</param>
    /// <param name="times">How many requests fail; one or more.</param>
    /// <returns>This kit.</returns>
    public CallFlowTestKit FailsTransiently(string actionName, int times)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        _transientFailures[actionName] = times;
        return this;
    }

    /// <summary>ACS performs an action but its callbacks never arrive (a lost webhook): the world changes, the flow hears nothing of it.</summary>
    /// <param name="actionName">The action (activity) name, e.g. <c>AnswerCall</c>.</param>
    /// <returns>This kit.</returns>
    public CallFlowTestKit SendsNoCallbacksFor(string actionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionName);
        _silent.Add(actionName);
        return this;
    }

    /// <summary>Scripts one of the app's own activities (e.g. a CRM lookup the flow calls with <c>flow.CallActivityAsync</c>).</summary>
    /// <typeparam name="TInput">The activity's input type.</typeparam>
    /// <typeparam name="TOutput">The activity's output type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="handler">The activity's logic; an exception it throws fails the call as the activity throwing would.</param>
    /// <returns>This kit.</returns>
    public CallFlowTestKit OnActivity<TInput, TOutput>(string name, Func<TInput, TOutput> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        _activities[name] = call => ActivityResult.Completed(handler(call.GetInput<TInput>()!), ResponseTime);
        return this;
    }

    /// <summary>Scripts one of the app's own activities with full control (duration, failure, events).</summary>
    /// <param name="name">The activity name.</param>
    /// <param name="handler">Answers each call.</param>
    /// <returns>This kit.</returns>
    public CallFlowTestKit OnActivity(string name, Func<ActivityCall, ActivityResult> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        _activities[name] = handler;
        return this;
    }

    /// <summary>A room the flow can join (<c>ConnectAsync(new RoomCallLocator(id))</c>), with the people in it.</summary>
    /// <param name="roomId">The room id.</param>
    /// <param name="participants">Who is in the room.</param>
    /// <returns>This kit.</returns>
    public CallFlowTestKit Room(string roomId, params TestPhone[] participants) => Existing(CallLocatorKind.Room, roomId, participants);

    /// <summary>A group call the flow can join, with the people in it (an unknown group call id starts an empty group call, as on ACS).</summary>
    /// <param name="groupCallId">The group call id.</param>
    /// <param name="participants">Who is in the call.</param>
    /// <returns>This kit.</returns>
    public CallFlowTestKit GroupCall(string groupCallId, params TestPhone[] participants) => Existing(CallLocatorKind.GroupCall, groupCallId, participants);

    /// <summary>Another server call the flow can join, with the people in it.</summary>
    /// <param name="serverCallId">The server call id.</param>
    /// <param name="participants">Who is in the call.</param>
    /// <returns>This kit.</returns>
    public CallFlowTestKit ServerCall(string serverCallId, params TestPhone[] participants) => Existing(CallLocatorKind.ServerCall, serverCallId, participants);

    internal (int Status, string? ErrorCode, string Message)? Refusal(string actionName) =>
        _refusals.TryGetValue(actionName, out var refusal) ? refusal : null;

    /// <summary>Whether this request of the action fails transiently (counts the request).</summary>
    internal bool FailTransiently(string actionName)
    {
        if (!_transientFailures.TryGetValue(actionName, out var left) || left == 0)
        {
            return false;
        }

        _transientFailures[actionName] = left - 1;
        return true;
    }

    internal bool SendsNoCallbacks(string actionName) => _silent.Contains(actionName);

    internal TestPhone Find(string rawId, string actionName) =>
        _phones.TryGetValue(CommunicationIdentifier.FromRawId(rawId).RawId, out var phone)
            ? phone
            : throw new OrchestrationTestException($"The flow's {actionName} rings {rawId}, which the test has no phone for: script it with kit.Phone(\"{rawId}\").");

    /// <summary>Runs the flow once on a fresh simulated service.</summary>
    internal CallFlowTestOutcome<TResult> Run<TResult>(object input, TestPhone? caller)
        where TResult : struct, Enum
    {
        var service = new SimulatedCallService(this, caller);
        var driver = new OrchestrationDriver(Options);
        foreach (var (name, handler) in _activities)
        {
            driver.OnActivity(name, handler);
        }

        driver.OnOtherActivities(service.Handle);
        var run = driver.Run(Orchestrator.Name, Orchestrator.Run, input);
        return new CallFlowTestOutcome<TResult>(run, service.Callbacks.ToList(), Options.DataConverter);
    }

    private CallFlowTestKit Existing(CallLocatorKind kind, string id, TestPhone[] participants)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(participants);
        _existingCalls.RemoveAll(c => c.Kind == kind && c.Id == id);
        _existingCalls.Add(new ExistingCall(kind, id, participants));
        return this;
    }
}
