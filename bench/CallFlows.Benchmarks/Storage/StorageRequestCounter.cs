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
    readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    ConcurrentQueue<string>? trace;

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

    /// <summary>Starts recording one line per request of call work (not empty polls or housekeeping): time, kind and resource.</summary>
    public void StartTrace() => this.trace = new ConcurrentQueue<string>();

    /// <summary>Stops recording and returns the lines recorded since <see cref="StartTrace"/>.</summary>
    public IReadOnlyList<string> StopTrace()
    {
        ConcurrentQueue<string>? lines = Interlocked.Exchange(ref this.trace, null);
        return lines is null ? [] : [.. lines];
    }

    void Count(string service, HttpMessage message)
    {
        StorageRequestKind kind = StorageRequestClassifier.Classify(service, message);
        this.counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (this.trace is { } lines && StorageCounts.IsWork(kind))
        {
            string path = message.Request.Uri.ToUri().AbsolutePath;
            lines.Enqueue($"{this.clock.Elapsed.TotalMilliseconds,9:0} ms  {kind,-12} {path}");
        }
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
