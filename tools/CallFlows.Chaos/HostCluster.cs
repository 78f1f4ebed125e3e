using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CallFlows.Chaos;

/// <summary>
/// One or more CallFlows app processes (<c>CallFlows.LocalHost start</c>) on one task hub and storage. With more than one,
/// a <see cref="LoopbackBalancer"/> stands in front of them and is their public URL: the Event Grid webhook registered
/// with the emulator and the callback base URL handed to ACS, so deliveries and callbacks are spread over the hosts. A
/// killed host is restarted in its slot (same port, task hub and storage). Each process's work counters are polled so
/// the run can say which host did what.
/// </summary>
public sealed class HostCluster : IAsyncDisposable
{
    readonly Uri emulator;
    readonly string taskHub;
    readonly string storage;
    readonly string outputDirectory;
    readonly IReadOnlyDictionary<string, string>? environment;
    readonly int[] ports;
    readonly HostProcess[] hosts;
    readonly int[] runs;
    readonly int[] kills;
    readonly List<int>[] processIds;
    readonly ConcurrentDictionary<int, (int Slot, HostWork Work)> lastWork = new();
    readonly long[] readings;
    readonly long[] missedReadings;
    static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(20);

    HostCluster(Uri emulator, string taskHub, string storage, string outputDirectory, IReadOnlyDictionary<string, string>? environment, int[] ports, LoopbackBalancer? balancer)
    {
        this.emulator = emulator;
        this.taskHub = taskHub;
        this.storage = storage;
        this.outputDirectory = outputDirectory;
        this.environment = environment;
        this.ports = ports;
        this.Balancer = balancer;
        this.hosts = new HostProcess[ports.Length];
        this.runs = new int[ports.Length];
        this.kills = new int[ports.Length];
        this.processIds = [.. ports.Select(_ => new List<int>())];
        this.readings = new long[ports.Length];
        this.missedReadings = new long[ports.Length];
    }

    /// <summary>Gets the balancer in front of the hosts (<see langword="null"/> with a single host).</summary>
    public LoopbackBalancer? Balancer { get; }

    /// <summary>Gets the address the app is reached at: the balancer's, or the single host's.</summary>
    public Uri Address => this.Balancer?.Address ?? this.hosts[0].BaseAddress;

    /// <summary>Gets or sets the hosts' minimum log level (for processes started from now on). Default <see langword="null"/>: Warning.</summary>
    public string? LogLevel { get; set; }

    /// <summary>Gets the number of host slots.</summary>
    public int Count => this.hosts.Length;

    /// <summary>Gets the process currently running in <paramref name="slot"/>.</summary>
    /// <param name="slot">The slot.</param>
    /// <returns>The host process.</returns>
    public HostProcess Host(int slot) => this.hosts[slot];

    /// <summary>Starts <paramref name="count"/> hosts (the first alone, so it registers the webhook once; then the others together).</summary>
    /// <param name="count">How many hosts.</param>
    /// <param name="emulator">The emulator's base address.</param>
    /// <param name="taskHub">The task hub.</param>
    /// <param name="storage">The storage connection string.</param>
    /// <param name="outputDirectory">Where the host logs go (<c>host{slot}-{run}.log</c>).</param>
    /// <param name="environment">Extra environment variables of every host (app settings with <c>__</c>).</param>
    /// <param name="logLevel">The hosts' minimum log level; <see langword="null"/>: Warning.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running cluster.</returns>
    public static async Task<HostCluster> StartAsync(
        int count, Uri emulator, string taskHub, string storage, string outputDirectory,
        IReadOnlyDictionary<string, string>? environment = null, string? logLevel = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var distinct = new HashSet<int>();
        while (distinct.Count < count)
        {
            distinct.Add(FreePort());
        }

        int[] ports = [.. distinct];
        LoopbackBalancer? balancer = count > 1
            ? await LoopbackBalancer.StartAsync([.. ports.Select(p => new Uri($"http://127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}/"))], cancellationToken)
            : null;
        var cluster = new HostCluster(emulator, taskHub, storage, outputDirectory, environment, ports, balancer) { LogLevel = logLevel };
        try
        {
            cluster.hosts[0] = await cluster.StartSlotAsync(0, cancellationToken);
            HostProcess[] others = await Task.WhenAll(Enumerable.Range(1, count - 1).Select(slot => cluster.StartSlotAsync(slot, cancellationToken)));
            others.CopyTo(cluster.hosts, 1);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls every host's work counters once (a host that does not answer keeps its last reading).</summary>
    /// <param name="cancellationToken">Cancels the polls.</param>
    /// <returns>A task that completes when every host answered or failed to.</returns>
    public Task PollWorkAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(Enumerable.Range(0, this.hosts.Length).Select(slot => this.PollAsync(slot, this.hosts[slot], LongPoll, cancellationToken)));

    /// <summary>
    /// Polls each host's counters every second until cancelled, one loop per slot so a busy host does not hold up the
    /// others' readings; a killed process keeps its last reading (and is read once more just before the kill).
    /// </summary>
    /// <param name="cancellationToken">Stops the polling.</param>
    /// <returns>A task that completes when the polling stopped.</returns>
    public Task RunPollingAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, this.hosts.Length).Select(async slot =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await this.PollAsync(slot, this.hosts[slot], LongPoll, cancellationToken);
                    await Task.Delay(1000, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }));

