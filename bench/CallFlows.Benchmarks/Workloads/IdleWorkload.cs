using CallFlows.Benchmarks.Harness;
using CallFlows.Benchmarks.Storage;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Benchmarks.Workloads;

/// <summary>
/// A call arriving at an idle app: the first message after a quiet period waits for the engine's next queue poll,
/// unless the message was enqueued by the same process (the provider then wakes its own poller), and the Azure
/// Storage provider backs its polling off while queues stay empty (up to <c>maxQueuePollingInterval</c>, 30 s by
/// default). Each call is placed after <c>idle</c> with no traffic and followed to its AddParticipant. The storage
/// requests of the quiet periods (after a settling time for the previous call's tail) are the idle worker's cost.
/// </summary>
internal static class IdleWorkload
{
    public static async Task<(LatencyResult Latency, IdleStorageResult Storage)> RunAsync(BenchStack stack, int calls, TimeSpan idle, CancellationToken cancellationToken)
    {
        stack.SetAgent(IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1) });
        var emulator = stack.Emulator;
        var placed = new List<IncomingCallSnapshot>();

        // The previous call ends about 2 s after its AddParticipant (the agent leaves after 1 s, then the hang-up);
        // the quiet time is measured after that.
        TimeSpan settle = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, idle.Ticks / 2));
        StorageCounts quiet = new(new Dictionary<StorageRequestKind, long>());
        double quietSeconds = 0;
        for (int i = 0; i < calls; i++)
        {
            await Task.Delay(settle, cancellationToken);
            StorageCounts before = stack.Storage.Snapshot();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await Task.Delay(idle - settle, cancellationToken);
            StorageCounts during = stack.Storage.Snapshot().Minus(before);
            quietSeconds += clock.Elapsed.TotalSeconds;
            quiet = new(Enum.GetValues<StorageRequestKind>().ToDictionary(k => k, k => quiet[k] + during[k]));

            int adds = Callers.CountRequests(emulator, r => r.Operation == "CallConnection_AddParticipant");
            placed.Add(await Callers.PlaceAsync(emulator, cancellationToken));
            await Callers.WaitUntilAsync(
                () => Callers.CountRequests(emulator, r => r.Operation == "CallConnection_AddParticipant") > adds, TimeSpan.FromSeconds(60), cancellationToken);
        }

        var (toAnswer, toAdd, unfinished) = LatencyWorkload.Measure(emulator, placed);
        return (new LatencyResult(0, placed.Count, double.NaN, 0, unfinished, 0, toAnswer, toAdd, MachineInfo.LoadAverage()),
            new IdleStorageResult(quiet, quietSeconds));
    }
}
