namespace CallFlows.Benchmarks.Workloads;

/// <summary>Step latency in one call: the roster event that says the agent left, delivered → the hang-up request received.</summary>
/// <param name="EventIndex">The position of that event among the call's delivered callback events (1-based).</param>
/// <param name="LatencyMs">The step latency.</param>
/// <param name="CatchUpSeconds">How long the instance kept working after the last chatter event was delivered (its backlog).</param>
internal sealed record StepLatencySample(int EventIndex, double LatencyMs, double CatchUpSeconds);
