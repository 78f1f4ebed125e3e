namespace CallFlows.Benchmarks.Storage;

/// <summary>Storage work of whole calls made one at a time on a quiet host, averaged per call.</summary>
/// <param name="Calls">Calls measured.</param>
/// <param name="Requests">Requests of all calls by kind (divide by <paramref name="Calls"/>).</param>
/// <param name="Instances">Orchestration instances the calls created.</param>
/// <param name="Episodes">Orchestration episodes (OrchestratorStarted events) in those instances' histories.</param>
/// <param name="HistoryRows">History events (rows of the History table) in those instances.</param>
/// <param name="CallSeconds">Total time from placing each call until its storage work stopped.</param>
internal sealed record PerCallStorageResult(int Calls, StorageCounts Requests, int Instances, int Episodes, int HistoryRows, double CallSeconds)
{
    /// <summary>A count per call.</summary>
    public double PerCall(double total) => this.Calls == 0 ? double.NaN : total / this.Calls;
}
