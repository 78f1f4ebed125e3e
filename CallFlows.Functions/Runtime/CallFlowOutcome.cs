namespace CallFlows.Functions.Runtime;

/// <summary>
/// How a flow ended: the orchestration output and the last custom status. <see cref="Result"/> is the name of a
/// value of the flow's own result enum (e.g. <c>InboundRoutingResult.AgentConnected</c>).
/// </summary>
/// <param name="Flow">The flow (orchestrator) name.</param>
/// <param name="Result">The flow-specific result name.</param>
/// <param name="Succeeded">Whether the flow achieved its purpose.</param>
public sealed record CallFlowOutcome(string Flow, string Result, bool Succeeded)
{
    /// <summary>The call connection the outcome is about, if a call was established.</summary>
    public string? CallConnectionId { get; init; }

    /// <summary>A short human-readable explanation.</summary>
    public string? Detail { get; init; }

    /// <summary>The ACS result code behind a failure, if any.</summary>
    public int? ResultCode { get; init; }

    /// <summary>The ACS result sub code behind a failure, if any.</summary>
    public int? ResultSubCode { get; init; }

    /// <summary>The participants (raw ids) in the call when the flow ended.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>When the flow ended (orchestration time, UTC).</summary>
    public DateTime CompletedAt { get; init; }
}
