namespace CallFlows.Functions.Runtime;

/// <summary>How a call action (or a wait) ended.</summary>
public enum CallFlowActionStatus
{
    /// <summary>The action succeeded (its success event arrived).</summary>
    Succeeded = 0,

    /// <summary>The action failed: ACS refused the request or sent a failure event (see the result code).</summary>
    Failed,

    /// <summary>No outcome arrived before the flow's timeout.</summary>
    TimedOut,

    /// <summary>The call ended before the action's outcome arrived.</summary>
    CallDisconnected,
}
