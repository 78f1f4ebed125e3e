using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CallFlows.Benchmarks.Harness;
using CallFlows.Benchmarks.Storage;
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
        var plan = new List<ColumnResults>();
        if (options.BaselineHostJson is { } baseline)
        {
            plan.Add(new ColumnResults(EngineSettingsSource.HostJson, "baseline host.json", Path.GetFullPath(baseline), fullSections: false));
        }

        plan.AddRange(options.Settings.Select(s => new ColumnResults(s, ColumnName(s), hostJsonPath: null, fullSections: true)));
        foreach (ColumnResults column in plan)
        {
            // A fresh Azurite per column: with one shared in-memory Azurite, the second column ran on a store still
            // holding the first column's task hub (its histories and the unfinished backlog of the 50/s run) and
            // measured about half the throughput whichever settings it had (8.6 calls/s alone, 4.0 second).
            await using AzuriteServer azurite = await AzuriteServer.StartOrReuseAsync(
                new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true }, cancellationToken: cancellationToken);
            columns.Add(await RunColumnAsync(column, azurite.ConnectionString, options, progress, cancellationToken));
        }

        // The layouts in turn (round by round), so a drift in the machine's load hits each alike.
        var layouts = new List<LayoutResults>();
        for (int round = 0; options.CompareAzuriteLayouts && round < options.LayoutRounds; round++)
        {
            foreach (AzuriteLayout layout in AzuriteLayout.All)
            {
                layouts.Add(await RunLayoutAsync(layout, options, progress, cancellationToken));
            }
        }

        var env = environment.ToList();
        env.Add($"run: {options.Mode}, {total.Elapsed.TotalSeconds:0} s, load average at end {MachineInfo.LoadAverage()}");
        var tables = columns.Count == 0 ? []
            : options.StorageOnly ? BuildTables(columns, options).Where(t => t.Title.StartsWith("5.", StringComparison.Ordinal)).ToList()
            : options.CapacityOnly ? BuildTables(columns, options).Where(t => t.Title.StartsWith("1.", StringComparison.Ordinal) || t.Title.StartsWith("2.", StringComparison.Ordinal)).ToList()
            : BuildTables(columns, options).ToList();
        if (layouts.Count > 0)
        {
            tables.Add(BuildLayoutTable(layouts));
        }

        return new BenchmarkReport(options.Mode, env, tables);
    }

    /// <summary>
    /// The local storage emulator's layout: Azurite as one Node process (blob, queue and table services together) vs one
    /// process per service, with and without the LocalHost's index patch, each with a fresh Azurite and the host.json
    /// settings; whole-call throughput of both flows.
    /// </summary>
    static async Task<LayoutResults> RunLayoutAsync(AzuriteLayout layout, BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var results = new LayoutResults(layout);
        string name = layout.Name;
        progress.WriteLine($"[{Now()}] {name}: starting Azurite, emulators and host (load {MachineInfo.LoadAverage()})");
        try
        {
            await using AzuriteServer azurite = await AzuriteServer.StartOrReuseAsync(
                new AzuriteOptions
                {
                    BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true,
                    ProcessPerService = layout.ProcessPerService, PatchIndexMaintenance = layout.Patched,
                }, cancellationToken: cancellationToken);
            results.Processes = azurite.ProcessIds.Count;
            await using BenchStack stack = await BenchStack.StartAsync(EngineSettingsSource.HostJson, azurite.ConnectionString, hostJsonPath: null, cancellationToken);
            await WarmUpAsync(stack, progress, cancellationToken);
            await WarmUpThroughputAsync(stack, name, options, progress, cancellationToken);
            progress.WriteLine($"[{Now()}] {name}: throughput, CallFlows flow");
            results.CallFlows = await ThroughputWorkload.RunAsync(stack, FlowKind.CallFlows, options.ThroughputConcurrency, options.ThroughputWarmUp, options.ThroughputWindow, options.DrainLimit, cancellationToken);
            progress.WriteLine($"[{Now()}] {name}: throughput, raw Durable Task flow");
            results.Raw = await ThroughputWorkload.RunAsync(stack, FlowKind.Raw, options.ThroughputConcurrency, options.ThroughputWarmUp, options.ThroughputWindow, options.DrainLimit, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            results.Error = ex.GetType().Name + ": " + ex.Message.Split('\n')[0];
            progress.WriteLine($"[{Now()}] {name}: ERROR {results.Error}");
        }

        return results;
    }

    static async Task<ColumnResults> RunColumnAsync(ColumnResults results, string storage, BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        EngineSettingsSource settings = results.Settings;
        string name = results.Name;
        progress.WriteLine($"[{Now()}] {name}: starting emulators and host (load {MachineInfo.LoadAverage()})");
        BenchStack? stack = null;
        try
        {
            stack = await BenchStack.StartAsync(settings, storage, results.HostJsonPath, cancellationToken);
            await WarmUpAsync(stack, progress, cancellationToken);
            if (options.StorageOnly)
            {
                progress.WriteLine($"[{Now()}] {name}: storage requests of {options.StorageCalls} whole calls one at a time, CallFlows flow then raw flow");
                results.StorageCallFlows = await Try(() => StorageWorkload.RunAsync(stack, FlowKind.CallFlows, options.StorageCalls, cancellationToken, progress), results);
                results.StorageRaw = await Try(() => StorageWorkload.RunAsync(stack, FlowKind.Raw, options.StorageCalls, cancellationToken, progress), results);
                return results;
            }

            if (options.CapacityOnly)
            {
                await RunCapacityAsync(stack, results, options, progress, cancellationToken);
                return results;
            }

            // Lightest first; the open-loop runs last, since an overloaded run leaves a backlog behind.
            progress.WriteLine($"[{Now()}] {name}: {options.IdleCalls} calls, each after {options.IdleInterval.TotalSeconds:0} s idle (storage requests of the quiet time counted)");
            Tuple<LatencyResult, IdleStorageResult>? idle = await Try(
                async () => (await IdleWorkload.RunAsync(stack, options.IdleCalls, options.IdleInterval, cancellationToken)).ToTuple(), results);
            (results.Idle, results.IdleStorage) = (idle?.Item1, idle?.Item2);
            progress.WriteLine($"[{Now()}] {name}: storage requests of {options.StorageCalls} whole calls one at a time, CallFlows flow then raw flow");
            results.StorageCallFlows = await Try(() => StorageWorkload.RunAsync(stack, FlowKind.CallFlows, options.StorageCalls, cancellationToken), results);
            results.StorageRaw = await Try(() => StorageWorkload.RunAsync(stack, FlowKind.Raw, options.StorageCalls, cancellationToken), results);
            if (!results.FullSections)
            {
                await WarmUpThroughputAsync(stack, name, options, progress, cancellationToken);
                progress.WriteLine($"[{Now()}] {name}: throughput, CallFlows flow");
                results.ThroughputCallFlows = await Try(() => ThroughputWorkload.RunAsync(stack, FlowKind.CallFlows, options.ThroughputConcurrency, options.ThroughputWarmUp, options.ThroughputWindow, options.DrainLimit, cancellationToken), results);
                progress.WriteLine($"[{Now()}] {name}: throughput, raw Durable Task flow");
                results.ThroughputRaw = await Try(() => ThroughputWorkload.RunAsync(stack, FlowKind.Raw, options.ThroughputConcurrency, options.ThroughputWarmUp, options.ThroughputWindow, options.DrainLimit, cancellationToken), results);
                return results;
            }

            progress.WriteLine($"[{Now()}] {name}: step latency at event ~{options.ShortCallEvents} vs ~{options.LongCallEvents}");
            results.Steps = await Try(() => StepLatencyWorkload.RunAsync(stack, options.LongCalls, options.ShortCallEvents, options.LongCallEvents, options.RosterUpdatesPerSecond, progress, cancellationToken), results);
            progress.WriteLine($"[{Now()}] {name}: IVR step, {options.IvrCalls} callers press 1");
            results.IvrStep = await Try(() => IvrStepWorkload.RunAsync(stack, options.IvrCalls, options.DrainLimit, cancellationToken), results);
            await RunCapacityAsync(stack, results, options, progress, cancellationToken);
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

        if (!results.FullSections || options.StorageOnly)
        {
            return results;
        }

        progress.WriteLine($"[{Now()}] {name}: memory per waiting call (host in its own process)");
        results.Memory = await Try(() => MemoryWorkload.RunAsync(settings, storage, options, progress, cancellationToken), results);
        foreach (string error in results.Errors)
        {
            progress.WriteLine($"[{Now()}] {name}: ERROR {error}");
        }

        return results;
    }

    /// <summary>Section 2 (both flows, closed loop), then the open-loop latency at a fraction of the CallFlows capacity it measured.</summary>
    static async Task RunCapacityAsync(BenchStack stack, ColumnResults results, BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        string name = results.Name;
        await WarmUpThroughputAsync(stack, name, options, progress, cancellationToken);
        progress.WriteLine($"[{Now()}] {name}: throughput, CallFlows flow");
        results.ThroughputCallFlows = await Try(() => ThroughputWorkload.RunAsync(stack, FlowKind.CallFlows, options.ThroughputConcurrency, options.ThroughputWarmUp, options.ThroughputWindow, options.DrainLimit, cancellationToken, progress), results);
        progress.WriteLine($"[{Now()}] {name}: throughput, raw Durable Task flow");
        results.ThroughputRaw = await Try(() => ThroughputWorkload.RunAsync(stack, FlowKind.Raw, options.ThroughputConcurrency, options.ThroughputWarmUp, options.ThroughputWindow, options.DrainLimit, cancellationToken, progress), results);
        if (results.ThroughputCallFlows is { CallsPerSecond: > 0 } capacity)
        {
            // The issue's latency target is set at a fraction of the capacity this column just measured, not at a fixed rate.
            double rate = options.CapacityFraction * capacity.CallsPerSecond;
            progress.WriteLine($"[{Now()}] {name}: latency at {options.CapacityFraction:P0} of the measured capacity ({rate:0.0}/s)");
            // At least three calls, however small the capacity a busy machine measured.
            var window = TimeSpan.FromSeconds(Math.Max(options.SlowRateWindow.TotalSeconds, 3.5 / rate));
            results.AtCapacity = await Try(() => LatencyWorkload.RunAsync(stack, rate, window, options.DrainLimit, cancellationToken, progress), results);
        }
    }

    /// <summary>
    /// Both flows' closed loops for a few seconds each, unmeasured, before either is measured. Without it the first flow
    /// measured paid for the tiered JIT's recompilation of the code both flows share (the engine, the storage and HTTP
    /// clients, the emulator): a profile of the first measured window showed 17–37 % of the process's CPU in the JIT's
    /// background compiler, so the order of the runs, not the flows, set part of their ratio.
    /// </summary>
    static async Task WarmUpThroughputAsync(BenchStack stack, string name, BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        progress.WriteLine($"[{Now()}] {name}: throughput warm-up, both flows, {options.ThroughputWarmUpRound.TotalSeconds:0} s each (not measured)");
        foreach (FlowKind kind in Enum.GetValues<FlowKind>())
        {
            await ThroughputWorkload.RunAsync(stack, kind, options.ThroughputConcurrency, TimeSpan.Zero, options.ThroughputWarmUpRound, options.DrainLimit, cancellationToken);
        }
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
        List<string> headers = columns.Select(c => c.Name).ToList();
        List<string> fullHeaders = columns.Where(c => c.FullSections).Select(c => c.Name).ToList();
        BenchmarkRow Cells(string label, IEnumerable<ColumnResults> cells, Func<ColumnResults, string> value) =>
            new(label, cells.Select(c => { try { return value(c); } catch (NullReferenceException) { return "error: " + string.Join("; ", c.Errors); } }).ToList());

        // Sections 1, 3 and 4 run in the full columns only; 2 and 5 in every column (a baseline column runs those two).
        BenchmarkRow Row(string label, Func<ColumnResults, string> value) => Cells(label, columns.Where(c => c.FullSections), value);
        BenchmarkRow AllRow(string label, Func<ColumnResults, string> value) => Cells(label, columns, value);

        var latencyRows = new List<BenchmarkRow>();
        string atCapacity = $"{options.CapacityFraction * 100:0} % of the measured capacity";
        latencyRows.Add(Row($"{atCapacity}: new calls/s offered (section 2's CallFlows calls/s x {options.CapacityFraction:0.0#})",
            c => Stats.F(c.AtCapacity!.OfferedRate)));
        foreach ((string rate, Func<ColumnResults, LatencyResult?> pick) in new (string, Func<ColumnResults, LatencyResult?>)[]
        {
            (atCapacity, c => c.AtCapacity),
            ($"{options.SlowRate:0}/s for {options.SlowRateWindow.TotalSeconds:0} s", c => c.Slow),
            ($"{options.FastRate:0}/s for {options.FastRateWindow.TotalSeconds:0} s", c => c.Fast),
        }.Take(options.CapacityOnly ? 1 : 3))
        {
            latencyRows.Add(Row($"{rate}: calls placed", c => pick(c)!.Placed.ToString(CultureInfo.InvariantCulture)));
            latencyRows.Add(Row($"{rate}: answers/s achieved in the window", c => Stats.F(pick(c)!.AnsweredRateInWindow)));
            latencyRows.Add(Row($"{rate}: backlog at window end (not answered yet)", c => pick(c)!.BacklogAtWindowEnd.ToString(CultureInfo.InvariantCulture)));
            latencyRows.Add(Row($"{rate}: not at AddParticipant after drain (drain s)", c => $"{pick(c)!.UnfinishedAfterDrain} ({Stats.F(pick(c)!.DrainSeconds)} s)"));
            latencyRows.Add(Row($"{rate}: IncomingCall → Answer ms p50/p95/p99", c => Stats.Ms(pick(c)!.IncomingToAnswerMs)));
            latencyRows.Add(Row($"{rate}: CallConnected → AddParticipant ms p50/p95/p99", c => Stats.Ms(pick(c)!.ConnectedToAddMs)));
            latencyRows.Add(Row($"{rate}: load average 1/5/15 at window end", c => pick(c)!.Load));
        }


        var throughputRows = new List<BenchmarkRow>
        {
            AllRow("CallFlows InboundRouting flow: calls/s", c => $"{Stats.F(c.ThroughputCallFlows!.CallsPerSecond)} (n={c.ThroughputCallFlows.Completed})"),
            AllRow("raw Durable Task flow: calls/s", c => $"{Stats.F(c.ThroughputRaw!.CallsPerSecond)} (n={c.ThroughputRaw.Completed})"),
            AllRow("CallFlows / raw", c => c.ThroughputRaw!.CallsPerSecond > 0 ? Stats.F(c.ThroughputCallFlows!.CallsPerSecond / c.ThroughputRaw.CallsPerSecond, "0.00") : "n/a (raw 0)"),
            AllRow("storage requests per call ended, under load (CallFlows; raw)", c => $"{Stats.F(c.ThroughputCallFlows!.StorageRequestsPerCall)}; {Stats.F(c.ThroughputRaw!.StorageRequestsPerCall)}"),
            AllRow("storage requests/s under load (CallFlows; raw)", c => $"{Stats.F(c.ThroughputCallFlows!.StorageRequestsPerSecond, "0")}; {Stats.F(c.ThroughputRaw!.StorageRequestsPerSecond, "0")}"),
            AllRow("calls in flight", c => c.ThroughputCallFlows!.Concurrency.ToString(CultureInfo.InvariantCulture)),
            AllRow("load average 1/5/15 (CallFlows run; raw run)", c => $"{c.ThroughputCallFlows!.Load}; {c.ThroughputRaw!.Load}"),
        };

        string idle = $"after {options.IdleInterval.TotalSeconds:0} s idle, one call at a time";
        static string Each(IReadOnlyList<double> values) => values.Count == 0 ? "no samples" : string.Join(", ", values.Select(v => Stats.F(v, "0")));
        static string PerCall(PerCallStorageResult r, params StorageRequestKind[] kinds) =>
            string.Join(" / ", kinds.Select(k => Stats.F(r.PerCall(r.Requests[k]))));
        var storageRows = new List<BenchmarkRow>();
        foreach ((string flow, Func<ColumnResults, PerCallStorageResult?> pick) in new (string, Func<ColumnResults, PerCallStorageResult?>)[]
        {
            ("CallFlows flow", c => c.StorageCallFlows),
            ("raw flow", c => c.StorageRaw),
        })
        {
            storageRows.Add(AllRow($"{flow}: storage requests per call (calls measured)", c => $"{Stats.F(pick(c)!.PerCall(pick(c)!.Requests.Work))} (n={pick(c)!.Calls})"));
            storageRows.Add(AllRow($"{flow}: queue get / put / update / delete", c => PerCall(pick(c)!, StorageRequestKind.QueueGet, StorageRequestKind.QueuePut, StorageRequestKind.QueueUpdate, StorageRequestKind.QueueDelete)));
            storageRows.Add(AllRow($"{flow}: table query / insert / merge / update / batch", c => PerCall(pick(c)!, StorageRequestKind.TableQuery, StorageRequestKind.TableInsert, StorageRequestKind.TableMerge, StorageRequestKind.TableUpdate, StorageRequestKind.TableBatch)));
            storageRows.Add(AllRow($"{flow}: blob read / write; other queue and table requests", c => $"{PerCall(pick(c)!, StorageRequestKind.BlobRead, StorageRequestKind.BlobWrite)}; {PerCall(pick(c)!, StorageRequestKind.QueueOther, StorageRequestKind.TableOther)}"));
            storageRows.Add(AllRow($"{flow}: orchestration instances / episodes / history rows per call", c => $"{Stats.F(pick(c)!.PerCall(pick(c)!.Instances))} / {Stats.F(pick(c)!.PerCall(pick(c)!.Episodes))} / {Stats.F(pick(c)!.PerCall(pick(c)!.HistoryRows))}"));
            storageRows.Add(AllRow($"{flow}: while a call ran, empty polls / housekeeping per call (s per call)", c => $"{PerCall(pick(c)!, StorageRequestKind.QueueGetEmpty)} / {Stats.F(pick(c)!.PerCall(pick(c)!.Requests.Housekeeping))} ({Stats.F(pick(c)!.PerCall(pick(c)!.CallSeconds))} s)"));
        }

        storageRows.Add(AllRow("CallFlows / raw storage requests per call", c => Stats.F(c.StorageCallFlows!.Requests.Work * (double)c.StorageRaw!.Calls / (c.StorageRaw.Requests.Work * (double)c.StorageCallFlows.Calls), "0.00")));
        if (!options.StorageOnly)
        {
            storageRows.Add(AllRow("idle worker: storage requests/s (quiet s measured)", c => $"{Stats.F(c.IdleStorage!.PerSecond(c.IdleStorage.Requests.Total))} ({Stats.F(c.IdleStorage.Seconds, "0")} s)"));
            storageRows.Add(AllRow("idle worker: empty polls / housekeeping / other per s", c => $"{Stats.F(c.IdleStorage!.PerSecond(c.IdleStorage.Requests.EmptyPolls))} / {Stats.F(c.IdleStorage.PerSecond(c.IdleStorage.Requests.Housekeeping))} / {Stats.F(c.IdleStorage.PerSecond(c.IdleStorage.Requests.Work))}"));
            storageRows.Add(AllRow("idle worker: storage requests per 30 days (millions)", c => Stats.F(c.IdleStorage!.PerSecond(c.IdleStorage.Requests.Total) * 30 * 86400 / 1e6)));
            storageRows.Add(AllRow($"{idle}: IncomingCall → Answer ms, each call", c => Each(c.Idle!.IncomingToAnswerMs)));
            storageRows.Add(AllRow($"{idle}: CallConnected → AddParticipant ms, each call", c => Each(c.Idle!.ConnectedToAddMs)));
        }

        static string Samples(IReadOnlyList<StepLatencySample> samples, Func<StepLatencySample, string> format) => string.Join(", ", samples.Select(format));
        var stepRows = new List<BenchmarkRow>
        {
            Row("short call: event index of the step", c => Samples(c.Steps!.Short, s => s.EventIndex.ToString(CultureInfo.InvariantCulture))),
            Row("short call: roster event → hang-up ms", c => Samples(c.Steps!.Short, s => Stats.F(s.LatencyMs, "0"))),
            Row("long call: event index of the step", c => Samples(c.Steps!.Long, s => s.EventIndex.ToString(CultureInfo.InvariantCulture))),
            Row("long call: roster event → hang-up ms", c => Samples(c.Steps!.Long, s => Stats.F(s.LatencyMs, "0"))),
            Row("long call: backlog work-off after the chatter s", c => Samples(c.Steps!.Long, s => Stats.F(s.CatchUpSeconds))),
            Row("IVR: DTMF tone delivered → next media request (hold) ms p50/p95/p99", c => Stats.Ms(c.IvrStep!)),
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
            new BenchmarkTable("1. Step latency under steady arrivals (CallFlows InboundRouting flow)", fullHeaders, latencyRows,
            [
                "Open loop: call i arrives at i/rate whatever the app does. IncomingCall → Answer: Event Grid delivery acknowledged by the webhook → Answer request received by the emulator. CallConnected → AddParticipant: the callback acknowledged → AddParticipant received. Both on the emulator's clock, same process.",
                "answers/s below the offered rate and a backlog mean the machine saturated; latencies then include queueing.",
                $"The first rate is {options.CapacityFraction:0.0#} x the CallFlows calls/s that section 2 measured a moment earlier on the same column (issue 13's target: IncomingCall → Answer p99 ≤ 500 ms, CallConnected → AddParticipant p99 ≤ 300 ms there), for {options.SlowRateWindow.TotalSeconds:0} s or at least 3 calls.",
            ]),
            new BenchmarkTable("2. Maximum sustained calls/s: CallFlows layer vs the same flow on the raw Durable Task SDK (same host, same engine)", headers, throughputRows,
            [
                "Closed loop: a fixed number of calls in flight, a new one for each that ends; whole calls (answer → add agent → agent leaves → hang up) ended per second after a warm-up.",
                "Raw flow: TaskOrchestrator with string event names and WaitForExternalEvent timeouts, raw activities on CallFlows.CallAutomation, its own webhook and callback endpoint (token validated), registered in the same host through LocalHostOptions.ConfigureServices.",
            ]),
            new BenchmarkTable($"3. Step latency at a call's ~{options.ShortCallEvents}th vs ~{options.LongCallEvents}th event (chatty roster)", fullHeaders, stepRows,
            [
                $"The emulator re-announces the roster ({options.RosterUpdatesPerSecond:0} ParticipantsUpdated/s per call) until the agent's leaving is the target event; after the instance has worked the chatter off, the agent hangs up and the step is that ParticipantsUpdated delivered → the flow's hang-up request. One value per call. The IVR row: callers of the shipped IvrFlow press 1 at the menu; the step is the RecognizeCompleted (the tone) delivered → the flow's :hold request, as the emulator logs them.",
            ]),
            new BenchmarkTable("4. Host memory per 1,000 waiting calls", fullHeaders, memoryRows,
            [
                "Host in its own process (this program's 'host' verb: the same CallFlowsLocalApp options, workstation GC as a Functions isolated worker, pointed at this process's emulator); RSS = /proc/PID/status VmRSS of that process only (not the emulator, the driver or Azurite). Calls parked in the inbound flow's roster wait; delta from a warm baseline scaled to 1,000; measured 2 s after the last call parked (extended sessions, when on, still hold the instances).",
            ]),
            new BenchmarkTable("5. Storage requests per call and per idle second (counted at the HTTP level)", headers, storageRows,
            [
                "Every request of the engine's blob, queue and table clients is counted by an HttpPipelinePolicy in their pipelines (each attempt, retries included): what Azure Storage bills as transactions.",
                "Per call: whole calls (answer → add agent → agent leaves → hang up) placed one at a time on the quiet host, each from placing it until its storage work stopped for 1 s; requests = all but empty queue polls and partition housekeeping (the partition table, blob leases), which depend on time and are shown apart. Queue get counts reads that returned messages.",
                "Episodes = OrchestratorStarted events, history rows = history events of the instances the calls created (Durable Functions HTTP API, showHistory=true).",
                "Idle worker: every request while no call is in flight, measured over each quiet period before the idle calls (after a 5 s settling time); 30 days at that rate. The idle calls' latencies are on the emulator's clock as in section 1.",
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

    static BenchmarkTable BuildLayoutTable(List<LayoutResults> layouts)
    {
        List<List<LayoutResults>> byLayout = AzuriteLayout.All.Select(a => layouts.Where(l => l.Layout == a).ToList()).ToList();
        List<string> headers = AzuriteLayout.All.Select(a => a.Name).ToList();
        static string Each(List<LayoutResults> runs, Func<LayoutResults, string> value) =>
            string.Join("; ", runs.Select(l => l.Error is { } e ? "error: " + e : value(l)));
        BenchmarkRow Row(string label, Func<LayoutResults, string> value) => new(label, byLayout.Select(runs => Each(runs, value)).ToList());
        var rows = new List<BenchmarkRow>
        {
            Row("Azurite processes", l => l.Processes.ToString(CultureInfo.InvariantCulture)),
            Row("CallFlows InboundRouting flow: calls/s", l => $"{Stats.F(l.CallFlows!.CallsPerSecond)} (n={l.CallFlows.Completed})"),
            Row("raw Durable Task flow: calls/s", l => $"{Stats.F(l.Raw!.CallsPerSecond)} (n={l.Raw.Completed})"),
            Row("storage requests/s under load (CallFlows; raw)", l => $"{Stats.F(l.CallFlows!.StorageRequestsPerSecond, "0")}; {Stats.F(l.Raw!.StorageRequestsPerSecond, "0")}"),
            Row("load average 1/5/15 (CallFlows run; raw run)", l => $"{l.CallFlows!.Load}; {l.Raw!.Load}"),
        };

        return new BenchmarkTable("6. Local storage emulator: Azurite as one process, a process per service, and without the index patch (host.json, same run)", headers, rows,
        [
            "Each layout with a fresh in-memory Azurite, a fresh host and task hub, and section 2's closed loop; the layouts run in turn, one round after another (values per round, separated by ';'). Only the local embedded default uses Azurite; production runs on Azure Storage, so this changes local and CI capacity, not the cost of a call.",
            "The index patch (AzuriteOptions.PatchIndexMaintenance, on by default) keeps LokiJS from re-sorting every index of Azurite's message collection on each dequeue; the last column runs Azurite as published.",
            $"CallFlows calls/s, a process per service / one process, round by round: {RatioText(byLayout[0], byLayout[1])}.",
            $"CallFlows calls/s, with the index patch / without it (a process per service), round by round: {RatioText(byLayout[2], byLayout[1])}.",
        ]);
    }

    // Pair by pair (round by round): the ratio holds when the machine's speed drifts between rounds.
    static string RatioText(List<LayoutResults> below, List<LayoutResults> above)
    {
        var ratios = below.Zip(above, (a, b) => a.CallFlows is { CallsPerSecond: > 0 } x && b.CallFlows is { } y ? y.CallsPerSecond / x.CallsPerSecond : double.NaN)
            .Where(r => !double.IsNaN(r)).ToList();
        return ratios.Count == 0 ? "n/a" : string.Join(", ", ratios.Select(r => Stats.F(r, "0.00"))) + $" (median {Stats.F(Stats.Percentile(ratios, 50), "0.00")})";
    }

    /// <summary>How section 6 runs Azurite.</summary>
    sealed record AzuriteLayout(bool ProcessPerService, bool Patched, string Name)
    {
        public static readonly IReadOnlyList<AzuriteLayout> All =
        [
            new(false, true, "one Azurite process"),
            new(true, true, "a process per service"),
            new(true, false, "a process per service, no index patch"),
        ];
    }

    sealed class LayoutResults(AzuriteLayout layout)
    {
        public AzuriteLayout Layout { get; } = layout;

        public int Processes { get; set; }

        public ThroughputResult? CallFlows { get; set; }

        public ThroughputResult? Raw { get; set; }

        public string? Error { get; set; }
    }

    sealed class ColumnResults(EngineSettingsSource settings, string name, string? hostJsonPath, bool fullSections)
    {
        public EngineSettingsSource Settings { get; } = settings;

        public string Name { get; } = name;

        public string? HostJsonPath { get; } = hostJsonPath;

        public bool FullSections { get; } = fullSections;

        public IdleStorageResult? IdleStorage { get; set; }

        public PerCallStorageResult? StorageCallFlows { get; set; }

        public PerCallStorageResult? StorageRaw { get; set; }

        public List<string> Errors { get; } = [];

        public LatencyResult? Idle { get; set; }

        public LatencyResult? Slow { get; set; }

        public LatencyResult? AtCapacity { get; set; }

        public LatencyResult? Fast { get; set; }

        public ThroughputResult? ThroughputCallFlows { get; set; }

        public ThroughputResult? ThroughputRaw { get; set; }

        public StepLatencyResult? Steps { get; set; }

        public List<double>? IvrStep { get; set; }

        public MemoryResult? Memory { get; set; }
    }
}