    /// <summary>Reads the victim's counters, SIGKILLs it and starts a new process in its slot.</summary>
    /// <param name="slot">The victim's slot.</param>
    /// <param name="cancellationToken">Cancels the restart.</param>
    /// <returns>The killed process id, the new one, and the time from the kill until the new process was ready.</returns>
    public async Task<(int Killed, int Restarted, TimeSpan Down)> KillAndRestartAsync(int slot, CancellationToken cancellationToken = default)
    {
        HostProcess victim = this.hosts[slot];
        await this.PollAsync(slot, victim, TimeSpan.FromSeconds(3), cancellationToken);
        var down = Stopwatch.StartNew();
        await victim.KillAsync();
        this.kills[slot]++;
        await victim.DisposeAsync();
        this.hosts[slot] = await this.StartSlotAsync(slot, cancellationToken);
        return (victim.ProcessId, this.hosts[slot].ProcessId, down.Elapsed);
    }

    /// <summary>Per slot: processes, kills, and the summed work counters (poll first: <see cref="PollWorkAsync"/>).</summary>
    /// <returns>One report per slot.</returns>
    public IReadOnlyList<ChaosHostReport> Report()
    {
        IReadOnlyList<BalancerBackendStats>? traffic = this.Balancer?.Stats;
        return [.. Enumerable.Range(0, this.hosts.Length).Select(slot =>
        {
            HostWork[] works = [.. this.lastWork.Values.Where(v => v.Slot == slot).Select(v => v.Work)];
            return new ChaosHostReport(
                slot,
                [.. this.processIds[slot]],
                this.kills[slot],
                works.Sum(w => w.InstancesCreated),
                works.Sum(w => w.OrchestrationEpisodes),
                works.Sum(w => (long)w.OrchestrationInstances),
                works.Sum(w => w.Activities),
                traffic?[slot])
            {
                Readings = Interlocked.Read(ref this.readings[slot]),
                MissedReadings = Interlocked.Read(ref this.missedReadings[slot]),
            };
        })];
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (HostProcess? host in this.hosts)
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (this.Balancer is not null)
        {
            await this.Balancer.DisposeAsync();
        }
    }

    async Task PollAsync(int slot, HostProcess host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await host.TryGetWorkAsync(timeout, cancellationToken) is { } work)
        {
            // Counters only grow: a slow answer that arrives after a newer one must not replace it.
            this.lastWork.AddOrUpdate(host.ProcessId, (slot, work), (_, old) => work.OrchestrationEpisodes >= old.Work.OrchestrationEpisodes
                && work.InstancesCreated >= old.Work.InstancesCreated ? (slot, work) : old);
            Interlocked.Increment(ref this.readings[slot]);
        }
        else
        {
            Interlocked.Increment(ref this.missedReadings[slot]);
        }
    }

    async Task<HostProcess> StartSlotAsync(int slot, CancellationToken cancellationToken)
    {
        string log = Path.Combine(this.outputDirectory, string.Create(CultureInfo.InvariantCulture, $"host{slot}-{this.runs[slot]++}.log"));
        HostProcess host = await HostProcess.StartAsync(
            this.emulator, this.ports[slot], this.taskHub, this.storage, log, this.environment, this.Balancer?.Address, this.LogLevel, cancellationToken);
        lock (this.processIds[slot])
        {
            this.processIds[slot].Add(host.ProcessId);
        }

        return host;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
