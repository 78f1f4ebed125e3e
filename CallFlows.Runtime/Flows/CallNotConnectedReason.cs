namespace CallFlows.Runtime;

/// <summary>Why answering, placing or joining a call did not give a connected call.</summary>
public enum CallNotConnectedReason
{
    /// <summary>ACS refused the request or reported a failure event: see <see cref="CallNotConnectedException.Failure"/>.</summary>
    Failed,

    /// <summary>No connection event arrived within the timeout (the runtime hung the call up).</summary>
    TimedOut,

    /// <summary>The call ended before it connected (the callee did not answer, or the caller hung up first).</summary>
    Ended,
}
