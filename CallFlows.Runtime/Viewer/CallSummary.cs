namespace CallFlows.Runtime.Viewer;

/// <summary>One call in <c>GET /api/calls</c>.</summary>
/// <param name="InstanceId">The flow instance id (the path of <c>GET /api/calls/{instanceId}</c>).</param>
/// <param name="Flow">The flow name.</param>
/// <param name="RuntimeStatus">The instance status: Pending, Running, Completed, Failed, Terminated, Suspended.</param>
/// <param name="CreatedAt">When the flow started.</param>
/// <param name="LastUpdatedAt">When it last changed.</param>
public sealed record CallSummary(string InstanceId, string Flow, string RuntimeStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt)
{
    /// <summary>The caller (raw id), when the flow's input names one.</summary>
    public string? From { get; init; }

    /// <summary>The called party or targets (raw ids, comma separated), when the input names them.</summary>
    public string? To { get; init; }

    /// <summary>What the flow is doing (its custom status state), e.g. <c>Connected</c>.</summary>
    public string? State { get; init; }

    /// <summary>The flow's result once it ended (e.g. <c>AgentConnected</c>), or the failure.</summary>
    public string? Outcome { get; init; }

    /// <summary>Whether the flow achieved its purpose; null while it runs.</summary>
    public bool? Succeeded { get; init; }

    /// <summary>How long the call has run (to now while live, to the last update once ended), in seconds.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Whether the flow still runs (Pending, Running or Suspended).</summary>
    public bool IsLive { get; init; }
}
