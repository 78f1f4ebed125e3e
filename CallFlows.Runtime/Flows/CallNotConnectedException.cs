namespace CallFlows.Runtime;

/// <summary>
/// Answering, placing or joining a call did not give a connected call: ACS refused the request, reported a failure
/// (<c>AnswerFailed</c>, <c>CreateCallFailed</c>, <c>ConnectFailed</c>), the call ended before it connected, or nothing
/// arrived in time. The runtime has already hung up a call it left ringing.
/// </summary>
public sealed class CallNotConnectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CallNotConnectedException()
        : this("The call did not connect.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public CallNotConnectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public CallNotConnectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from how the set-up ended.</summary>
    /// <param name="reason">Why the call did not connect.</param>
    /// <param name="failure">The failure, for <see cref="CallNotConnectedReason.Failed"/>.</param>
    /// <param name="callConnectionId">The call connection, if ACS created one.</param>
    public CallNotConnectedException(CallNotConnectedReason reason, CallActionFailure? failure, string? callConnectionId)
        : base(reason switch
        {
            CallNotConnectedReason.TimedOut => "The call did not connect in time.",
            CallNotConnectedReason.Ended => "The call ended before it connected.",
            _ => "The call did not connect: " + (failure?.Describe() ?? "failed."),
        })
    {
        Reason = reason;
        Failure = failure;
        CallConnectionId = callConnectionId;
    }

    /// <summary>Why the call did not connect.</summary>
    public CallNotConnectedReason Reason { get; }

    /// <summary>The failure as data (HTTP status, ACS error code, result code and sub-code), for <see cref="CallNotConnectedReason.Failed"/>.</summary>
    public CallActionFailure? Failure { get; }

    /// <summary>The call connection, if ACS created one.</summary>
    public string? CallConnectionId { get; }
}
