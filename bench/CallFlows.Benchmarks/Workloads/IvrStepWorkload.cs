using System.Globalization;
using CallFlows.Benchmarks.Harness;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost.App;

namespace CallFlows.Benchmarks.Workloads;

/// <summary>
/// The media step of the shipped IVR: each caller presses 1 at the menu; the step is the DTMF tone delivered to the app
/// (the menu's <c>RecognizeCompleted</c> callback) → the flow's next media request (<c>:hold</c> with the hold music),
/// both measured by the emulator (delivery log and request log), so no clock of the app is trusted.
/// </summary>
internal static class IvrStepWorkload
{
    static int next;

    public static async Task<List<double>> RunAsync(BenchStack stack, int calls, TimeSpan drainLimit, CancellationToken cancellationToken)
    {
        var emulator = stack.Emulator;
        var placed = new List<Task<IncomingCallSnapshot>>();
        for (int i = 0; i < calls; i++)
        {
            string caller = "+1555300" + Interlocked.Increment(ref next).ToString("0000", CultureInfo.InvariantCulture);
            emulator.World.Configure(caller, IdentityBehavior.Answers() with { MediaScript = [CallerInput.Press("1")] });
            placed.Add(emulator.PlaceIncomingCallAsync(caller, DemoWorld.IvrNumber, cancellationToken: cancellationToken));
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        IncomingCallSnapshot[] snapshots = await Task.WhenAll(placed);
        await Callers.WaitUntilAsync(() => Measure(stack, snapshots).Count >= snapshots.Length, drainLimit + TimeSpan.FromSeconds(30), cancellationToken);
        List<double> samples = Measure(stack, snapshots);
        await HangUpAsync(stack, Callers.Refresh(emulator, snapshots), drainLimit, cancellationToken);
        return samples;
    }

    /// <summary>
    /// The callers, on hold waiting for an agent, hang up, and the calls are awaited until they end: otherwise their flows
    /// would still run (hold music, agent wait) during the next section and take a share of its capacity.
    /// </summary>
    static async Task HangUpAsync(BenchStack stack, IReadOnlyList<IncomingCallSnapshot> calls, TimeSpan drainLimit, CancellationToken cancellationToken)
    {
        var connections = new List<string>();
        foreach (IncomingCallSnapshot call in calls)
        {
            if (call.CallConnectionId is { } connection && stack.Emulator.GetCall(connection) is { State: not "disconnected" })
            {
                connections.Add(connection);
                try
                {
                    stack.Emulator.HangUpParticipant(connection, call.From);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The call ended between the check and the hang-up (the emulator answers 404): nothing left to end.
                }
            }
        }

        await Callers.WaitUntilAsync(
            () => connections.All(c => stack.Emulator.GetCall(c) is not { } call || call.State == "disconnected"), drainLimit, cancellationToken);
    }

    static List<double> Measure(BenchStack stack, IncomingCallSnapshot[] placed)
    {
        var log = new CallLog(stack.Emulator);
        var samples = new List<double>();
        foreach (IncomingCallSnapshot call in Callers.Refresh(stack.Emulator, placed))
        {
            if (call.CallConnectionId is { } id && log.EventSent(id, "RecognizeCompleted") is { } tone && log.Request(id, "CallMedia_Hold") is { } next)
            {
                samples.Add(CallLog.Ms(tone, next));
            }
        }

        return samples;
    }
}
