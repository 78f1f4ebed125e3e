using CallFlows.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="OutboundCallFlow"/> ended.</summary>
public enum OutboundCallFlowResult
{
    /// <summary>The call connected and the callee hung up.</summary>
    [FlowOutcome("The call connected and the callee hung up.", Succeeded = true)]
    CalleeHungUp = 0,

    /// <summary>The call connected and the flow ended it at the maximum duration.</summary>
    [FlowOutcome("The call connected and the flow ended it at the maximum duration.", Succeeded = true)]
    EndedAtMaxDuration,

    /// <summary>The callee did not answer in time (the attempt was ended).</summary>
    [FlowOutcome("The callee did not answer in time (the attempt was ended).")]
    NotAnswered,

    /// <summary>ACS refused the call or reported it failed (see the result code).</summary>
    [FlowOutcome("ACS refused the call or reported it failed.")]
    CallFailed,
}
