using CallFlows.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="ConnectCallFlow"/> ended.</summary>
public enum ConnectCallFlowResult
{
    /// <summary>The app joined the call and the call ended.</summary>
    [FlowOutcome("The app joined the call and the call ended.", Succeeded = true)]
    CallEnded = 0,

    /// <summary>The app joined the call and left it at the maximum duration.</summary>
    [FlowOutcome("The app joined the call and left it at the maximum duration.", Succeeded = true)]
    LeftAtMaxDuration,

    /// <summary>The app could not join the call (see the result code).</summary>
    [FlowOutcome("The app could not join the call.")]
    NotConnected,
}
