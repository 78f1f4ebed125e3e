using CallFlows.CallAutomation;
using CallFlows.Testing.Orchestrations;

namespace CallFlows.Testing.CallWorld;

/// <summary>
/// Tests a call flow's decisions against a simulated ACS on virtual time: phones that answer, decline, are busy, never
/// answer or hang up after a while, actions ACS refuses or never calls back for. A flow with 30 s and 15-minute
/// timeouts runs in milliseconds on the real flow code, through <see cref="OrchestrationDriver"/>.
/// </summary>
/// <example>
/// <code>
/// var kit = new CallFlowTestKit();
/// var caller = kit.Phone("+15550001000");
/// kit.Phone("8:acs:agent").Declines();
/// var outcome = kit.PlaceCall(caller, "+18005550100").RunToEnd(FlowNames.InboundRouting, InboundRoutingFlow.RunAsync, settings);
/// outcome.Result.Should().Be("HungUpNoAgent");
/// outcome.Actions.Should().Equal("AnswerCall", "AddParticipant", "HangUp");
/// </code>
/// </example>
public sealed class CallFlowTestKit
{
    private readonly Dictionary<string, TestPhone> _phones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Status, string? ErrorCode, string Message)> _refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _silent = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _transientFailures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a kit.</summary>
    /// <param name="options">How the driver runs flows; null for the defaults (with the replay check).</param>
    public CallFlowTestKit(OrchestrationDriverOptions? options = null)
    {
        Options = options ?? new OrchestrationDriverOptions();
    }

    /// <summary>How the driver runs flows.</summary>
    public OrchestrationDriverOptions Options { get; }

    /// <summary>How long ACS takes to answer a REST request (the activity's duration). Default 20 ms.</summary>
    public TimeSpan ResponseTime { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long after the response the action's callback comes (the emulator's connect delay). Default 50 ms.</summary>
    public TimeSpan EventDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The invitation timeout ACS applies when an add-participant sets none. Default 30 s.</summary>
    public TimeSpan DefaultInvitationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a transfer target rings before ACS gives up. Default 30 s.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(30);

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

    /// <summary>ACS refuses every request of an action with an HTTP error (the activity fails as the real one would).</summary>
    /// <param name="actionName">The action (activity) name, e.g. <c>AddParticipant</c>.</param>
    /// <param name="status">The HTTP status, e.g. 403.</param>
    /// <param name="errorCode">The ACS error code; null for none.</param>
    /// <returns>This kit.</returns>
    public CallFlowTestKit Refuses(string actionName, int status, string? errorCode = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionName);
        _refusals[actionName] = (status, errorCode, $"The service refused {actionName} with {status}.");
        return this;
    }

    /// <summary>The first <paramref name="times"/> requests of an action fail as a network error or 5xx would (the runtime retries those).</summary>
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

    /// <summary>ACS accepts an action but never sends its callbacks (a lost webhook).</summary>
    /// <param name="actionName">The action (activity) name, e.g. <c>AnswerCall</c>.</param>
    /// <returns>This kit.</returns>
    public CallFlowTestKit SendsNoCallbacksFor(string actionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionName);
        _silent.Add(actionName);
        return this;
    }

    /// <summary>An incoming call from <paramref name="from"/> to <paramref name="to"/>, ready to be run by a flow.</summary>
    /// <param name="from">The caller.</param>
    /// <param name="to">The number or raw id called.</param>
    /// <returns>The call.</returns>
    public IncomingTestCall PlaceCall(TestPhone from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        return new IncomingTestCall(this, from, Phone(to));
    }

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
}
