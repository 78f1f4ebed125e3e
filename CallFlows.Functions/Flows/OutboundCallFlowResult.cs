namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="FlowNames.OutboundCall"/> ended.</summary>
public enum OutboundCallFlowResult
{
    /// <summary>The call connected and the callee hung up.</summary>
    CalleeHungUp = 0,

    /// <summary>The call connected and the flow ended it at the maximum duration.</summary>
    EndedAtMaxDuration,

    /// <summary>The callee did not answer in time (the attempt was ended).</summary>
    NotAnswered,

    /// <summary>ACS refused the call or reported it failed (see the result code).</summary>
    CallFailed,
}
