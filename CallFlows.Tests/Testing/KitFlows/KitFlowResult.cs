namespace CallFlows.Tests.Testing.KitFlows;

/// <summary>How the kit's test flows end.</summary>
public enum KitFlowResult
{
    /// <summary>The looked-up agent joined.</summary>
    [FlowOutcome("The looked-up agent joined.", Succeeded = true)]
    AgentJoined,

    /// <summary>The agent did not join.</summary>
    [FlowOutcome("The agent did not join.")]
    NoAgent,
}
