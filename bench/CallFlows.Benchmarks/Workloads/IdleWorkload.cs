using CallFlows.Benchmarks.Harness;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Benchmarks.Workloads;

/// <summary>
/// A call arriving at an idle app: the first message after a quiet period waits for the engine's next queue poll,
/// and the Azure Storage provider backs its polling off while queues stay empty (up to <c>maxQueuePollingInterval</c>,
/// 30 s by default). Each call is placed after <c>idle</c> with no traffic and followed to its AddParticipant.
/// </summary>
internal static class IdleWorkload
{
    public static async Task<LatencyResult> RunAsync(BenchStack stack, int calls, TimeSpan idle, CancellationToken cancellationToken)
    {
        stack.SetAgent(IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1) });
        var emulator = stack.Emulator;
        var placed = new List<IncomingCallSnapshot>();
        for (int i = 0; i < calls; i++)
        {
            await Task.Delay(idle, cancellationToken);
            int adds = Callers.CountRequests(emulator, r => r.Operation == "CallConnection_AddParticipant");
            placed.Add(await Callers.PlaceAsync(emulator, cancellationToken));
            await Callers.WaitUntilAsync(
                () => Callers.CountRequests(emulator, r => r.Operation == "CallConnection_AddParticipant") > adds, TimeSpan.FromSeconds(60), cancellationToken);
        }

        var (toAnswer, toAdd, unfinished) = LatencyWorkload.Measure(emulator, placed);
        return new LatencyResult(0, placed.Count, double.NaN, 0, unfinished, 0, toAnswer, toAdd, MachineInfo.LoadAverage());
    }
}
