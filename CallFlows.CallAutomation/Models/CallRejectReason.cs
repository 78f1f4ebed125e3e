namespace CallFlows.CallAutomation;

/// <summary>Why an incoming call is rejected (wire <c>callRejectReason</c>).</summary>
public enum CallRejectReason
{
    /// <summary>No reason given (wire <c>none</c>).</summary>
    None = 0,

    /// <summary>The callee is busy (wire <c>busy</c>).</summary>
    Busy,

    /// <summary>The call is forbidden (wire <c>forbidden</c>).</summary>
    Forbidden,
}
