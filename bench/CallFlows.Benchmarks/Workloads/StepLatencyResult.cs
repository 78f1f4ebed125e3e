namespace CallFlows.Benchmarks.Workloads;

/// <summary>What the long-call run measured.</summary>
/// <param name="Short">Samples at about the 10th event.</param>
/// <param name="Long">Samples at about the 500th event.</param>
/// <param name="Load">Load average at the end.</param>
internal sealed record StepLatencyResult(IReadOnlyList<StepLatencySample> Short, IReadOnlyList<StepLatencySample> Long, string Load);
