namespace CallFlows.Runtime;

/// <summary>How a call action ended. A hang-up is not a status: once the call ends every action throws <see cref="CallEndedException"/>.</summary>
public enum CallActionStatus
{
    /// <summary>ACS performed the action (its success event arrived).</summary>
    Succeeded,

    /// <summary>ACS refused the request or reported the action failed: <see cref="CallActionResult.Failure"/> says how.</summary>
    Failed,

    /// <summary>No outcome event arrived within the action's timeout.</summary>
    TimedOut,
}
