using System.Diagnostics;
using CallFlows.Benchmarks.Harness;
using CallFlows.Benchmarks.Storage;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Benchmarks.Workloads;

/// <summary>
/// Storage requests of one whole call (answer → add agent → agent leaves → hang up), counted at the HTTP level by
/// the engine's storage clients: calls placed one at a time on an otherwise quiet host; each call's window runs from
/// placing it until its storage work has stopped for a second (its orchestration completed and checkpointed). Empty
/// polls and partition housekeeping in the window are counted apart, since they depend on time, not on the call.
/// </summary>
internal static class StorageWorkload
{
    static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    public static async Task<PerCallStorageResult> RunAsync(BenchStack stack, FlowKind kind, int calls, CancellationToken cancellationToken, TextWriter? trace = null)
    {
        stack.SetAgent(IdentityBehavior.Answers(TimeSpan.FromMilliseconds(50)) with { HangUpAfter = TimeSpan.FromMilliseconds(200) });
        var emulator = stack.EmulatorFor(kind);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var seen = new HashSet<string>(await CallHistory.InstancesCreatedSinceAsync(http, stack.App.BaseAddress, DateTimeOffset.UtcNow.AddHours(-1), cancellationToken), StringComparer.Ordinal);
        StorageCounts total = new(new Dictionary<StorageRequestKind, long>());
        int instances = 0, episodes = 0, rows = 0;
        double seconds = 0;
        for (int i = 0; i < calls; i++)
        {
            await WaitForQuietAsync(stack.Storage, TimeSpan.FromSeconds(10), cancellationToken);
            int hangUps = Callers.CountRequests(emulator, Callers.IsHangUp);
            DateTimeOffset placedAt = DateTimeOffset.UtcNow;
            StorageCounts before = stack.Storage.Snapshot();
            var clock = Stopwatch.StartNew();
            if (trace is not null && i == calls - 1)
            {
                stack.Storage.StartTrace();
            }

            await Callers.PlaceAsync(emulator, cancellationToken);
            if (!await Callers.WaitUntilAsync(() => Callers.CountRequests(emulator, Callers.IsHangUp) > hangUps, TimeSpan.FromSeconds(60), cancellationToken))
            {
                throw new TimeoutException($"A {kind} call was not hung up within 60 s.");
            }

            StorageCounts after = await WaitForQuietAsync(stack.Storage, TimeSpan.FromSeconds(30), cancellationToken);
            seconds += clock.Elapsed.TotalSeconds - Quiet.TotalSeconds;
            total = Add(total, after.Minus(before));
            if (trace is not null && i == calls - 1)
            {
                // The last call's requests one by one (and anything the call's window caught after it went quiet).
                IReadOnlyList<string> lines = stack.Storage.StopTrace();
                trace.WriteLine($"  storage requests of the last {kind} call ({lines.Count}):");
                foreach (string line in lines)
                {
                    trace.WriteLine("    " + line);
                }
            }

            foreach (string id in await CallHistory.InstancesCreatedSinceAsync(http, stack.App.BaseAddress, placedAt, cancellationToken))
            {
                if (seen.Add(id))
                {
                    (int e, int r) = await CallHistory.CountAsync(stack.App.DurableClient, id, cancellationToken);
                    instances++;
                    episodes += e;
                    rows += r;
                }
            }
        }

        return new PerCallStorageResult(calls, total, instances, episodes, rows, seconds);
    }

    /// <summary>Waits until no call work (requests other than empty polls and housekeeping) was counted for <see cref="Quiet"/>; returns the counts at the start of that quiet second.</summary>
    static async Task<StorageCounts> WaitForQuietAsync(StorageRequestCounter counter, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        StorageCounts last = counter.Snapshot();
        var quietSince = Stopwatch.StartNew();
        while (quietSince.Elapsed < Quiet && clock.Elapsed < limit)
        {
            await Task.Delay(100, cancellationToken);
            StorageCounts now = counter.Snapshot();
            if (now.Work != last.Work)
            {
                last = now;
                quietSince.Restart();
            }
        }

        return last;
    }

    static StorageCounts Add(StorageCounts a, StorageCounts b) =>
        new(Enum.GetValues<StorageRequestKind>().ToDictionary(k => k, k => a[k] + b[k]));
}
