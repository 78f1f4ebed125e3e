using CallFlows.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="InboundRoutingFlow"/> ended.</summary>
public enum InboundRoutingFlowResult
{
    /// <summary>The agent joined; the call then ended (or was ended at the maximum duration).</summary>
    [FlowOutcome("The agent joined; the call then ended (or was ended at the maximum duration).", Succeeded = true)]
    AgentConnected = 0,

    /// <summary>No agent: the caller was transferred to the fallback target.</summary>
    [FlowOutcome("No agent: the caller was transferred to the fallback target.", Succeeded = true)]
    TransferredToFallback,

    /// <summary>No agent: the call was ended (route setting <c>OnNoAgent = HangUp</c>).</summary>
    [FlowOutcome("No agent: the call was ended (route setting OnNoAgent = HangUp).", Succeeded = true)]
    HungUpNoAgent,

    /// <summary>No agent and the fallback transfer failed: the call was ended.</summary>
    [FlowOutcome("No agent and the fallback transfer failed: the call was ended.")]
    FallbackTransferFailed,

    /// <summary>The caller hung up before an agent joined.</summary>
    [FlowOutcome("The caller hung up before an agent joined.")]
    CallerHungUp,

    /// <summary>The call could not be answered (refused, failed or not connected in time).</summary>
    [FlowOutcome("The call could not be answered (refused, failed or not connected in time).")]
    AnswerFailed,
}
