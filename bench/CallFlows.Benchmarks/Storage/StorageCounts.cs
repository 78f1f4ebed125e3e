namespace CallFlows.Benchmarks.Storage;

/// <summary>Storage requests by kind, as counted up to one moment (see <see cref="StorageRequestCounter.Snapshot"/>).</summary>
/// <param name="ByKind">Requests per kind.</param>
internal sealed record StorageCounts(IReadOnlyDictionary<StorageRequestKind, long> ByKind)
{
    /// <summary>The requests of one kind.</summary>
    public long this[StorageRequestKind kind] => this.ByKind.TryGetValue(kind, out long n) ? n : 0;

    /// <summary>All requests.</summary>
    public long Total => this.ByKind.Values.Sum();

    /// <summary>Empty queue polls.</summary>
    public long EmptyPolls => this[StorageRequestKind.QueueGetEmpty];

    /// <summary>Partition and lease housekeeping: the partition table and blob leases.</summary>
    public long Housekeeping => this[StorageRequestKind.TablePartitions] + this[StorageRequestKind.BlobLease];

    /// <summary>All requests but empty queue polls and housekeeping: the work of calls.</summary>
    public long Work => this.Total - this.EmptyPolls - this.Housekeeping;

    /// <summary>Whether a request of <paramref name="kind"/> is call work (not an empty poll or housekeeping).</summary>
    public static bool IsWork(StorageRequestKind kind) =>
        kind is not (StorageRequestKind.QueueGetEmpty or StorageRequestKind.TablePartitions or StorageRequestKind.BlobLease);

    /// <summary>The requests made between <paramref name="earlier"/> and this snapshot.</summary>
    public StorageCounts Minus(StorageCounts earlier) =>
        new(Enum.GetValues<StorageRequestKind>().ToDictionary(k => k, k => this[k] - earlier[k]));
}
