namespace CallFlows.Runtime;

/// <summary>
/// How a flow ended, as the Durable Functions output and <c>GET /api/calls/{id}</c> show it: the name of the flow's
/// own result value (e.g. <c>AgentConnected</c>), whether that counts as success, and sentences for people.
/// </summary>
/// <param name="Flow">The flow (orchestrator) name.</param>
/// <param name="Result">The name of the flow's result value; <c>CallEnded</c> or <c>NotConnected</c> when the flow let those escape.</param>
/// <param name="Succeeded">Whether the flow achieved its purpose (<see cref="FlowOutcomeAttribute.Succeeded"/>).</param>
/// <param name="Description">What the result means, in a sentence (<see cref="FlowOutcomeAttribute.Description"/>).</param>
public sealed record CallFlowOutcome(string Flow, string Result, bool Succeeded, string Description)
{
    /// <summary>The call connection the outcome is about, if a call was established.</summary>
    public string? CallConnectionId { get; init; }

    /// <summary>More about this call, in a sentence (from the flow, or the failure behind the outcome); null when there is nothing to add.</summary>
    public string? Detail { get; init; }

    /// <summary>The status behind a failure: the HTTP status of a refused request, else the event's result code.</summary>
    public int? ResultCode { get; init; }

    /// <summary>The event's result sub-code behind a failure, if any.</summary>
    public int? ResultSubCode { get; init; }

    /// <summary>The ACS error code of a refused request, if any.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The participants (raw ids) in the call when the flow ended.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>When the flow ended (orchestration time, UTC).</summary>
    public DateTime CompletedAt { get; init; }
}
