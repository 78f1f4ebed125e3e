namespace CallFlows.Benchmarks.Workloads;

/// <summary>What one closed-loop throughput run measured.</summary>
internal sealed record ThroughputResult(double CallsPerSecond, int Completed, int Concurrency, string Load);
