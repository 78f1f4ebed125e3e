using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>The outcome of a call action that did not end the call: succeeded, failed (with the failure as data) or timed out.</summary>
public record CallActionResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="status">How the action ended.</param>
    /// <param name="failure">Why it failed, for <see cref="CallActionStatus.Failed"/>.</param>
    /// <param name="callbackEvent">The event that decided it, if any.</param>
    public CallActionResult(CallActionStatus status, CallActionFailure? failure = null, CallAutomationEventBase? callbackEvent = null)
    {
        Status = status;
        Failure = failure;
        Event = callbackEvent;
    }

    /// <summary>How the action ended.</summary>
    public CallActionStatus Status { get; }

    /// <summary>Why the action failed (HTTP status, ACS error code, result code and sub-code); null unless <see cref="Status"/> is Failed.</summary>
    public CallActionFailure? Failure { get; }

    /// <summary>The callback event that decided the outcome; null for timeouts and refused requests.</summary>
    public CallAutomationEventBase? Event { get; }

    /// <summary>Whether the action succeeded.</summary>
    public bool Succeeded => Status == CallActionStatus.Succeeded;

    /// <summary>Whether the action timed out (no outcome event within its timeout).</summary>
    public bool TimedOut => Status == CallActionStatus.TimedOut;

    /// <summary>A sentence for people.</summary>
    /// <returns>The sentence.</returns>
    public string Describe() => Status switch
    {
        CallActionStatus.Succeeded => "succeeded",
        CallActionStatus.TimedOut => "no outcome arrived in time",
        _ => Failure?.Describe() ?? "failed",
    };
}
