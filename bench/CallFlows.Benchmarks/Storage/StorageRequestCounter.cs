using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CallFlows.Benchmarks.Storage;

/// <summary>
/// Counts every HTTP request the durable engine's storage clients send (each attempt, retries included), by kind,
/// through an <see cref="HttpPipelinePolicy"/> placed in the blob, queue and table clients' pipelines
/// (<c>LocalHostOptions.ConfigureStorageClient</c>). A queue read that returned no message is counted apart as an
/// empty poll: that is the engine's idle polling, the rest is work.
/// </summary>
internal sealed class StorageRequestCounter
{
    readonly ConcurrentDictionary<StorageRequestKind, long> counts = new();

    /// <summary>Adds the counting policy to one storage client's options.</summary>
    public void Attach(ClientOptions options)
    {
        string service = options switch
        {
            Azure.Storage.Queues.QueueClientOptions => "queue",
            Azure.Data.Tables.TableClientOptions => "table",
            _ => "blob",
        };
        options.AddPolicy(new CountingPolicy(this, service), HttpPipelinePosition.PerRetry);
    }

    /// <summary>A copy of the counts so far.</summary>
    public StorageCounts Snapshot() => new(this.counts.ToDictionary(p => p.Key, p => p.Value));

    void Count(string service, HttpMessage message)
    {
        StorageRequestKind kind = StorageRequestClassifier.Classify(service, message);
        this.counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    sealed class CountingPolicy(StorageRequestCounter counter, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            counter.Count(service, message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            counter.Count(service, message);
        }
    }
}
