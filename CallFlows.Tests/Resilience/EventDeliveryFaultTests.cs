using System.Collections.Concurrent;
using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace CallFlows.Tests.Resilience;

/// <summary>
/// Every shipped flow (the demo's scenario set) run twice on one app: with clean delivery, then with the emulator
/// duplicating, reordering and delaying every callback and Event Grid redelivering every IncomingCall. The outcomes
/// must be the same, with exactly one orchestration per call.
/// </summary>
public sealed class EventDeliveryFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShippedFlows_EveryCallbackDuplicatedReorderedDelayedAndIncomingCallsRedelivered_SameOutcomesOneOrchestrationPerCall()
    {
        await using AzuriteServer azurite = await AzuriteServer.StartOrReuseAsync(
            new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true });
        await using CallFlowsLocalApp app = await CallFlowsLocalApp.StartAsync(new CallFlowsLocalAppOptions
        {
            StorageConnectionString = azurite.ConnectionString,
            TaskHubName = "faults" + Guid.NewGuid().ToString("N")[..10],
            DeleteTaskHubOnStop = true,
        });
        AcsEmulator emulator = app.Emulator!;

        IReadOnlyList<DemoCallReport> clean = await DemoRunner.RunAsync(app, TextWriter.Null, TimeSpan.FromSeconds(60));

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
            faulty = await DemoRunner.RunAsync(app, TextWriter.Null, TimeSpan.FromSeconds(90));
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
        }

        clean.Should().OnlyContain(r => r.Passed, "the baseline must end as the demo expects");
        faulty.Select(Describe).Should().Equal(clean.Select(Describe), "faults must not change any flow's outcome");

        // The faults really happened: every IncomingCall was delivered again and callbacks were duplicated.
        DeliveryRecord[] faultyDeliveries = emulator.EventLog.Entries.Skip(deliveriesBefore).ToArray();
        int inbound = DemoRunner.Scenarios.Count(s => s.ExpectedFlow is not ("OutboundCallFlow" or "GroupCallFlow" or "ConnectCallFlow"));
        redelivered.Should().HaveCount(inbound);
        faultyDeliveries.Count(d => d.Channel == DeliveryChannel.EventGrid && d.EventType.EndsWith("IncomingCall", StringComparison.Ordinal) && d.Outcome == DeliveryOutcome.Delivered)
            .Should().BeGreaterThanOrEqualTo(2 * inbound);
        faultyDeliveries.Count(d => d.IsDuplicate).Should().BeGreaterThan(0);

        // Exactly one orchestration per call: as many instances created during the faulty run as calls, all distinct.
        var created = new List<string>();
        await foreach (OrchestrationMetadata instance in app.DurableClient.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = faultyStart.UtcDateTime.AddSeconds(-1) }))
        {
            created.Add(instance.InstanceId);
        }

        created.Should().HaveCount(faulty.Count).And.OnlyHaveUniqueItems();
        created.Should().BeEquivalentTo(faulty.Select(r => r.InstanceId));
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
