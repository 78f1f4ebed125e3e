namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="FlowNames.ConnectCall"/> ended.</summary>
public enum ConnectCallFlowResult
{
    /// <summary>The app joined the call and the call ended.</summary>
    CallEnded = 0,

    /// <summary>The app joined the call and left it at the maximum duration.</summary>
    LeftAtMaxDuration,

    /// <summary>The app could not join the call (see the result code).</summary>
    NotConnected,
}
