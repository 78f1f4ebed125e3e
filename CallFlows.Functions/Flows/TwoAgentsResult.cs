using CallFlows.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="TwoAgentsFlow"/> ended.</summary>
public enum TwoAgentsResult
{
    /// <summary>An agent answered; the call ended after they talked.</summary>
    [FlowOutcome("An agent answered; the call ended after they talked.", Succeeded = true)]
    AgentConnected,

    /// <summary>The caller hung up before an agent answered.</summary>
    [FlowOutcome("The caller hung up before an agent answered.")]
    CallerHungUp,

    /// <summary>No agent answered; the caller was transferred to the queue line.</summary>
    [FlowOutcome("No agent answered; the caller was transferred to the queue line.", Succeeded = true)]
    Queued,

    /// <summary>No agent answered and the transfer to the queue line failed.</summary>
    [FlowOutcome("No agent answered and the transfer to the queue line failed.")]
    QueueFailed,

    /// <summary>The call could not be answered.</summary>
    [FlowOutcome("The call could not be answered.")]
    AnswerFailed,
}
