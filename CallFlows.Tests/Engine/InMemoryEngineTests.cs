using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallFlows.LocalHost;
using CallFlows.Tests.Engine.SampleFunctions;
using Microsoft.DurableTask.Client;

namespace CallFlows.Tests.Engine;

public sealed class InMemoryEngineTests
{
    [Fact]
    public async Task InMemoryEngine_FlowWithEventAndSubOrchestration_CompletesWithoutStorage()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(null, o =>
        {
            o.Engine = EngineKind.InMemory;
            o.StorageConnectionString = "DefaultEndpointsProtocol=https;AccountName=unused;AccountKey=dW51c2Vk;EndpointSuffix=invalid";
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestrator, new GreetingRequest("Ada", 30), cts.Token);
        await EngineTests.WaitForCustomStatusAsync(host.Client, id, "waiting", cts.Token);
        await host.Client.RaiseEventAsync(id, GreetingFunctions.EventName, new Approval("Grace"), cts.Token);
        OrchestrationMetadata done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        done.ReadOutputAs<GreetingResult>().Should().Be(new GreetingResult("Hello Ada", "Hello Grace", false, null));

        string parent = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.ParentOrchestrator, new GreetingRequest("Ada", 1), cts.Token);
        OrchestrationMetadata parentDone = await host.Client.WaitForInstanceCompletionAsync(parent, getInputsAndOutputs: true, cts.Token);
        parentDone.ReadOutputAs<GreetingResult>()!.ParentInstanceId.Should().Be(parent);

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using HttpResponseMessage status = await http.GetAsync($"runtime/webhooks/durabletask/instances/{id}?showHistory=true", cts.Token);
        status.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement body = await status.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
        body.GetProperty("runtimeStatus").GetString().Should().Be("Completed");
        body.TryGetProperty("historyEvents", out _).Should().BeFalse("the in-memory engine keeps no history");
    }
}
