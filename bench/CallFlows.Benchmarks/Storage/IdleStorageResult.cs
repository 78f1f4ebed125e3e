namespace CallFlows.Benchmarks.Storage;

/// <summary>Storage requests of an idle worker (no call in flight) over a measured quiet time.</summary>
/// <param name="Requests">Requests by kind.</param>
/// <param name="Seconds">Quiet time measured.</param>
internal sealed record IdleStorageResult(StorageCounts Requests, double Seconds)
{
    /// <summary>Requests per second of a count.</summary>
    public double PerSecond(double count) => this.Seconds > 0 ? count / this.Seconds : double.NaN;
}
