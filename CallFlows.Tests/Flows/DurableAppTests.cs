using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallFlows.Tests.Engine;
using CallFlows.Functions.Flows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CallFlows.Tests.Flows;

/// <summary>The app on the durable Azure Storage backend (Azurite) with the repository's host.json, as deployed.</summary>
[Collection(EngineCollection.Name)]
public sealed class DurableAppTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task InboundRouting_OnAzureStorageEngine_ConnectsAgentAndRecordsOutcome()
    {
        await using var app = await AppHarness.StartAsync(azureStorageConnectionString: azurite.ConnectionString);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        await app.Emulator.PlaceIncomingCallAsync("+14255550123", AppHarness.OwnedNumber, cancellationToken: cts.Token);
        string? instanceId = null;
        while (instanceId is null)
        {
            await foreach (var instance in app.Host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = CallInstanceIds.InboundPrefix }))
            {
                instanceId = instance.InstanceId;
            }

            await Task.Delay(100, cts.Token);
        }

        string? connection = null;
        while (connection is null)
        {
            var view = await app.Http.GetFromJsonAsync<JsonElement>($"api/calls/{instanceId}", cts.Token);
            if (view.TryGetProperty("status", out var status) && status.GetProperty("participants").EnumerateArray().Any(p => p.GetString() == app.AgentRawId))
            {
                connection = status.GetProperty("callConnectionId").GetString();
            }
            else
            {
                await Task.Delay(100, cts.Token);
            }
        }

        app.Emulator.HangUpParticipant(connection!, "+14255550123");
        var done = await app.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);

        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        done.ReadOutputAs<CallFlowOutcome>()!.Result.Should().Be("AgentConnected");
        app.Emulator.RequestLog.Entries.Where(r => r.RepeatabilityRequestId is not null && !r.IsReplay)
            .Select(r => r.RepeatabilityRequestId).Should().OnlyHaveUniqueItems("every action has its own repeatability id");
    }

    [Fact]
    public async Task Callback_ForAFlowThatHasNotStartedYet_IsHeldUntilItRunsAndNotDiscarded()
    {
        await using var app = await AppHarness.StartAsync(
            s => s["CallFlows:CallbackAuth:ValidateTokens"] = "false", registerWebhook: false, azureStorageConnectionString: azurite.ConnectionString);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string id = "out-pending-" + Guid.NewGuid().ToString("N")[..8];

        // A scheduled start keeps the instance Pending with its start message invisible: the state in which the Azure
        // Storage engine discards an event that arrives apart from the start message ("No such instance"), as after a
        // partition moved between app instances while a call answered on arrival sent its CallConnected.
        await app.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(OutboundCallFlow), new OutboundCallInput { Targets = [app.AgentRawId] }, new StartOrchestrationOptions(id, DateTimeOffset.UtcNow.AddSeconds(3)), cts.Token);
        (await app.Host.Client.GetInstanceAsync(id, cts.Token))!.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Pending);

        const string body = """[{"id":"p1","source":"calling/callConnections/x","type":"Microsoft.Communication.PlayCompleted","specversion":"1.0","time":"2026-11-24T15:00:00Z","data":{"callConnectionId":"x","operationContext":"media"}}]""";
        using var response = await app.Http.PostAsync(
            CallFlows.Tests.Security.CallbackUrlProof.SignedPath(app.Host.Services, id), new StringContent(body, Encoding.UTF8, "application/json"), cts.Token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("raised").GetInt32().Should().Be(1);
        (await app.Host.Client.GetInstanceAsync(id, cts.Token))!.RuntimeStatus.Should().NotBe(
            OrchestrationRuntimeStatus.Pending, "the callback is answered only once the flow has run its first step");
        while (true)
        {
            // The event reached the flow (raised into a Pending instance it would have been discarded).
            var view = await app.Http.GetFromJsonAsync<JsonElement>($"api/calls/{id}", cts.Token);
            if (view.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
                && status.GetProperty("events").EnumerateArray().Any(e => e.GetProperty("name").GetString() == "PlayCompleted"))
            {
                break;
            }

            await Task.Delay(100, cts.Token);
        }
    }

    [Fact]
    public async Task Callbacks_ForAFlowThatRunsBehindAStatusRowStillSayingPending_WakeItOnceThenReachItDirectly()
    {
        var logs = new CallFlows.Tests.Resilience.LogCapture();
        await using var app = await AppHarness.StartAsync(
            s => s["CallFlows:CallbackAuth:ValidateTokens"] = "false", registerWebhook: false, azureStorageConnectionString: azurite.ConnectionString, logs: logs);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        app.Emulator.World.Configure(app.AgentRawId, CallFlows.Emulator.Simulation.IdentityBehavior.NeverAnswers());
        string id = "out-behind-" + Guid.NewGuid().ToString("N")[..8];
        await app.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(OutboundCallFlow), new OutboundCallInput { Targets = [app.AgentRawId], ConnectTimeoutSeconds = 80 }, new StartOrchestrationOptions(id), cts.Token);
        while (!(await app.Http.GetStringAsync($"runtime/webhooks/durabletask/instances/{id}?showHistory=true", cts.Token))
            .Contains("\"EventType\":\"TaskCompleted\"", StringComparison.Ordinal))
        {
            // Until the flow has placed its call and waits for the callee (no timer before 80 s, no callback while it rings).
            await Task.Delay(100, cts.Token);
        }

        // What a worker killed between an episode's history write and its status row write leaves behind: the flow has
        // run, its row still reads Pending with no custom status, and the restarted worker drops the redelivered start
        // message as a duplicate. (The engine sets the row's runtime status only with a start, end, suspend or resume.)
        var instances = new Azure.Data.Tables.TableClient(app.Host.StorageConnectionString, app.Host.TaskHubName + "Instances");
        var row = (await instances.GetEntityAsync<Azure.Data.Tables.TableEntity>(id, string.Empty, cancellationToken: cts.Token)).Value;
        row["RuntimeStatus"] = nameof(OrchestrationRuntimeStatus.Pending);
        row["CustomStatus"] = null;
        await instances.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cts.Token);
        (await app.Host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cts.Token)).Should().BeEquivalentTo(
            new { RuntimeStatus = OrchestrationRuntimeStatus.Pending, SerializedCustomStatus = (string?)null });

        (await PostPlayCompletedAsync("p-first")).Should().Be(1, "the held event wakes the flow, whose episode writes its custom status");
        var woken = await app.Host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cts.Token);
        woken!.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Pending, "the engine leaves the row's runtime status as it was");
        woken.SerializedCustomStatus.Should().Contain("p-first");
        (await PostPlayCompletedAsync("p-second")).Should().Be(1);

        logs.Lines.Where(l => l.EventId == 4009).Should().ContainSingle("only the first callback had to wake the flow");
        while (true)
        {
            // The timeline's detail of an event is its operation context (here the event id).
            var played = (await app.Http.GetFromJsonAsync<JsonElement>($"api/calls/{id}", cts.Token)).GetProperty("status").GetProperty("events")
                .EnumerateArray().Where(e => e.GetProperty("name").GetString() == "PlayCompleted").Select(e => e.GetProperty("detail").GetString()).ToList();
            if (played.Contains("p-second"))
            {
                played.Should().Equal(["p-first", "p-second"], "the copy raised to wake the flow and the one raised once it ran are one event to the flow");
                break;
            }

            await Task.Delay(100, cts.Token);
        }

        async Task<int> PostPlayCompletedAsync(string eventId)
        {
            string body = $$$"""[{"id":"{{{eventId}}}","source":"calling/callConnections/x","type":"Microsoft.Communication.PlayCompleted","specversion":"1.0","time":"2026-11-24T15:00:00Z","data":{"callConnectionId":"x","operationContext":"{{{eventId}}}"}}]""";
            using var response = await app.Http.PostAsync(
                CallFlows.Tests.Security.CallbackUrlProof.SignedPath(app.Host.Services, id), new StringContent(body, Encoding.UTF8, "application/json"), cts.Token);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("raised").GetInt32();
        }
    }
}
