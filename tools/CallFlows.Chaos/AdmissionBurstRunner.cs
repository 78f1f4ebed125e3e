using System.Diagnostics;
using System.Globalization;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;

namespace CallFlows.Chaos;

/// <summary>
/// Admission control across instances: several host processes on one task hub behind the loopback balancer, each with the
/// same per-instance limits. The same burst of calls (to the busy-agent number: answer on arrival, agent busy, hang up)
/// goes first to one host only (the balancer pinned), then round-robin to all; each call must be answered or rejected as
/// busy, none may ring out, and the hosts' counters say which host admitted how many. Behind the emulator's default,
/// real Event Grid retry schedule.
/// </summary>
public static class AdmissionBurstRunner
{
    /// <summary>Runs both bursts.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="progress">Where progress lines go (when <see cref="AdmissionBurstOptions.Verbose"/>).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    public static async Task<AdmissionBurstReport> RunAsync(AdmissionBurstOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Hosts, 2);
        var wall = Stopwatch.StartNew();
        string outputDirectory = options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), "callflows-admission-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(outputDirectory);
        void Say(string line)
        {
            if (options.Verbose)
            {
                lock (progress)
                {
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{wall.Elapsed.TotalSeconds,6:0.0}s] {line}"));
                }
            }
        }

        await using AzuriteServer azurite = await AzuriteServer.StartOrReuseAsync(
            new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true }, null, cancellationToken);
        var emulatorOptions = new AcsEmulatorOptions { RingTimeout = options.RingTimeout };
        foreach (string number in DemoWorld.OwnedNumbers.Where(n => !emulatorOptions.OwnedPhoneNumbers.Contains(n)))
        {
            emulatorOptions.OwnedPhoneNumbers.Add(number);
        }

        await using AcsEmulator emulator = await AcsEmulator.StartAsync(emulatorOptions, cancellationToken);
        DemoWorld.Configure(emulator);
        var environment = new Dictionary<string, string>
        {
            ["CallFlows__Admission__MaxStartsPerSecond"] = options.MaxStartsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["CallFlows__Admission__MaxBurst"] = options.MaxBurst.ToString(CultureInfo.InvariantCulture),
        };
        string taskHub = "admission" + Guid.NewGuid().ToString("N")[..8];
        await using HostCluster cluster = await HostCluster.StartAsync(
            options.Hosts, emulator.Endpoint, taskHub, azurite.ConnectionString, outputDirectory, environment, null, cancellationToken);
        Say($"{options.Hosts} hosts behind {cluster.Address}; per host MaxStartsPerSecond {options.MaxStartsPerSecond}, MaxBurst {options.MaxBurst}");

        cluster.Balancer!.PinnedBackend = 0;
        AdmissionBurstPhase one = await BurstAsync("one host", 0, emulator, cluster, options, cancellationToken);
        Say($"one host: {one.Answered} answered, {one.RejectedBusy} busy, {one.RangOut} rang out");

        // Both bursts start with full buckets: wait until the first burst's calls have ended and the buckets refilled.
        await WaitForNoConnectedCallsAsync(emulator, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(Math.Ceiling((double)Math.Max(options.MaxBurst, options.MaxStartsPerSecond) / Math.Max(1, options.MaxStartsPerSecond)) + 1), cancellationToken);

        cluster.Balancer.PinnedBackend = null;
        AdmissionBurstPhase all = await BurstAsync(options.Hosts.ToString(CultureInfo.InvariantCulture) + " hosts", 1, emulator, cluster, options, cancellationToken);
        Say($"{options.Hosts} hosts: {all.Answered} answered, {all.RejectedBusy} busy, {all.RangOut} rang out");
        await WaitForNoConnectedCallsAsync(emulator, cancellationToken);
        return new AdmissionBurstReport(options, one, all, outputDirectory);
    }

    static async Task<AdmissionBurstPhase> BurstAsync(
        string name, int phase, AcsEmulator emulator, HostCluster cluster, AdmissionBurstOptions options, CancellationToken cancellationToken)
    {
        long[] before = await StartedPerHostAsync(cluster, cancellationToken);
        var clock = Stopwatch.StartNew();
        IncomingCallSnapshot[] placed = await Task.WhenAll(Enumerable.Range(0, options.CallsPerBurst).Select(i => emulator.PlaceIncomingCallAsync(
            string.Create(CultureInfo.InvariantCulture, $"+1555{phase + 3}{i:000000}"), DemoWorld.AgentBusyNumber, cancellationToken: cancellationToken)));
        IncomingCallSnapshot[] done = await Task.WhenAll(placed.Select(c => emulator.WaitForIncomingCallAsync(
            c.EventId, s => s.State != IncomingCallState.Ringing, options.RingTimeout + TimeSpan.FromSeconds(30), cancellationToken)));
        TimeSpan spread = clock.Elapsed;
        long[] after = await StartedPerHostAsync(cluster, cancellationToken);
        return new AdmissionBurstPhase(
            name,
            done.Length,
            done.Count(c => c.State == IncomingCallState.Answered),
            done.Count(c => c.State == IncomingCallState.Rejected),
            done.Count(c => c.State is not (IncomingCallState.Answered or IncomingCallState.Rejected)),
            [.. after.Zip(before, (a, b) => a - b)],
            spread);
    }

    static async Task<long[]> StartedPerHostAsync(HostCluster cluster, CancellationToken cancellationToken)
    {
        await cluster.PollWorkAsync(cancellationToken);
        return [.. cluster.Report().Select(h => h.CallsStarted)];
    }

    static async Task WaitForNoConnectedCallsAsync(AcsEmulator emulator, CancellationToken cancellationToken)
    {
        // The admitted calls' flows hang up after the agent turned out busy; a call still up after 3 minutes is reported by the caller's counts, not here.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(3) && emulator.Calls.Any(c => c.State != "disconnected"))
        {
            await Task.Delay(250, cancellationToken);
        }
    }
}
