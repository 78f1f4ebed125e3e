namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallAutomationClient.RejectCallAsync(RejectCallOptions, System.Threading.CancellationToken)"/>.</summary>
public sealed class RejectCallOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="incomingCallContext">The opaque context from the IncomingCall event.</param>
    /// <exception cref="ArgumentException"><paramref name="incomingCallContext"/> is null or empty.</exception>
    public RejectCallOptions(string incomingCallContext)
    {
        ArgumentException.ThrowIfNullOrEmpty(incomingCallContext);
        IncomingCallContext = incomingCallContext;
    }

    /// <summary>The opaque context from the IncomingCall event.</summary>
    public string IncomingCallContext { get; }

    /// <summary>Why the call is rejected; <see cref="CallRejectReason.None"/> by default.</summary>
    public CallRejectReason CallRejectReason { get; set; }

    /// <summary>The idempotency pair to send; null (the default) makes the client create a fresh pair for this call, reused across its own retries.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }
}
