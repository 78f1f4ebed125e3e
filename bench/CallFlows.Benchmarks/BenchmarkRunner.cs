using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CallFlows.Benchmarks.Harness;
using CallFlows.Benchmarks.Workloads;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost;
using CallFlows.LocalHost.Azurite;

namespace CallFlows.Benchmarks;

/// <summary>
/// Runs every section of the benchmark on the local host with the ACS emulator, first with the Azure Storage
/// provider's defaults (<see cref="EngineSettingsSource.EngineDefaults"/>) and then with the tuned <c>host.json</c>
/// (<see cref="EngineSettingsSource.HostJson"/>), and returns one table per section with both columns.
/// </summary>
public static class BenchmarkRunner
{
    /// <summary>Runs the benchmark.</summary>
    /// <param name="options">Sizes of the run (<see cref="BenchmarkOptions.Full"/>, <see cref="BenchmarkOptions.Quick"/>, <see cref="BenchmarkOptions.Smoke"/>).</param>
    /// <param name="progress">Receives one line per step.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The report; a section that failed shows <c>error: ...</c> in its cells.</returns>
    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var total = Stopwatch.StartNew();
        IReadOnlyList<string> environment = MachineInfo.Describe(AzuriteVersion());
        var columns = new List<ColumnResults>();
        foreach (EngineSettingsSource settings in options.Settings)
        {
            // A fresh Azurite per column: with one shared in-memory Azurite, the second column ran on a store still
            // holding the first column's task hub (its histories and the unfinished backlog of the 50/s run) and
            // measured about half the throughput whichever settings it had (8.6 calls/s alone, 4.0 second).
            await using AzuriteServer azurite = await AzuriteServer.StartOrReuseAsync(
                new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true }, cancellationToken: cancellationToken);
            columns.Add(await RunColumnAsync(settings, azurite.ConnectionString, options, progress, cancellationToken));
        }

        var env = environment.ToList();
        env.Add($"run: {options.Mode}, {total.Elapsed.TotalSeconds:0} s, load average at end {MachineInfo.LoadAverage()}");
        return new BenchmarkReport(options.Mode, env, BuildTables(columns, options));
    }

    static async Task<ColumnResults> RunColumnAsync(EngineSettingsSource settings, string storage, BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var results = new ColumnResults(settings);
        string name = ColumnName(settings);
        progress.WriteLine($"[{Now()}] {name}: starting emulators and host (load {MachineInfo.LoadAverage()})");
        BenchStack? stack = null;
        try
        {
            stack = await BenchStack.StartAsync(settings, storage, cancellationToken);
            await WarmUpAsync(stack, progress, cancellationToken);

            // Lightest first; the open-loop runs last, since an overloaded run leaves a backlog behind.
            progress.WriteLine($"[{Now()}] {name}: {options.IdleCalls} calls, each after {options.IdleInterval.TotalSeconds:0} s idle");
            results.Idle = await Try(() => IdleWorkload.RunAsync(stack, options.IdleCalls, options.IdleInterval, cancellationToken), results);
            progress.WriteLine($"[{Now()}] {name}: step latency at event ~{options.ShortCallEvents} vs ~{options.LongCallEvents}");
            results.Steps = await Try(() => StepLatencyWorkload.RunAsync(stack, options.LongCalls, options.ShortCallEvents, options.LongCallEvents, options.RosterUpdatesPerSecond, progress, cancellationToken), results);
            progress.WriteLine($"[{Now()}] {name}: throughput, CallFlows flow");
            results.ThroughputCallFlows = await Try(() => ThroughputWorkload.RunAsync(stack, FlowKind.CallFlows, options.ThroughputConcurrency, options.ThroughputWarmUp, options.ThroughputWindow, options.DrainLimit, cancellationToken), results);
            progress.WriteLine($"[{Now()}] {name}: throughput, raw Durable Task flow");
            results.ThroughputRaw = await Try(() => ThroughputWorkload.RunAsync(stack, FlowKind.Raw, options.ThroughputConcurrency, options.ThroughputWarmUp, options.ThroughputWindow, options.DrainLimit, cancellationToken), results);
            progress.WriteLine($"[{Now()}] {name}: latency at {options.SlowRate}/s");
            results.Slow = await Try(() => LatencyWorkload.RunAsync(stack, options.SlowRate, options.SlowRateWindow, options.DrainLimit, cancellationToken), results);
            progress.WriteLine($"[{Now()}] {name}: latency at {options.FastRate}/s");
            results.Fast = await Try(() => LatencyWorkload.RunAsync(stack, options.FastRate, options.FastRateWindow, options.DrainLimit, cancellationToken), results);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            results.Errors.Add("host: " + ex.Message);
        }
        finally
        {
            if (stack is not null)
            {
                progress.WriteLine($"[{Now()}] {name}: stopping host");
                await stack.DisposeAsync();
            }
        }

        progress.WriteLine($"[{Now()}] {name}: memory per waiting call (host in its own process)");
        results.Memory = await Try(() => MemoryWorkload.RunAsync(settings, storage, options, progress, cancellationToken), results);
        foreach (string error in results.Errors)
        {
            progress.WriteLine($"[{Now()}] {name}: ERROR {error}");
        }

        return results;
    }

    /// <summary>First calls on a fresh task hub pay for partition leases and JIT: one whole call per flow before measuring.</summary>
    static async Task WarmUpAsync(BenchStack stack, TextWriter progress, CancellationToken cancellationToken)
    {
        stack.SetAgent(IdentityBehavior.Answers(TimeSpan.FromMilliseconds(50)) with { HangUpAfter = TimeSpan.FromMilliseconds(200) });
        foreach (FlowKind kind in Enum.GetValues<FlowKind>())
        {
            var clock = Stopwatch.StartNew();
            var emulator = stack.EmulatorFor(kind);
            await Callers.PlaceAsync(emulator, cancellationToken);
            bool done = await Callers.WaitUntilAsync(() => Callers.CountRequests(emulator, Callers.IsHangUp) >= 1, TimeSpan.FromSeconds(90), cancellationToken);
            progress.WriteLine($"[{Now()}]   warm-up call ({kind}) {(done ? "completed" : "DID NOT complete")} in {clock.Elapsed.TotalSeconds:0.0} s");
            if (!done)
            {
                throw new TimeoutException($"The warm-up call of the {kind} flow did not complete within 90 s.");
            }
        }
    }

    static async Task<T?> Try<T>(Func<Task<T>> run, ColumnResults results)
        where T : class
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            results.Errors.Add(ex.GetType().Name + ": " + ex.Message.Split('\n')[0]);
            return null;
        }
    }

    static IReadOnlyList<BenchmarkTable> BuildTables(List<ColumnResults> columns, BenchmarkOptions options)
    {
        List<string> headers = columns.Select(c => ColumnName(c.Settings)).ToList();
        BenchmarkRow Row(string label, Func<ColumnResults, string> value) =>
            new(label, columns.Select(c => { try { return value(c); } catch (NullReferenceException) { return "error: " + string.Join("; ", c.Errors); } }).ToList());

        var latencyRows = new List<BenchmarkRow>();
        foreach ((string rate, Func<ColumnResults, LatencyResult?> pick) in new (string, Func<ColumnResults, LatencyResult?>)[]
        {
            ($"{options.SlowRate:0}/s for {options.SlowRateWindow.TotalSeconds:0} s", c => c.Slow),
            ($"{options.FastRate:0}/s for {options.FastRateWindow.TotalSeconds:0} s", c => c.Fast),
        })
        {
            latencyRows.Add(Row($"{rate}: calls placed", c => pick(c)!.Placed.ToString(CultureInfo.InvariantCulture)));
            latencyRows.Add(Row($"{rate}: answers/s achieved in the window", c => Stats.F(pick(c)!.AnsweredRateInWindow)));
            latencyRows.Add(Row($"{rate}: backlog at window end (not answered yet)", c => pick(c)!.BacklogAtWindowEnd.ToString(CultureInfo.InvariantCulture)));
            latencyRows.Add(Row($"{rate}: not at AddParticipant after drain (drain s)", c => $"{pick(c)!.UnfinishedAfterDrain} ({Stats.F(pick(c)!.DrainSeconds)} s)"));
            latencyRows.Add(Row($"{rate}: IncomingCall → Answer ms p50/p95/p99", c => Stats.Ms(pick(c)!.IncomingToAnswerMs)));
            latencyRows.Add(Row($"{rate}: CallConnected → AddParticipant ms p50/p95/p99", c => Stats.Ms(pick(c)!.ConnectedToAddMs)));
            latencyRows.Add(Row($"{rate}: load average 1/5/15 at window end", c => pick(c)!.Load));
        }

        string idle = $"after {options.IdleInterval.TotalSeconds:0} s idle, one call at a time";
        static string Each(IReadOnlyList<double> values) => values.Count == 0 ? "no samples" : string.Join(", ", values.Select(v => Stats.F(v, "0")));
        latencyRows.Add(Row($"{idle}: IncomingCall → Answer ms, each call", c => Each(c.Idle!.IncomingToAnswerMs)));
        latencyRows.Add(Row($"{idle}: CallConnected → AddParticipant ms, each call", c => Each(c.Idle!.ConnectedToAddMs)));

        var throughputRows = new List<BenchmarkRow>
        {
            Row("CallFlows InboundRouting flow: calls/s", c => $"{Stats.F(c.ThroughputCallFlows!.CallsPerSecond)} (n={c.ThroughputCallFlows.Completed})"),
            Row("raw Durable Task flow: calls/s", c => $"{Stats.F(c.ThroughputRaw!.CallsPerSecond)} (n={c.ThroughputRaw.Completed})"),
            Row("CallFlows / raw", c => c.ThroughputRaw!.CallsPerSecond > 0 ? Stats.F(c.ThroughputCallFlows!.CallsPerSecond / c.ThroughputRaw.CallsPerSecond, "0.00") : "n/a (raw 0)"),
            Row("calls in flight", c => c.ThroughputCallFlows!.Concurrency.ToString(CultureInfo.InvariantCulture)),
            Row("load average 1/5/15 (CallFlows run; raw run)", c => $"{c.ThroughputCallFlows!.Load}; {c.ThroughputRaw!.Load}"),
        };

        static string Samples(IReadOnlyList<StepLatencySample> samples, Func<StepLatencySample, string> format) => string.Join(", ", samples.Select(format));
        var stepRows = new List<BenchmarkRow>
        {
            Row("short call: event index of the step", c => Samples(c.Steps!.Short, s => s.EventIndex.ToString(CultureInfo.InvariantCulture))),
            Row("short call: roster event → hang-up ms", c => Samples(c.Steps!.Short, s => Stats.F(s.LatencyMs, "0"))),
            Row("long call: event index of the step", c => Samples(c.Steps!.Long, s => s.EventIndex.ToString(CultureInfo.InvariantCulture))),
            Row("long call: roster event → hang-up ms", c => Samples(c.Steps!.Long, s => Stats.F(s.LatencyMs, "0"))),
            Row("long call: backlog work-off after the chatter s", c => Samples(c.Steps!.Long, s => Stats.F(s.CatchUpSeconds))),
            Row("load average 1/5/15", c => c.Steps!.Load),
        };

        var memoryRows = new List<BenchmarkRow>
        {
            Row($"host RSS MiB, {options.WarmUpParkedCalls} warm-up calls parked", c => Stats.F(c.Memory!.BaselineMiB)),
            Row($"host RSS MiB, +{options.ParkedCalls} calls parked", c => Stats.F(c.Memory!.ParkedMiB)),
            Row("host RSS MiB per 1,000 waiting calls", c => Stats.F(c.Memory!.PerThousandMiB)),
            Row("load average 1/5/15", c => c.Memory!.Load),
        };

        return
        [
            new BenchmarkTable("1. Step latency under steady arrivals (CallFlows InboundRouting flow)", headers, latencyRows,
            [
                "Open loop: call i arrives at i/rate whatever the app does. IncomingCall → Answer: Event Grid delivery acknowledged by the webhook → Answer request received by the emulator. CallConnected → AddParticipant: the callback acknowledged → AddParticipant received. Both on the emulator's clock, same process.",
                "answers/s below the offered rate and a backlog mean the machine saturated; latencies then include queueing.",
            ]),
            new BenchmarkTable("2. Maximum sustained calls/s: CallFlows layer vs the same flow on the raw Durable Task SDK (same host, same engine)", headers, throughputRows,
            [
                "Closed loop: a fixed number of calls in flight, a new one for each that ends; whole calls (answer → add agent → agent leaves → hang up) ended per second after a warm-up.",
                "Raw flow: TaskOrchestrator with string event names and WaitForExternalEvent timeouts, raw activities on CallFlows.CallAutomation, its own webhook and callback endpoint (token validated), registered in the same host through LocalHostOptions.ConfigureServices.",
            ]),
            new BenchmarkTable($"3. Step latency at a call's ~{options.ShortCallEvents}th vs ~{options.LongCallEvents}th event (chatty roster)", headers, stepRows,
            [
                $"The emulator re-announces the roster ({options.RosterUpdatesPerSecond:0} ParticipantsUpdated/s per call) until the agent's leaving is the target event; after the instance has worked the chatter off, the agent hangs up and the step is that ParticipantsUpdated delivered → the flow's hang-up request. One value per call.",
            ]),
            new BenchmarkTable("4. Host memory per 1,000 waiting calls", headers, memoryRows,
            [
                "Host in its own process (this program's 'host' verb: the same CallFlowsLocalApp options, workstation GC as a Functions isolated worker, pointed at this process's emulator); RSS = /proc/PID/status VmRSS of that process only (not the emulator, the driver or Azurite). Calls parked in the inbound flow's roster wait; delta from a warm baseline scaled to 1,000; measured 2 s after the last call parked (extended sessions, when on, still hold the instances).",
            ]),
        ];
    }

    static string ColumnName(EngineSettingsSource settings) =>
        settings == EngineSettingsSource.HostJson ? "host.json (tuned)" : "engine defaults";

    static string Now() => DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    static string AzuriteVersion()
    {
        try
        {
            string? root = AzuriteServer.FindRepositoryRoot();
            string path = Path.Combine(root ?? ".", "node_modules", "azurite", "package.json");
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.GetProperty("version").GetString() ?? "?";
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException)
        {
            return "?";
        }
    }

    sealed class ColumnResults(EngineSettingsSource settings)
    {
        public EngineSettingsSource Settings { get; } = settings;

        public List<string> Errors { get; } = [];

        public LatencyResult? Idle { get; set; }

        public LatencyResult? Slow { get; set; }

        public LatencyResult? Fast { get; set; }

        public ThroughputResult? ThroughputCallFlows { get; set; }

        public ThroughputResult? ThroughputRaw { get; set; }

        public StepLatencyResult? Steps { get; set; }

        public MemoryResult? Memory { get; set; }
    }
}
