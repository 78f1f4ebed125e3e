namespace CallFlows.Runtime;

/// <summary>One line of a flow's timeline in its custom status.</summary>
/// <param name="Time">Orchestration time (UTC).</param>
/// <param name="Name">The action or event name.</param>
/// <param name="Detail">What happened (status, result code, "duplicate", ...).</param>
public sealed record CallFlowTimelineEntry(DateTime Time, string Name, string? Detail);
