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
}
