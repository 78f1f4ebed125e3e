using CallFlows.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="GroupCallFlow"/> ended.</summary>
public enum GroupCallFlowResult
{
    /// <summary>The group call connected and ended on its own.</summary>
    [FlowOutcome("The group call connected and ended on its own.", Succeeded = true)]
    EndedByParticipants = 0,

    /// <summary>The group call connected and the flow ended it at the maximum duration.</summary>
    [FlowOutcome("The group call connected and the flow ended it at the maximum duration.", Succeeded = true)]
    EndedAtMaxDuration,

    /// <summary>The group call did not connect (see the result code).</summary>
    [FlowOutcome("The group call did not connect.")]
    NotConnected,
}
