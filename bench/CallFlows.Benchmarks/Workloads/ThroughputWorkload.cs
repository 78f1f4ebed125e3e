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
    public static async Task<ThroughputResult> RunAsync(BenchStack stack, FlowKind kind, int concurrency, TimeSpan warmUp, TimeSpan window, TimeSpan drainLimit, CancellationToken cancellationToken, TextWriter? progress = null)
    {
        stack.SetAgent(IdentityBehavior.Answers(TimeSpan.FromMilliseconds(50)) with { HangUpAfter = TimeSpan.FromMilliseconds(200) });
        var emulator = stack.EmulatorFor(kind);
        var (hangUpsBefore, rejectedBefore) = Count(emulator);
        int placed = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int? countedFrom = null;
        TimeSpan countStart = TimeSpan.Zero;
        Storage.StorageCounts storageFrom = stack.Storage.Snapshot();
        int completed = 0;
        int rejected = 0;
        while (clock.Elapsed < warmUp + window)
        {
            (completed, rejected) = Since(Count(emulator));
            if (countedFrom is null && clock.Elapsed >= warmUp)
            {
                countedFrom = completed;
                countStart = clock.Elapsed;
                storageFrom = stack.Storage.Snapshot();
            }

            // A call the app rejected (admission control turns away the part of a burst beyond its limits as busy) has
            // ended too: counting only hang-ups kept its place in flight for the whole run, and the first 40 calls,
            // placed at once, left the CallFlows flow with 32 calls in flight against the raw flow's 40.
            for (int inFlight = placed - completed - rejected; inFlight < concurrency; inFlight++, placed++)
            {
                _ = Callers.PlaceAsync(emulator, cancellationToken);
            }

            await Task.Delay(50, cancellationToken);
        }

        (completed, rejected) = Since(Count(emulator));
        Storage.StorageCounts storage = stack.Storage.Snapshot().Minus(storageFrom);
        TimeSpan elapsed = clock.Elapsed - countStart;
        string load = MachineInfo.LoadAverage();
        int counted = completed - (countedFrom ?? 0);

        // Let the calls still in flight end, so they do not load the next run.
        await Callers.WaitUntilAsync(() => Since(Count(emulator)) is var (h, r) && h + r >= placed, drainLimit, cancellationToken);
        progress?.WriteLine($"  {kind}: {rejected} of {placed} calls rejected as busy; where a call's time went, mean ms: {Phases(emulator, DateTimeOffset.UtcNow - clock.Elapsed + countStart)}");
        return new ThroughputResult(counted / elapsed.TotalSeconds, counted, concurrency, load, storage.Total, elapsed.TotalSeconds);

        (int HangUps, int Rejected) Since((int HangUps, int Rejected) now) => (now.HangUps - hangUpsBefore, now.Rejected - rejectedBefore);
    }

    /// <summary>The app's hang-ups and rejections so far, in one pass over the emulator's request log.</summary>
    static (int HangUps, int Rejected) Count(CallFlows.Emulator.AcsEmulator emulator)
    {
        int hangUps = 0, rejected = 0;
        foreach (var request in emulator.RequestLog.Entries)
        {
            if (request.IsReplay || request.Status >= 300)
            {
                continue;
            }

            if (Callers.IsHangUp(request))
            {
                hangUps++;
            }
            else if (request.Operation == "RejectCall")
            {
                rejected++;
            }
        }

        return (hangUps, rejected);
    }

    /// <summary>Mean duration of each step of the calls that arrived after <paramref name="from"/>, on the emulator's clock.</summary>
    static string Phases(CallFlows.Emulator.AcsEmulator emulator, DateTimeOffset from)
    {
        var log = new CallLog(emulator);
        string[] names = ["IncomingCall → Answer", "Answer → CallConnected acknowledged", "CallConnected → AddParticipant", "AddParticipant → AddParticipantSucceeded acknowledged", "AddParticipantSucceeded → HangUp", "whole call"];
        var sums = new double[names.Length];
        int calls = 0;
        var stuck = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Stuck(string at) => stuck[at] = stuck.GetValueOrDefault(at) + 1;
        foreach (IncomingCallSnapshot call in emulator.IncomingCalls)
        {
            if (log.IncomingDelivered(call.EventId) is not { } incoming)
            {
                Stuck("IncomingCall not delivered");
                continue;
            }

            if (incoming < from)
            {
                continue;
            }

            string? id = call.CallConnectionId;
            DateTimeOffset? answer = id is null ? null : log.Request(id, "AnswerCall"), connected = id is null ? null : log.Event(id, "CallConnected"),
                add = id is null ? null : log.Request(id, "CallConnection_AddParticipant"), added = id is null ? null : log.Event(id, "AddParticipantSucceeded"),
                hangUp = id is null ? null : log.Request(id, CallLog.HangUp);
            if (hangUp is null)
            {
                Stuck(answer is null ? "before Answer" : connected is null ? "before CallConnected acknowledged" : add is null ? "before AddParticipant"
                    : added is null ? "before AddParticipantSucceeded acknowledged" : "before HangUp");
                continue;
            }

            if (answer is null || connected is null || add is null || added is null)
            {
                continue;
            }

            DateTimeOffset[] points = [incoming, answer.Value, connected.Value, add.Value, added.Value, hangUp.Value];
            for (int i = 0; i < points.Length - 1; i++)
            {
                sums[i] += CallLog.Ms(points[i], points[i + 1]);
            }

            sums[^1] += CallLog.Ms(incoming, hangUp.Value);
            calls++;
        }

        string unfinished = stuck.Count == 0 ? string.Empty : "; not hung up: " + string.Join(", ", stuck.Select(p => $"{p.Value} {p.Key}"));
        return (calls == 0 ? "no whole calls" : string.Join("; ", names.Select((n, i) => $"{n} {sums[i] / calls:0}")) + $" (n={calls})") + unfinished;
    }
}
