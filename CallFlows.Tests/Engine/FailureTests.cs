using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallFlows.LocalHost;
using CallFlows.Tests.Engine.SampleFunctions;
using Microsoft.DurableTask.Client;

namespace CallFlows.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class FailureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Activity_Throws_FlowSeesTypedFailureOrFailsWithDetails()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        string handled = await host.Client.ScheduleNewOrchestrationInstanceAsync(FailureFunctions.Orchestrator, false, cts.Token);
        string failed = await host.Client.ScheduleNewOrchestrationInstanceAsync(FailureFunctions.Orchestrator, true, cts.Token);
        OrchestrationMetadata handledDone = await host.Client.WaitForInstanceCompletionAsync(handled, getInputsAndOutputs: true, cts.Token);
        OrchestrationMetadata failedDone = await host.Client.WaitForInstanceCompletionAsync(failed, getInputsAndOutputs: true, cts.Token);

        handledDone.ReadOutputAs<string>().Should().Be("True:card declined");
        failedDone.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Failed);
        failedDone.FailureDetails.Should().NotBeNull("output: " + failedDone.SerializedOutput);
        failedDone.FailureDetails!.ErrorMessage.Should().Contain("card declined");

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using HttpResponseMessage status = await http.GetAsync($"runtime/webhooks/durabletask/instances/{failed}", cts.Token);
        status.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement body = await status.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
        body.GetProperty("runtimeStatus").GetString().Should().Be("Failed");
        body.GetProperty("output").GetString().Should().Contain("card declined");

        using HttpResponseMessage as500 = await http.GetAsync($"runtime/webhooks/durabletask/instances/{failed}?returnInternalServerErrorOnFailure=true", cts.Token);
        as500.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
    }
}
