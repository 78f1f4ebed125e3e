using CallFlows.Benchmarks.Harness;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Benchmarks.Workloads;

/// <summary>
/// Maximum sustained rate of whole inbound calls (answer → add participant → agent leaves → hang up): a fixed number
/// of calls kept in flight (a new call for each one that ends); calls ended per second over the window after a
/// warm-up. The agent answers after 50 ms and leaves after 200 ms, so the engine, not the simulated people, is the limit.
/// </summary>
internal static class ThroughputWorkload
{
    public static async Task<ThroughputResult> RunAsync(BenchStack stack, FlowKind kind, int concurrency, TimeSpan warmUp, TimeSpan window, TimeSpan drainLimit, CancellationToken cancellationToken)
    {
        stack.SetAgent(IdentityBehavior.Answers(TimeSpan.FromMilliseconds(50)) with { HangUpAfter = TimeSpan.FromMilliseconds(200) });
        var emulator = stack.EmulatorFor(kind);
        int before = Callers.CountRequests(emulator, Callers.IsHangUp);
        int placed = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int? countedFrom = null;
        TimeSpan countStart = TimeSpan.Zero;
        Storage.StorageCounts storageFrom = stack.Storage.Snapshot();
        int completed = 0;
        while (clock.Elapsed < warmUp + window)
        {
            completed = Callers.CountRequests(emulator, Callers.IsHangUp) - before;
            if (countedFrom is null && clock.Elapsed >= warmUp)
            {
                countedFrom = completed;
                countStart = clock.Elapsed;
                storageFrom = stack.Storage.Snapshot();
            }

            for (int inFlight = placed - completed; inFlight < concurrency; inFlight++, placed++)
            {
                _ = Callers.PlaceAsync(emulator, cancellationToken);
            }

            await Task.Delay(50, cancellationToken);
        }

        completed = Callers.CountRequests(emulator, Callers.IsHangUp) - before;
        Storage.StorageCounts storage = stack.Storage.Snapshot().Minus(storageFrom);
        TimeSpan elapsed = clock.Elapsed - countStart;
        string load = MachineInfo.LoadAverage();
        int counted = completed - (countedFrom ?? 0);

        // Let the calls still in flight end, so they do not load the next run.
        await Callers.WaitUntilAsync(() => Callers.CountRequests(emulator, Callers.IsHangUp) - before >= placed, drainLimit, cancellationToken);
        return new ThroughputResult(counted / elapsed.TotalSeconds, counted, concurrency, load, storage.Total, elapsed.TotalSeconds);
    }
}
