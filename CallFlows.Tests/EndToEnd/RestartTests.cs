using System.Diagnostics;
using System.Net.Http.Json;
using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;
using Xunit.Abstractions;

namespace CallFlows.Tests.EndToEnd;

/// <summary>A call survives the app's process being killed mid-flow: a new process finishes it and no action is repeated.</summary>
[Collection(EndToEndCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class RestartTests(ITestOutputHelper log)
{
    [Fact]
    public async Task InboundCall_HostKilledWhileAgentRings_NewProcessFinishesCallWithoutRepeatingAnyAction()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using AzuriteServer azurite = await AzuriteServer.StartOrReuseAsync(
            new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true }, cancellationToken: cts.Token);
        var emulatorOptions = new AcsEmulatorOptions
        {
            // Retry callbacks for ~30 s (the default ~3.4 s is shorter than a process restart): what ACS does for a
            // while when the app is unreachable.
            CallbackRetry = new DeliveryRetryPolicy { MaxAttempts = 40, InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(1) },
        };
        foreach (string number in DemoWorld.OwnedNumbers.Where(n => !emulatorOptions.OwnedPhoneNumbers.Contains(n)))
        {
            emulatorOptions.OwnedPhoneNumbers.Add(number);
        }

        await using AcsEmulator emulator = await AcsEmulator.StartAsync(emulatorOptions, cts.Token);
        DemoWorld.Configure(emulator);
        string agent = DemoWorld.SlowAgent(emulator.ResourceId.ToString());
        const string caller = "+15554000001";
        emulator.World.Configure(agent, IdentityBehavior.Answers(TimeSpan.FromSeconds(3)));
        emulator.World.Configure(caller, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(20) });

        string taskHub = "e2erestart" + Guid.NewGuid().ToString("N")[..8];
        int port = AzuriteServer.GetFreePort();
        CliHostProcess? second = null;
        CliHostProcess first = await CliHostProcess.StartAsync(emulator.Endpoint, azurite.ConnectionString, taskHub, port, cts.Token);
        try
        {
            IncomingCallSnapshot incoming = await emulator.PlaceIncomingCallAsync(caller, DemoWorld.SlowAgentNumber, cancellationToken: cts.Token);
            string id = CallFlowsLocalApp.InstanceIdFor(incoming.ServerCallId, incoming.To);
            RecordedRequest add = await emulator.RequestLog.WaitForAsync(r => r.Operation == "CallConnection_AddParticipant" && r.Status == 202, TimeSpan.FromSeconds(30), cts.Token);

            // Give the add's activity a moment to commit its result, then kill the process while the agent rings.
            await Task.Delay(TimeSpan.FromSeconds(1), cts.Token);
            await first.KillAsync();
            DateTimeOffset killedAt = DateTimeOffset.UtcNow;
            log.WriteLine($"killed {(killedAt - add.Time).TotalSeconds:F1} s after the add; the agent answers {3 - (killedAt - add.Time).TotalSeconds:F1} s later");

            // The agent answers while no process runs: the emulator's callbacks fail and are retried.
            await emulator.EventLog.WaitForAsync(e => e.Name == "AddParticipantSucceeded" && e.Outcome == DeliveryOutcome.WillRetry, TimeSpan.FromSeconds(20), cts.Token);
            var restart = Stopwatch.StartNew();
            second = await CliHostProcess.StartAsync(emulator.Endpoint, azurite.ConnectionString, taskHub, port, cts.Token);
            DateTimeOffset upAt = DateTimeOffset.UtcNow;
            log.WriteLine($"second process up {restart.Elapsed.TotalSeconds:F1} s after the restart began, {(upAt - killedAt).TotalSeconds:F1} s after the kill");

            using var http = new HttpClient { BaseAddress = second.BaseAddress };
            CallStatusResponse? status;
            while ((status = await http.GetFromJsonAsync<CallStatusResponse>("api/calls/" + id, JsonHttpResult.SerializerOptions, cts.Token))
                ?.RuntimeStatus is "Running" or "Pending")
            {
                await Task.Delay(250, cts.Token);
            }

            status!.RuntimeStatus.Should().Be("Completed", second.Output);
            status.Outcome!.Result.Should().Be(nameof(InboundRoutingFlowResult.AgentConnected), status.Outcome.Detail);

            string connection = status.Outcome.CallConnectionId!;
            List<RecordedRequest> performed = EndToEndHarness.RequestsOf(emulator, connection, incoming).Where(r => !r.IsReplay).ToList();
            performed.Select(r => r.Operation).Should().Equal(
                ["AnswerCall", "CallConnection_AddParticipant", "CallConnection_TerminateCall"],
                "each action is performed once across both processes; replays: " + string.Join(", ", EndToEndHarness.RequestsOf(emulator, connection, incoming).Where(r => r.IsReplay).Select(r => r.Operation)));
            performed.Select(r => r.RepeatabilityRequestId).Should().OnlyHaveUniqueItems();

            List<DeliveryRecord> callbacks = emulator.EventLog.Entries.Where(e => e.CallConnectionId == connection && e.Channel == DeliveryChannel.Callback).ToList();
            foreach (DeliveryRecord r in callbacks)
            {
                log.WriteLine($"{(r.Time - killedAt).TotalSeconds,6:F1} s  {r.Name,-26} attempt {r.Attempt,2} {r.Outcome} {r.Status}");
            }

            DeliveryRecord delivered = callbacks.Single(e => e.Name == "AddParticipantSucceeded" && e.Outcome == DeliveryOutcome.Delivered);
            delivered.Attempt.Should().BeGreaterThan(1, "the first attempts hit the dead process");
            delivered.Time.Should().BeAfter(upAt.AddSeconds(-1), "it was delivered once the new process listened");
            callbacks.Should().NotContain(e => e.Outcome == DeliveryOutcome.GaveUp, "no callback was lost");
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                log.WriteLine(second.Output);
                await second.DisposeAsync();
            }
        }
    }
}
