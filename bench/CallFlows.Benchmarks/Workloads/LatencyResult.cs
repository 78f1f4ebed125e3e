namespace CallFlows.Benchmarks.Workloads;

/// <summary>What one open-loop latency run measured.</summary>
internal sealed record LatencyResult(
    double OfferedRate,
    int Placed,
    double AnsweredRateInWindow,
    int BacklogAtWindowEnd,
    int UnfinishedAfterDrain,
    double DrainSeconds,
    IReadOnlyList<double> IncomingToAnswerMs,
    IReadOnlyList<double> ConnectedToAddMs,
    string Load);
