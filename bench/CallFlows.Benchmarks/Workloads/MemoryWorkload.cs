using System.Diagnostics;
using System.Globalization;
using CallFlows.Benchmarks.Harness;
using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost;
using CallFlows.LocalHost.App;
using CallFlows.Testing.Processes;

namespace CallFlows.Benchmarks.Workloads;

/// <summary>
/// Host memory per waiting call. The host runs in its OWN process (<see cref="HostProcess"/>, pointed at this
/// process's emulator), so its RSS (<c>/proc/PID/status</c> VmRSS) holds neither the emulator
/// nor the load driver nor Azurite. Calls are parked in the inbound flow's roster wait (agent joined and stays);
/// the delta between a warm baseline and N more parked calls is scaled to 1,000.
/// </summary>
internal static class MemoryWorkload
{
    public static async Task<MemoryResult> RunAsync(EngineSettingsSource settings, string storageConnectionString, BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        await using AcsEmulator emulator = await AcsEmulator.StartAsync(new AcsEmulatorOptions(), cancellationToken);
        emulator.World.Configure(DemoWorld.Agent(emulator.ResourceId.ToString()), IdentityBehavior.Answers());
        int port = BenchStack.FreePort();
        string hostDll = typeof(BenchmarkRunner).Assembly.Location;
        await using ChildProcess host = ChildProcess.StartDotnet(
            hostDll,
            [
                "host", "--settings", settings.ToString(), "--emulator", emulator.Endpoint.AbsoluteUri,
                "--port", port.ToString(CultureInfo.InvariantCulture), "--storage", storageConnectionString,
            ],
            new ChildProcessOptions
            {
                MaxLinesKept = 200,
                OnLine = line =>
                {
                    if (line.Contains("fail", StringComparison.OrdinalIgnoreCase))
                    {
                        progress.WriteLine("  [host] " + line);
                    }
                },
            });
        try
        {
            if (!await Callers.WaitUntilAsync(() => emulator.EventGridSubscriptions.Count > 0 || host.HasExited, TimeSpan.FromSeconds(90), cancellationToken) || host.HasExited)
            {
                throw new InvalidOperationException($"The host process did not start (exit code {(host.HasExited ? host.ExitCode : -1)}).");
            }

            await ParkAsync(emulator, options.WarmUpParkedCalls, options.ParkingConcurrency, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            double baseline = MachineInfo.RssMiB(host.Id);
            await ParkAsync(emulator, options.ParkedCalls, options.ParkingConcurrency, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            double parked = MachineInfo.RssMiB(host.Id);
            return new MemoryResult(baseline, parked, options.ParkedCalls, MachineInfo.LoadAverage());
        }
        finally
        {
            await host.KillAsync();
        }
    }

    /// <summary>
    /// Places calls, at most <paramref name="pending"/> not yet parked at a time (the machine's own pace, so no call
    /// rings out while the app is busy), and waits until every one is parked (the agent's join delivered to the app).
    /// </summary>
    static async Task ParkAsync(AcsEmulator emulator, int count, int pending, CancellationToken cancellationToken)
    {
        var placed = new List<Task<IncomingCallSnapshot>>();
        var timeout = Stopwatch.StartNew();
        int parked = 0;
        while (parked < count)
        {
            if (timeout.Elapsed > TimeSpan.FromSeconds(180))
            {
                throw new TimeoutException($"{count - parked} of {count} calls were not parked within 180 s.");
            }

            while (placed.Count < count && placed.Count - parked < pending)
            {
                placed.Add(Callers.PlaceAsync(emulator, cancellationToken));
            }

            await Task.Delay(200, cancellationToken);
            var succeeded = emulator.EventLog.Entries
                .Where(r => r.Name == "AddParticipantSucceeded" && r.Outcome == DeliveryOutcome.Delivered)
                .Select(r => r.CallConnectionId)
                .ToHashSet(StringComparer.Ordinal);
            var mine = new HashSet<string>(placed.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result.EventId), StringComparer.Ordinal);
            parked = emulator.IncomingCalls.Count(c => mine.Contains(c.EventId) && c.CallConnectionId is { } id && succeeded.Contains(id));
        }
    }
}
