using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;

namespace CallFlows.Chaos;

/// <summary>
/// A chaos run: Azurite and the ACS emulator in this process, the CallFlows app as a separate
/// <c>CallFlows.LocalHost start</c> process on them (or <see cref="ChaosOptions.Hosts"/> processes on one task hub behind a
/// <see cref="LoopbackBalancer"/>, see <see cref="HostCluster"/>); calls of every shipped flow are placed over a window
/// while a host process is SIGKILLed at seeded random moments and restarted (same port, task hub and storage). The emulator keeps
/// retrying callbacks and Event Grid deliveries while the host is down (retry windows of about a minute, longer than a
/// restart plus partition lease takeover). At the end every call is classified and the request log is searched for
/// actions performed twice.
/// </summary>
public static class ChaosRunner
{
    /// <summary>Runs the chaos test.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="progress">Where progress lines go (when <see cref="ChaosOptions.Verbose"/>).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    public static async Task<ChaosReport> RunAsync(ChaosOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var wall = Stopwatch.StartNew();
        string outputDirectory = options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), "callflows-chaos-" + Guid.NewGuid().ToString("N")[..8]);
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

        var random = new Random(options.Seed);
        await using AzuriteServer azurite = await AzuriteServer.StartOrReuseAsync(
            new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true }, null, cancellationToken);
        var emulatorOptions = new AcsEmulatorOptions
        {
            // Long enough to cover a kill, a process start and the partition lease takeover (~10-20 s on a busy machine).
            CallbackRetry = new DeliveryRetryPolicy { MaxAttempts = 80, InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromSeconds(5) },
            EventGridRetry = new DeliveryRetryPolicy { MaxAttempts = 80, InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromSeconds(5) },
            RingTimeout = TimeSpan.FromSeconds(60),
            FaultSeed = options.Seed,
        };
        foreach (string number in DemoWorld.OwnedNumbers.Where(n => !emulatorOptions.OwnedPhoneNumbers.Contains(n)))
        {
            emulatorOptions.OwnedPhoneNumbers.Add(number);
        }

        await using AcsEmulator emulator = await AcsEmulator.StartAsync(emulatorOptions, cancellationToken);
        DemoWorld.Configure(emulator);
        string resourceId = emulator.ResourceId.ToString();
        string taskHub = "chaos" + options.Seed.ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];
        await using HostCluster cluster = await HostCluster.StartAsync(
            options.Hosts, emulator.Endpoint, taskHub, azurite.ConnectionString, outputDirectory, null, options.HostLogLevel, cancellationToken);

        // A host registers its webhook with the emulator just after it starts answering its readiness probe: a call
        // placed before that would never be delivered to anyone.
        for (int i = 0; i < 300 && emulator.EventGridSubscriptions.Count == 0; i++)
        {
            await Task.Delay(100, cancellationToken);
        }

        Say(options.Hosts == 1
            ? $"host pid {cluster.Host(0).ProcessId} ready at {cluster.Address} (task hub {taskHub}); emulator {emulator.Endpoint}; logs in {outputDirectory}"
            : $"{options.Hosts} hosts (pids {string.Join(", ", Enumerable.Range(0, cluster.Count).Select(h => cluster.Host(h).ProcessId))}) behind the balancer {cluster.Address} "
                + $"(task hub {taskHub}); Event Grid and callbacks go to the balancer; emulator {emulator.Endpoint}; logs in {outputDirectory}");
        var restartTimes = new List<TimeSpan>();
        using var http = new HttpClient { BaseAddress = cluster.Address, Timeout = TimeSpan.FromSeconds(10) };
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task poller = cluster.RunPollingAsync(stopPolling.Token);
        try
        {
            // The plan is fixed by the seed before anything runs: scenario order, placement moments and kill moments.
            double window = options.PlacementWindow.TotalSeconds;
            var plan = Enumerable.Range(0, options.Calls)
                .Select(i => (Index: i, Scenario: ChaosScenario.All[i % ChaosScenario.All.Count], At: TimeSpan.FromSeconds(window * i / Math.Max(1, options.Calls))))
                .OrderBy(_ => random.Next())
                .Select((p, order) => p with { At = TimeSpan.FromSeconds(window * order / Math.Max(1, options.Calls)) })
                .ToList();
            var kills = Enumerable.Range(0, options.Kills)
                .Select(_ => (At: TimeSpan.FromSeconds(window * (0.1 + (0.8 * random.NextDouble()))), Slot: options.Hosts == 1 ? 0 : random.Next(options.Hosts)))
                .OrderBy(k => k.At)
                .ToList();
            var started = Stopwatch.StartNew();
            TimeSpan deadline = options.PlacementWindow + options.Drain;

            async Task KillLoopAsync()
            {
                DateTime readySince = DateTime.UtcNow;
                foreach ((TimeSpan at, int slot) in kills)
                {
                    TimeSpan wait = at - started.Elapsed;
                    TimeSpan uptimeLeft = options.MinimumUptime - (DateTime.UtcNow - readySince);
                    TimeSpan delay = wait > uptimeLeft ? wait : uptimeLeft;
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, cancellationToken);
                    }

                    Say($"SIGKILL host {slot} (pid {cluster.Host(slot).ProcessId})");
                    (_, int restarted, TimeSpan down) = await cluster.KillAndRestartAsync(slot, cancellationToken);
                    restartTimes.Add(down);
                    readySince = DateTime.UtcNow;
                    Say(string.Create(CultureInfo.InvariantCulture, $"host {slot} restarted as pid {restarted}, ready {down.TotalSeconds:0.0} s after the kill"));
                }
            }

            async Task<ChaosCallResult> CallAsync(int index, ChaosScenario scenario, TimeSpan at)
            {
                TimeSpan wait = at - started.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                string? instanceId = null;
                IncomingCallSnapshot? incoming = null;
                try
                {
                    if (scenario.CalledNumber is { } called)
                    {
                        string caller = "+1555200" + index.ToString("0000", CultureInfo.InvariantCulture);
                        if (scenario.Name == "agent-answers")
                        {
                            // The connected caller talks longer than a kill + restart, then hangs up (the flow then ends the call).
                            // With several hosts a killed host's flows wait for its partition lease (6 s) and for its dequeued
                            // messages to come back (15 s visibility timeout) before another host runs them: 30 s covers that.
                            emulator.World.Configure(caller, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(30) });
                        }
                        else if (scenario.CallerScript is { } script)
                        {
                            emulator.World.Configure(caller, IdentityBehavior.Answers() with { MediaScript = script });
                        }

                        incoming = await emulator.PlaceIncomingCallAsync(caller, called, cancellationToken: cancellationToken);
                        instanceId = CallFlowsLocalApp.InstanceIdFor(incoming.ServerCallId, incoming.To);
                    }
                    else
                    {
                        string id = string.Create(CultureInfo.InvariantCulture, $"chaos-{options.Seed}-{index}");
                        instanceId = await StartOutboundAsync(http, scenario.OutboundBody!(resourceId, id), () => started.Elapsed < deadline, cancellationToken)
                            ? id
                            : null;
                        if (instanceId is null)
                        {
                            return new ChaosCallResult(index, scenario, id, null, null, null, ChaosVerdict.Lost, "POST /api/calls never accepted");
                        }
                    }

                    Say($"#{index} {scenario.Name} placed ({instanceId})");
                    CallStatusResponse? status = null;
                    while (started.Elapsed < deadline)
                    {
                        status = await TryGetStatusAsync(http, instanceId, cancellationToken) ?? status;
                        if (status?.RuntimeStatus is "Completed" or "Failed" or "Terminated")
                        {
                            break;
                        }

                        await Task.Delay(1000, cancellationToken);
                    }

                    return Classify(index, scenario, instanceId, status, incoming is null ? null : emulator.IncomingCalls.FirstOrDefault(c => c.EventId == incoming.EventId));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    return new ChaosCallResult(index, scenario, instanceId, null, null, null, ChaosVerdict.Lost, ex.GetType().Name + ": " + ex.Message);
                }
            }

            Task killer = KillLoopAsync();
            ChaosCallResult[] results = await Task.WhenAll(plan.Select(p => CallAsync(p.Index, p.Scenario, p.At)));
            await killer;

            // Every call connection a finished flow owned must have ended (hung up, transferred, left): give the last
            // ones a moment, then count the ones still up as never ended.
            var settle = Stopwatch.StartNew();
            while (settle.Elapsed < TimeSpan.FromSeconds(15) && OpenConnections(emulator, results).Count > 0)
            {
                await Task.Delay(500, cancellationToken);
            }

            var open = OpenConnections(emulator, results);
            results = results
                .Select(r => r.Verdict is ChaosVerdict.Expected or ChaosVerdict.Unexpected && r.InstanceId is not null && open.TryGetValue(r.InstanceId, out string? connection)
                    ? r with { Verdict = ChaosVerdict.Lost, Detail = $"call connection {connection} never ended" }
                    : r)
                .OrderBy(r => r.Index)
                .ToArray();

            WriteDeliveriesOfOtherOutcomes(emulator, results, outputDirectory);
            IReadOnlyList<DuplicatedAction> performedTwice = DuplicateActionDetector.Find(emulator.RequestLog.Entries);
            await stopPolling.CancelAsync();
            await poller;
            await cluster.PollWorkAsync(cancellationToken);
            return new ChaosReport(options, results, [.. performedTwice.Where(d => !d.WithoutRepeatability)], restartTimes, wall.Elapsed, outputDirectory)
            {
                Hosts = cluster.Report(),
                ResentWithoutRepeatability = [.. performedTwice.Where(d => d.WithoutRepeatability)],
            };
        }
        finally
        {
            await stopPolling.CancelAsync();
            await poller;
        }
    }

    static ChaosCallResult Classify(int index, ChaosScenario scenario, string instanceId, CallStatusResponse? status, IncomingCallSnapshot? incoming)
    {
        if (incoming is { State: IncomingCallState.Ringing or IncomingCallState.NotAnswered or IncomingCallState.Abandoned })
        {
            return new(index, scenario, instanceId, status?.RuntimeStatus, status?.Flow, status?.Outcome?.Result, ChaosVerdict.Lost,
                $"the incoming call was never handled (state {incoming.State})");
        }

        if (status is null)
        {
            return new(index, scenario, instanceId, null, null, null, ChaosVerdict.Lost, "no orchestration");
        }

        if (status.RuntimeStatus is not ("Completed" or "Failed" or "Terminated"))
        {
            return new(index, scenario, instanceId, status.RuntimeStatus, status.Flow, null, ChaosVerdict.Stuck, "not finished at the deadline");
        }

        bool expected = status.RuntimeStatus == "Completed"
            && status.Flow == scenario.ExpectedFlow
            && status.Outcome?.Result == scenario.ExpectedResult;
        return new(index, scenario, instanceId, status.RuntimeStatus, status.Flow, status.Outcome?.Result,
            expected ? ChaosVerdict.Expected : ChaosVerdict.Unexpected,
            expected ? null : $"expected {scenario.ExpectedFlow}/{scenario.ExpectedResult}; {status.Outcome?.Detail ?? status.Failure}");
    }

    /// <summary>
    /// Writes what the emulator delivered for every call that did not end as expected (its callbacks and Event Grid
    /// deliveries, each attempt with its answer) to <c>deliveries.log</c> beside the host logs: the hosts' logs say what
    /// the app did with what arrived, this says what was sent and what the app answered.
    /// </summary>
    static void WriteDeliveriesOfOtherOutcomes(AcsEmulator emulator, IEnumerable<ChaosCallResult> results, string outputDirectory)
    {
        var lines = new List<string>();
        foreach (ChaosCallResult result in results.Where(r => r.Verdict != ChaosVerdict.Expected && r.InstanceId is not null))
        {
            string instanceId = result.InstanceId!;
            var connections = emulator.Calls.Where(c => c.CallbackUri.Segments[^1] == instanceId).Select(c => c.CallConnectionId).ToHashSet(StringComparer.Ordinal);
            lines.Add($"#{result.Index} {result.Scenario.Name} {instanceId} ({result.Verdict}; call connections {(connections.Count == 0 ? "none" : string.Join(", ", connections))})");
            foreach (var delivery in emulator.EventLog.Entries.Where(d => d.TargetUri.AbsolutePath.Contains(instanceId, StringComparison.Ordinal)
                || (d.CallConnectionId is not null && connections.Contains(d.CallConnectionId))))
            {
                string answer = delivery.Status is { } status ? status.ToString(CultureInfo.InvariantCulture) : "no answer";
                lines.Add($"  {(delivery.SentAt ?? delivery.Time).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {delivery.Channel} {delivery.Name} attempt {delivery.Attempt} -> {answer} {delivery.Outcome}{(delivery.IsDuplicate ? " (duplicate)" : string.Empty)}");
            }
        }

        File.WriteAllLines(Path.Combine(outputDirectory, "deliveries.log"), lines);
    }

    static Dictionary<string, string> OpenConnections(AcsEmulator emulator, IEnumerable<ChaosCallResult> results)
    {
        var ids = results.Where(r => r.InstanceId is not null).Select(r => r.InstanceId!).ToHashSet(StringComparer.Ordinal);
        var open = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (CallSnapshot call in emulator.Calls.Where(c => c.State != "disconnected"))
        {
            string instance = call.CallbackUri.Segments[^1];
            if (ids.Contains(instance))
            {
                open[instance] = call.CallConnectionId;
            }
        }

        return open;
    }

    static async Task<bool> StartOutboundAsync(HttpClient http, object body, Func<bool> inTime, CancellationToken cancellationToken)
    {
        // The instance id is an idempotency key: repeating the POST after a kill can never start a second flow.
        while (inTime())
        {
            try
            {
                using HttpResponseMessage response = await http.PostAsJsonAsync(new Uri("api/calls", UriKind.Relative), body, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                if ((int)response.StatusCode is >= 400 and < 500)
                {
                    throw new InvalidOperationException($"POST /api/calls answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (HttpRequestException)
            {
                // Host down (killed): try again.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Host died mid-request.
            }

            await Task.Delay(500, cancellationToken);
        }

        return false;
    }

    // The status API writes web JSON with enums as strings.
    static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    static async Task<CallStatusResponse?> TryGetStatusAsync(HttpClient http, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await http.GetAsync(new Uri("api/calls/" + Uri.EscapeDataString(instanceId), UriKind.Relative), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK
                ? await response.Content.ReadFromJsonAsync<CallStatusResponse>(StatusJson, cancellationToken)
                : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
