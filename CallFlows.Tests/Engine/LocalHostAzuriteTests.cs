using CallFlows.LocalHost;
using CallFlows.LocalHost.Azurite;
using CallFlows.Tests.Engine.SampleFunctions;
using Microsoft.DurableTask.Client;

namespace CallFlows.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class LocalHostAzuriteTests
{
    [Fact]
    public async Task StartAsync_NoStorageGiven_StartsManagedAzuriteAndStopsItOnDispose()
    {
        var azurite = new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true };
        LocalFunctionsHost host = await TestHosts.StartAsync(null, o =>
        {
            o.StorageConnectionString = null;
            o.Azurite = azurite;
        });
        (int blob, int queue, int table) = AzuriteServer.GetPorts(host.StorageConnectionString);
        try
        {
            AzuriteServer.IsListening(blob).Should().BeTrue();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestrator, new GreetingRequest("Ada", 1), cts.Token);
            OrchestrationMetadata done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
            done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
        }
        finally
        {
            await host.DisposeAsync();
        }

        AzuriteServer.IsListening(blob).Should().BeFalse();
        AzuriteServer.IsListening(queue).Should().BeFalse();
        AzuriteServer.IsListening(table).Should().BeFalse();
    }
}
