namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallAutomationClient.RedirectCallAsync(RedirectCallOptions, System.Threading.CancellationToken)"/>.</summary>
public sealed class RedirectCallOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="incomingCallContext">The opaque context from the IncomingCall event.</param>
    /// <param name="callInvite">Where to redirect the call.</param>
    /// <exception cref="ArgumentException"><paramref name="incomingCallContext"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="callInvite"/> is null.</exception>
    public RedirectCallOptions(string incomingCallContext, CallInvite callInvite)
    {
        ArgumentException.ThrowIfNullOrEmpty(incomingCallContext);
        ArgumentNullException.ThrowIfNull(callInvite);
        IncomingCallContext = incomingCallContext;
        CallInvite = callInvite;
    }

    /// <summary>The opaque context from the IncomingCall event.</summary>
    public string IncomingCallContext { get; }

    /// <summary>Where to redirect the call (only its target is sent: the 2026-03-12 RedirectCallRequest has no caller id or context).</summary>
    public CallInvite CallInvite { get; }

    /// <summary>The idempotency pair to send; null (the default) makes the client create a fresh pair for this call, reused across its own retries.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }
}
