using CallFlows.Benchmarks.Harness;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Benchmarks.Workloads;

/// <summary>
/// Open-loop arrivals of new CallFlows calls at a fixed rate for a fixed window, then a bounded drain. Per call:
/// IncomingCall delivered → Answer request received, and CallConnected delivered → AddParticipant request received.
/// </summary>
internal static class LatencyWorkload
{
    public static async Task<LatencyResult> RunAsync(BenchStack stack, double rate, TimeSpan window, TimeSpan drainLimit, CancellationToken cancellationToken, TextWriter? progress = null)
    {
        // The agent answers and hangs up after a second, so the calls end and the load stays steady.
        stack.SetAgent(IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1) });
        var emulator = stack.Emulator;
        int answersBefore = Callers.CountRequests(emulator, r => r.Operation == "AnswerCall");
        int addsBefore = Callers.CountRequests(emulator, r => r.Operation == "CallConnection_AddParticipant");
        DateTimeOffset start = DateTimeOffset.UtcNow;
        var tasks = await Callers.ArriveAsync(emulator, rate, window, cancellationToken);
        IncomingCallSnapshot[] placed = await Task.WhenAll(tasks);
        DateTimeOffset windowEnd = DateTimeOffset.UtcNow;
        string load = MachineInfo.LoadAverage();
        int answeredInWindow = Callers.CountRequests(emulator, r => r.Operation == "AnswerCall" && r.Time <= windowEnd) - answersBefore;

        var drain = System.Diagnostics.Stopwatch.StartNew();
        await Callers.WaitUntilAsync(
            () => Callers.CountRequests(emulator, r => r.Operation == "CallConnection_AddParticipant") - addsBefore >= placed.Length,
            drainLimit,
            cancellationToken);
        double drainSeconds = drain.Elapsed.TotalSeconds;

        var (toAnswer, toAdd, unfinished) = Measure(emulator, placed);
        progress?.WriteLine($"  slowest IncomingCall → Answer: {Slowest(emulator, placed, start)}");
        return new LatencyResult(rate, placed.Length, answeredInWindow / (windowEnd - start).TotalSeconds,
            placed.Length - answeredInWindow, unfinished, drainSeconds, toAnswer, toAdd, load);
    }

    /// <summary>The five slowest answers, each with when its IncomingCall was sent (seconds into the window): a tail that is one pause shows as neighbours.</summary>
    static string Slowest(AcsEmulator emulator, IEnumerable<IncomingCallSnapshot> placed, DateTimeOffset start)
    {
        var log = new CallLog(emulator);
        var samples = new List<(double Ms, double At)>();
        foreach (IncomingCallSnapshot call in Callers.Refresh(emulator, placed.ToArray()))
        {
            if (log.IncomingDelivered(call.EventId) is { } d && call.CallConnectionId is { } id && log.Request(id, "AnswerCall") is { } a)
            {
                samples.Add((CallLog.Ms(d, a), (d - start).TotalSeconds));
            }
        }

        return string.Join(", ", samples.OrderByDescending(s => s.Ms).Take(5).Select(s => $"{s.Ms:0} ms at {s.At:0.0} s"));
    }

    /// <summary>Per placed call: IncomingCall delivered → Answer received, CallConnected delivered → AddParticipant received; calls not yet at AddParticipant.</summary>
    public static (List<double> ToAnswer, List<double> ToAdd, int Unfinished) Measure(AcsEmulator emulator, IEnumerable<IncomingCallSnapshot> placed)
    {
        var log = new CallLog(emulator);
        var toAnswer = new List<double>();
        var toAdd = new List<double>();
        int unfinished = 0;
        foreach (IncomingCallSnapshot call in Callers.Refresh(emulator, placed.ToArray()))
        {
            DateTimeOffset? delivered = log.IncomingDelivered(call.EventId);
            DateTimeOffset? answered = call.CallConnectionId is { } id ? log.Request(id, "AnswerCall") : null;
            if (delivered is { } d && answered is { } a)
            {
                toAnswer.Add(CallLog.Ms(d, a));
            }

            DateTimeOffset? connected = call.CallConnectionId is { } c ? log.Event(c, "CallConnected") : null;
            DateTimeOffset? added = call.CallConnectionId is { } c2 ? log.Request(c2, "CallConnection_AddParticipant") : null;
            if (connected is { } cc && added is { } ad)
            {
                toAdd.Add(CallLog.Ms(cc, ad));
            }
            else
            {
                unfinished++;
            }
        }

        return (toAnswer, toAdd, unfinished);
    }
}
