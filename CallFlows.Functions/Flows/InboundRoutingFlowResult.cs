namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="FlowNames.InboundRouting"/> ended.</summary>
public enum InboundRoutingFlowResult
{
    /// <summary>The agent joined; the call then ended (or was ended at the maximum duration).</summary>
    AgentConnected = 0,

    /// <summary>No agent: the caller was transferred to the fallback target.</summary>
    TransferredToFallback,

    /// <summary>No agent: the call was ended (route setting <c>OnNoAgent = HangUp</c>).</summary>
    HungUpNoAgent,

    /// <summary>No agent and the fallback transfer failed: the call was ended.</summary>
    FallbackTransferFailed,

    /// <summary>The caller hung up before an agent joined.</summary>
    CallerHungUp,

    /// <summary>The call could not be answered (refused, failed or not connected in time).</summary>
    AnswerFailed,
}
