using System.Globalization;
using CallFlows.Benchmarks.Harness;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Benchmarks.Workloads;

/// <summary>Places incoming calls from distinct PSTN callers and waits on the emulator's logs.</summary>
internal static class Callers
{
    static int next = 1000000;

    public static Task<IncomingCallSnapshot> PlaceAsync(AcsEmulator emulator, CancellationToken cancellationToken) =>
        emulator.PlaceIncomingCallAsync("+1555" + Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture), BenchStack.CalledNumber, cancellationToken: cancellationToken);

    /// <summary>Open-loop arrivals: call i is placed at start + i / rate, whatever happened to earlier calls.</summary>
    public static async Task<List<Task<IncomingCallSnapshot>>> ArriveAsync(AcsEmulator emulator, double rate, TimeSpan window, CancellationToken cancellationToken)
    {
        var placed = new List<Task<IncomingCallSnapshot>>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int total = (int)Math.Round(rate * window.TotalSeconds);
        for (int i = 0; i < total; i++)
        {
            TimeSpan due = TimeSpan.FromSeconds(i / rate);
            TimeSpan wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            placed.Add(PlaceAsync(emulator, cancellationToken));
        }

        return placed;
    }

    /// <summary>Waits until <paramref name="done"/> holds (polled every 200 ms) or the limit passes.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(200, cancellationToken);
        }

        return true;
    }

    /// <summary>The call connection ids the app answered among <paramref name="calls"/>, read fresh from the emulator.</summary>
    public static List<IncomingCallSnapshot> Refresh(AcsEmulator emulator, IEnumerable<IncomingCallSnapshot> calls)
    {
        var byEvent = emulator.IncomingCalls.ToDictionary(c => c.EventId, StringComparer.Ordinal);
        return calls.Select(c => byEvent.TryGetValue(c.EventId, out IncomingCallSnapshot? fresh) ? fresh : c).ToList();
    }

    public static int CountRequests(AcsEmulator emulator, Func<CallFlows.Emulator.Observability.RecordedRequest, bool> predicate) =>
        emulator.RequestLog.Entries.Count(r => !r.IsReplay && r.Status < 300 && predicate(r));

    public static bool IsHangUp(CallFlows.Emulator.Observability.RecordedRequest r) =>
        r.Operation is "CallConnection_HangupCall" or "CallConnection_TerminateCall";
}
