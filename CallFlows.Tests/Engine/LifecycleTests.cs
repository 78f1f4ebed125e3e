using System.Net;
using CallFlows.LocalHost;
using CallFlows.LocalHost.Http;
using CallFlows.Tests.Engine.SampleFunctions;
using Microsoft.DurableTask.Client;

namespace CallFlows.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class LifecycleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SuspendResumeApi_InstanceOrchestratorWithExtendedSessions_KeepsCountingAfterResume()
    {
        string hostJson = Path.Combine(Path.GetTempPath(), "callflows-host-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(hostJson, """
            { "version": "2.0", "extensions": { "durableTask": {
                "extendedSessionsEnabled": true, "extendedSessionIdleTimeoutInSeconds": 30,
                "storageProvider": { "maxQueuePollingInterval": "00:00:00.100", "partitionCount": 2 } } } }
            """);
        try
        {
            await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite, o => o.HostJsonPath = hostJson);
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));

            string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(CounterFunctions.Orchestrator, cancellation: cts.Token);
            await EngineTests.WaitForCustomStatusAsync(host.Client, id, "\"count\":0", cts.Token);
            await host.Client.RaiseEventAsync(id, "Command", "add", cts.Token);
            await EngineTests.WaitForCustomStatusAsync(host.Client, id, "\"count\":1", cts.Token);

            var payload = DurableHttpManagementPayload.Create(host.BaseAddress, id);
            (await http.PostAsync(payload.SuspendPostUri.Replace("{text}", "hold", StringComparison.Ordinal), null, cts.Token))
                .StatusCode.Should().Be(HttpStatusCode.Accepted);
            await WaitForStatusAsync(host.Client, id, OrchestrationRuntimeStatus.Suspended, cts.Token);

            // An event raised while suspended is kept and processed after resume.
            await host.Client.RaiseEventAsync(id, "Command", "add", cts.Token);
            (await http.PostAsync(payload.ResumePostUri.Replace("{text}", "go", StringComparison.Ordinal), null, cts.Token))
                .StatusCode.Should().Be(HttpStatusCode.Accepted);
            await EngineTests.WaitForCustomStatusAsync(host.Client, id, "\"count\":2", cts.Token);

            await host.Client.RaiseEventAsync(id, "Command", "stop", cts.Token);
            OrchestrationMetadata done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
            done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
            done.ReadOutputAs<string>().Should().Be("Hello 2");
        }
        finally
        {
            File.Delete(hostJson);
        }
    }

    static async Task WaitForStatusAsync(DurableTaskClient client, string id, OrchestrationRuntimeStatus status, CancellationToken cancellationToken)
    {
        while ((await client.GetInstanceAsync(id, cancellationToken))?.RuntimeStatus != status)
        {
            await Task.Delay(100, cancellationToken);
        }
    }
}
