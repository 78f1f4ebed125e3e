using System.Collections.Concurrent;
using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using System.Net.Http.Json;
using System.Text.Json;
using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CallFlows.Tests.Resilience;

/// <summary>
/// Every shipped flow (the demo's scenario set plus group transfer, cancel add, remove and hang up for everyone) run twice on one app: with clean delivery, then with the emulator
/// duplicating, reordering and delaying every callback and Event Grid redelivering every IncomingCall. The outcomes
/// must be the same, with exactly one orchestration per call.
/// </summary>
public sealed class EventDeliveryFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShippedFlows_EveryCallbackDuplicatedReorderedDelayedAndIncomingCallsRedelivered_SameOutcomesOneOrchestrationPerCall()
    {
        var logs = new LogCapture();
        await using AzuriteServer azurite = await StartAzuriteAsync();
        await using CallFlowsLocalApp app = await StartAppAsync(azurite, "faults", logs);
        AcsEmulator emulator = app.Emulator!;

        // The demo's scenarios, with talk times longer than the injected delays: the demo caller hangs up 2 s after
        // being connected and the group call lasts at most 3 s, which a 0.4 s delay plus reordering on every event can
        // outlast; then the outcome would measure a race with a scripted hang-up, not how the flow handles faults.
        emulator.World.Configure(DemoWorld.DemoCallerNumber, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(8) });
        // Plus the four shipped flows the demo does not show, so every flow of the app is compared.
        const string Member = "+15550001100";
        const string Ringing = "+15550001101";
        emulator.World.Configure(Ringing, IdentityBehavior.NeverAnswers());
        string agent = DemoWorld.Agent(app.ResourceId);
        string owned = "4:" + DemoWorld.AgentAnswersNumber;
        DemoScenario[] scenarios =
        [
            .. DemoRunner.Scenarios.Select(s => s.ExpectedFlow == nameof(GroupCallFlow)
                ? s with
                {
                    PlaceAsync = (a, ct) => StartAsync(a, new
                    {
                        flow = "GroupCall", targets = new[] { "4:" + DemoWorld.PstnCallee2Number, DemoWorld.AcsCallee(a.ResourceId) },
                        callerId = owned, maxDurationSeconds = 30,
                    }, ct),
                }
                : s),
            Outbound("Group transfer", nameof(GroupTransferFlow), "TransferAccepted", new
            {
                flow = "GroupTransfer", targets = new[] { "4:" + Member, agent }, callerId = owned, transferee = "4:" + Member, transferTarget = "4:" + DemoWorld.FallbackNumber,
            }),
            Outbound("Cancel a ringing invitation", nameof(CancelAddParticipantFlow), "InvitationCancelled", new
            {
                flow = "CancelAddParticipant", targets = new[] { agent }, participant = "4:" + Ringing, callerId = owned, invitationTimeoutSeconds = 60, cancelAfterSeconds = 1,
            }),
            Outbound("Remove a participant", nameof(RemoveParticipantFlow), "ParticipantRemoved", new
            {
                flow = "RemoveParticipant", targets = new[] { "4:" + Member, agent }, callerId = owned, participant = "4:" + Member,
            }),
            Outbound("Hang up for everyone", nameof(HangUpForEveryoneFlow), "EndedForEveryone", new
            {
                flow = "HangUpForEveryone", targets = new[] { "4:" + Member, agent }, callerId = owned, maxDurationSeconds = 0,
            }),
        ];

        IReadOnlyList<DemoCallReport> clean = await RunAsync(app, scenarios, TimeSpan.FromSeconds(60));

        DateTimeOffset faultyStart = DateTimeOffset.UtcNow;
        int deliveriesBefore = emulator.EventLog.Count;
        emulator.Faults.DuplicateProbability = 1;
        emulator.Faults.ReorderProbability = 1;
        emulator.Faults.CallbackDelayProbability = 1;
        emulator.Faults.CallbackDelay = TimeSpan.FromMilliseconds(400);
        using var stop = new CancellationTokenSource();
        var redelivered = new ConcurrentDictionary<string, bool>();
        Task redeliverer = RedeliverEveryIncomingCallAsync(emulator, faultyStart, redelivered, stop.Token);
        IReadOnlyList<DemoCallReport> faulty;
        try
        {
            faulty = await RunAsync(app, scenarios, TimeSpan.FromSeconds(90));
        }
        finally
        {
            await stop.CancelAsync();
            await redeliverer;
            emulator.Faults.Reset();
        }

        for (int i = 0; i < clean.Count; i++)
        {
            output.WriteLine($"{clean[i].Scenario.Title}: clean {Describe(clean[i])} | faulty {Describe(faulty[i])}");
            if (Describe(clean[i]) != Describe(faulty[i]))
            {
                // What the flow saw, what the emulator delivered for its call and what the host logged about it.
                output.WriteLine(JsonSerializer.Serialize(faulty[i].Status, JsonHttpResult.SerializerOptions));
                string instanceId = faulty[i].InstanceId ?? "(none)";
                string? callConnectionId = faulty[i].Status?.Status?.CallConnectionId;
                foreach (DeliveryRecord delivery in emulator.EventLog.Entries.Where(d => d.TargetUri.AbsolutePath.Contains(instanceId, StringComparison.Ordinal)
                    || (callConnectionId is not null && d.CallConnectionId == callConnectionId)))
                {
                    output.WriteLine($"  delivery {delivery.SentAt:HH:mm:ss.fff} {delivery.Name} attempt {delivery.Attempt} -> {delivery.Status} {delivery.Outcome}{(delivery.IsDuplicate ? " (duplicate)" : "")}");
                }

                foreach (LogCapture.CapturedLog line in logs.Lines.Where(l => l.Message.Contains(instanceId, StringComparison.Ordinal)))
                {
                    output.WriteLine($"  log {line.Level} {line.Category}: {line.Message}");
                }
            }
        }

        clean.Should().OnlyContain(r => r.Passed, "the baseline must end as each scenario expects");
        clean.Select(r => r.Scenario.ExpectedFlow).Distinct().Should().HaveCount(
            new CallFlowRegistry([typeof(InboundRoutingFlow).Assembly]).Flows.Count(f => f.Name != nameof(TwoAgentsFlow)), "every shipped flow (but the docs sample) is compared");
        faulty.Select(Describe).Should().Equal(clean.Select(Describe), "faults must not change any flow's outcome");

        // The faults really happened: every IncomingCall was delivered again and callbacks were duplicated.
        DeliveryRecord[] faultyDeliveries = emulator.EventLog.Entries.Skip(deliveriesBefore).ToArray();
        int inbound = scenarios.Count(s => s.ExpectedFlow is nameof(InboundRoutingFlow) or nameof(RejectCallFlow) or nameof(RedirectCallFlow) or nameof(IvrFlow));
        redelivered.Should().HaveCount(inbound);
        faultyDeliveries.Count(d => d.Channel == DeliveryChannel.EventGrid && d.EventType.EndsWith("IncomingCall", StringComparison.Ordinal) && d.Outcome == DeliveryOutcome.Delivered)
            .Should().BeGreaterThanOrEqualTo(2 * inbound);
        faultyDeliveries.Count(d => d.IsDuplicate).Should().BeGreaterThan(0);

        // Exactly one orchestration per call: as many instances created during the faulty run as calls, all distinct.
        var created = new List<string>();
        await foreach (OrchestrationMetadata instance in app.DurableClient.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = faultyStart.UtcDateTime.AddSeconds(-1) }))
        {
            if (instance.Name != CallFlows.Runtime.Protocol.CallActionNames.RecordingOwner)   // the recording-owner index entries of the IVR calls
            {
                created.Add(instance.InstanceId);
            }
        }

        created.Should().HaveCount(faulty.Count).And.OnlyHaveUniqueItems();
        created.Should().BeEquivalentTo(faulty.Select(r => r.InstanceId));
    }

    [Fact]
    public async Task ShortCalls_CallDisconnectedDeliveredBeforeCallConnected_SameOutcomes()
    {
        // The order a webhook sees after an outage: a call connected and ended while its host was down, and ACS's
        // retries of the earlier events land after the last one. Every call here is ended by the other side shortly
        // after it connects, so the flow's classification (answered, who hung up) is all there is to compare.
        await using AzuriteServer azurite = await StartAzuriteAsync();
        await using CallFlowsLocalApp app = await StartAppAsync(azurite, "terminal", new LogCapture());
        AcsEmulator emulator = app.Emulator!;
        const string IvrCaller = "+15550001200";
        emulator.World.Configure(IvrCaller, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1) });
        DemoScenario[] scenarios =
        [
            Outbound("PSTN callee hangs up", nameof(OutboundCallFlow), nameof(OutboundCallFlowResult.CalleeHungUp), new
            {
                flow = "OutboundCall", targets = new[] { "4:" + DemoWorld.PstnCalleeNumber }, callerId = "4:" + DemoWorld.AgentAnswersNumber,
            }),
            Outbound("ACS user hangs up", nameof(OutboundCallFlow), nameof(OutboundCallFlowResult.CalleeHungUp), new
            {
                flow = "OutboundCall", targets = new[] { DemoWorld.AcsCallee(app.ResourceId) },
            }),
            new("IVR caller hangs up during the greeting", nameof(IvrFlow), nameof(IvrResult.CallerHungUp), async (a, ct) =>
            {
                IncomingCallSnapshot incoming = await a.Emulator!.PlaceIncomingCallAsync(IvrCaller, DemoWorld.IvrNumber, cancellationToken: ct);
                return CallFlowsLocalApp.InstanceIdFor(incoming.ServerCallId, incoming.To);
            }),
        ];

        var (clean, terminalFirst, deliveriesBefore) = await RunCleanThenHeldUntilCallEndsAsync(app, scenarios, "CallConnected", "ParticipantsUpdated");

        for (int i = 0; i < clean.Count; i++)
        {
            output.WriteLine($"{clean[i].Scenario.Title}: clean {Describe(clean[i])} | terminal first {Describe(terminalFirst[i])}");
        }

        clean.Should().OnlyContain(r => r.Passed, "the baseline must end as each scenario expects");
        terminalFirst.Select(Describe).Should().Equal(clean.Select(Describe), "the order of a call's events must not change its classification");

        // The fault really happened: each call's CallDisconnected was delivered before its CallConnected.
        DeliveryRecord[] deliveries = emulator.EventLog.Entries.Skip(deliveriesBefore).Where(d => d.Outcome == DeliveryOutcome.Delivered).ToArray();
        foreach (DemoCallReport report in terminalFirst)
        {
            string? connection = report.Status?.Status?.CallConnectionId;
            connection.Should().NotBeNull($"{report.Scenario.Title} reports its call connection");
            DeliveryRecord[] ofCall = deliveries.Where(d => d.CallConnectionId == connection).ToArray();
            int disconnected = Array.FindIndex(ofCall, d => d.EventType.EndsWith(".CallDisconnected", StringComparison.Ordinal));
            int connected = Array.FindIndex(ofCall, d => d.EventType.EndsWith(".CallConnected", StringComparison.Ordinal));
            disconnected.Should().BeGreaterThanOrEqualTo(0, $"{report.Scenario.Title} delivered its CallDisconnected");
            connected.Should().BeGreaterThan(disconnected, $"{report.Scenario.Title} delivered its CallConnected after its CallDisconnected");
        }
    }

    [Fact]
    public async Task FallbackTransfer_CallDisconnectedDeliveredBeforeCallTransferAccepted_StillTransferred()
    {
        // A 1:1 transfer takes the app out of the call, so CallTransferAccepted is followed by the call's CallDisconnected;
        // delivered the other way round (after a restart, or through another instance of a scaled-out app: seen in 4 of
        // 9 agent-declines calls of a 3-host chaos run), the flow must still report the transfer, not a hang-up.
        await using AzuriteServer azurite = await StartAzuriteAsync();
        await using CallFlowsLocalApp app = await StartAppAsync(azurite, "transfer", new LogCapture());
        AcsEmulator emulator = app.Emulator!;
        DemoScenario[] scenarios = [DemoRunner.Scenarios.Single(s => s.ExpectedResult == nameof(InboundRoutingFlowResult.TransferredToFallback))];

        var (clean, terminalFirst, deliveriesBefore) = await RunCleanThenHeldUntilCallEndsAsync(app, scenarios, "CallTransferAccepted");

        output.WriteLine($"clean {Describe(clean[0])} | transfer result after the end {Describe(terminalFirst[0])}");
        clean[0].Passed.Should().BeTrue("the baseline must end as the scenario expects");
        Describe(terminalFirst[0]).Should().Be(Describe(clean[0]));
        string? connection = terminalFirst[0].Status?.Status?.CallConnectionId;
        DeliveryRecord[] ofCall = emulator.EventLog.Entries.Skip(deliveriesBefore)
            .Where(d => d.Outcome == DeliveryOutcome.Delivered && d.CallConnectionId == connection).ToArray();
        Array.FindIndex(ofCall, d => d.EventType.EndsWith(".CallTransferAccepted", StringComparison.Ordinal))
            .Should().BeGreaterThan(Array.FindIndex(ofCall, d => d.EventType.EndsWith(".CallDisconnected", StringComparison.Ordinal)))
            .And.BeGreaterThan(0, "both were delivered, the transfer's result after the end of the call");
    }

    /// <summary>Runs the scenarios clean, then again with the named events of every call held until its CallDisconnected.</summary>
    static async Task<(IReadOnlyList<DemoCallReport> Clean, IReadOnlyList<DemoCallReport> Held, int DeliveriesBefore)> RunCleanThenHeldUntilCallEndsAsync(
        CallFlowsLocalApp app, DemoScenario[] scenarios, params string[] held)
    {
        AcsEmulator emulator = app.Emulator!;
        IReadOnlyList<DemoCallReport> clean = await RunAsync(app, scenarios, TimeSpan.FromSeconds(60));
        int deliveriesBefore = emulator.EventLog.Count;
        foreach (string name in held)
        {
            emulator.Faults.HoldUntilCallEnds.Add(name);
        }

        try
        {
            return (clean, await RunAsync(app, scenarios, TimeSpan.FromSeconds(90)), deliveriesBefore);
        }
        finally
        {
            emulator.Faults.Reset();
        }
    }

    static Task<AzuriteServer> StartAzuriteAsync() =>
        AzuriteServer.StartOrReuseAsync(new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true });

    static Task<CallFlowsLocalApp> StartAppAsync(AzuriteServer azurite, string hubPrefix, LogCapture logs) =>
        CallFlowsLocalApp.StartAsync(new CallFlowsLocalAppOptions
        {
            StorageConnectionString = azurite.ConnectionString,
            TaskHubName = hubPrefix + Guid.NewGuid().ToString("N")[..10],
            DeleteTaskHubOnStop = true,
            MinimumLogLevel = LogLevel.Information,
            ConfigureServices = (services, _) => services.AddSingleton<ILoggerProvider>(logs),
        });

    static async Task<IReadOnlyList<DemoCallReport>> RunAsync(CallFlowsLocalApp app, IReadOnlyList<DemoScenario> scenarios, TimeSpan timeout)
    {
        return await Task.WhenAll(scenarios.Select(async scenario =>
        {
            using var cts = new CancellationTokenSource(timeout);
            string id = await scenario.PlaceAsync(app, cts.Token);
            CallStatusResponse? status = null;
            while (!cts.IsCancellationRequested && status?.RuntimeStatus is not ("Completed" or "Failed" or "Terminated"))
            {
                await Task.Delay(250, CancellationToken.None);
                using HttpResponseMessage response = await app.Client.GetAsync(new Uri("api/calls/" + id, UriKind.Relative), CancellationToken.None);
                if (response.StatusCode == System.Net.HttpStatusCode.OK)
                {
                    status = await response.Content.ReadFromJsonAsync<CallStatusResponse>(JsonHttpResult.SerializerOptions);
                }
            }

            return new DemoCallReport(scenario, id, status, null);
        }));
    }

    static DemoScenario Outbound(string title, string flow, string result, object body) => new(title, flow, result, (app, ct) => StartAsync(app, body, ct));

    static async Task<string> StartAsync(CallFlowsLocalApp app, object body, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await app.Client.PostAsJsonAsync(new Uri("api/calls", UriKind.Relative), body, cancellationToken);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(cancellationToken));
        JsonElement payload = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return payload.GetProperty("id").GetString()!;
    }

    static string Describe(DemoCallReport report) => $"{report.Status?.Flow}/{report.Status?.RuntimeStatus}/{report.Status?.Outcome?.Result}";

    static async Task RedeliverEveryIncomingCallAsync(AcsEmulator emulator, DateTimeOffset since, ConcurrentDictionary<string, bool> done, CancellationToken cancellationToken)
    {
        // Event Grid is at-least-once: deliver every IncomingCall of the run a second time as soon as it is placed.
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var call in emulator.IncomingCalls.Where(c => c.PlacedAt >= since && !done.ContainsKey(c.EventId)))
            {
                emulator.RedeliverIncomingCall(call.EventId);
                done[call.EventId] = true;
            }

            try
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
