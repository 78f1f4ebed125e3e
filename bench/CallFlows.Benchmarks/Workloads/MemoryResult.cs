namespace CallFlows.Benchmarks.Workloads;

/// <summary>What the memory run measured (host process only).</summary>
/// <param name="BaselineMiB">RSS after the warm-up calls were parked.</param>
/// <param name="ParkedMiB">RSS after the measured calls were parked too.</param>
/// <param name="Parked">How many measured calls were parked.</param>
/// <param name="Load">Load average when measured.</param>
internal sealed record MemoryResult(double BaselineMiB, double ParkedMiB, int Parked, string Load)
{
    /// <summary>The RSS delta scaled to 1,000 waiting calls.</summary>
    public double PerThousandMiB => (ParkedMiB - BaselineMiB) * 1000.0 / Math.Max(1, Parked);
}
