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
        return Measure(stack, snapshots);
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
