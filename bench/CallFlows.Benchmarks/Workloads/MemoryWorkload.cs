using System.Diagnostics;
using System.Globalization;
using CallFlows.Benchmarks.Harness;
using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost;
using CallFlows.LocalHost.App;

namespace CallFlows.Benchmarks.Workloads;

/// <summary>
/// Host memory per waiting call. The host runs in its OWN process (the local host's <c>start</c> verb pointed at this
/// process's emulator with <c>--emulator</c>), so its RSS (<c>/proc/PID/status</c> VmRSS) holds neither the emulator
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
        string hostDll = typeof(CallFlowsLocalApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            hostDll, "start", "--emulator", emulator.Endpoint.AbsoluteUri, "--port", port.ToString(CultureInfo.InvariantCulture),
            "--taskhub", $"BenchMem{(settings == EngineSettingsSource.HostJson ? "Tuned" : "Defaults")}{Environment.ProcessId}",
            "--storage", storageConnectionString, "--log-level", "Error",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (settings == EngineSettingsSource.EngineDefaults)
        {
            start.ArgumentList.Add("--engine-defaults");
        }

        using Process host = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host process.");
        host.OutputDataReceived += (_, _) => { };
        host.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase))
            {
                progress.WriteLine("  [host] " + line);
            }
        };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            if (!await Callers.WaitUntilAsync(() => emulator.EventGridSubscriptions.Count > 0 || host.HasExited, TimeSpan.FromSeconds(90), cancellationToken) || host.HasExited)
            {
                throw new InvalidOperationException($"The host process did not start (exit code {(host.HasExited ? host.ExitCode : -1)}).");
            }

            await ParkAsync(emulator, options.WarmUpParkedCalls, options.ParkRate, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            double baseline = MachineInfo.RssMiB(host.Id);
            await ParkAsync(emulator, options.ParkedCalls, options.ParkRate, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            double parked = MachineInfo.RssMiB(host.Id);
            return new MemoryResult(baseline, parked, options.ParkedCalls, MachineInfo.LoadAverage());
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>Places calls at a steady rate and waits until every one is parked (the agent's join delivered to the app).</summary>
    static async Task ParkAsync(AcsEmulator emulator, int count, double rate, CancellationToken cancellationToken)
    {
        var tasks = await Callers.ArriveAsync(emulator, rate, TimeSpan.FromSeconds(count / rate), cancellationToken);
        IncomingCallSnapshot[] placed = await Task.WhenAll(tasks);
        var remaining = new HashSet<string>(placed.Select(p => p.EventId), StringComparer.Ordinal);
        var timeout = Stopwatch.StartNew();
        while (remaining.Count > 0 && timeout.Elapsed < TimeSpan.FromSeconds(120))
        {
            var succeeded = emulator.EventLog.Entries
                .Where(r => r.Name == "AddParticipantSucceeded" && r.Outcome == DeliveryOutcome.Delivered)
                .Select(r => r.CallConnectionId)
                .ToHashSet(StringComparer.Ordinal);
            foreach (IncomingCallSnapshot call in emulator.IncomingCalls.Where(c => remaining.Contains(c.EventId)))
            {
                if (call.CallConnectionId is { } id && succeeded.Contains(id))
                {
                    remaining.Remove(call.EventId);
                }
            }

            await Task.Delay(250, cancellationToken);
        }

        if (remaining.Count > 0)
        {
            throw new TimeoutException($"{remaining.Count} of {count} calls were not parked within 120 s.");
        }
    }
}
