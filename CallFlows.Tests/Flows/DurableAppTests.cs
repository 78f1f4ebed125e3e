using System.Net.Http.Json;
using System.Text.Json;
using CallFlows.Tests.Engine;
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
}
