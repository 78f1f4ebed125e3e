namespace CallFlows.Benchmarks.Workloads;

/// <summary>What one closed-loop throughput run measured.</summary>
/// <param name="CallsPerSecond">Whole calls ended per second in the window.</param>
/// <param name="Completed">Calls ended in the window.</param>
/// <param name="Concurrency">Calls kept in flight.</param>
/// <param name="Load">Load average at the window's end.</param>
/// <param name="StorageRequests">Storage requests of the engine in the window (all kinds; both flows share the host).</param>
/// <param name="Seconds">The window.</param>
internal sealed record ThroughputResult(double CallsPerSecond, int Completed, int Concurrency, string Load, long StorageRequests, double Seconds)
{
    /// <summary>Storage requests per call ended in the window.</summary>
    public double StorageRequestsPerCall => this.Completed > 0 ? (double)this.StorageRequests / this.Completed : double.NaN;

    /// <summary>Storage requests per second in the window.</summary>
    public double StorageRequestsPerSecond => this.Seconds > 0 ? this.StorageRequests / this.Seconds : double.NaN;
}
