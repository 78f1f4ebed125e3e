namespace CallFlows.Runtime;

/// <summary>How a flow is started.</summary>
public enum CallFlowKind
{
    /// <summary>By an incoming call, through a routing rule (<see cref="InboundCallFlow{TSettings, TResult}"/>).</summary>
    Inbound,

    /// <summary>By <c>POST /api/calls</c> (<see cref="OutboundCallFlow{TInput, TResult}"/>).</summary>
    Outbound,
}
