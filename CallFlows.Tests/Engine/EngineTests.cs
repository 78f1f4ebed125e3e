using CallFlows.Tests.Engine.SampleFunctions;
using Microsoft.DurableTask.Client;

namespace CallFlows.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class EngineTests(AzuriteFixture azurite)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Orchestrator_ActivityEventActivity_CompletesWithTypedOutput()
    {
        await using var host = await TestHosts.StartAsync(azurite);
        using var cts = new CancellationTokenSource(Timeout);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            GreetingFunctions.Orchestrator, new GreetingRequest("Ada", 60), cts.Token);
        await WaitForCustomStatusAsync(host.Client, id, "waiting", cts.Token);
        await host.Client.RaiseEventAsync(id, GreetingFunctions.EventName, new Approval("Grace"), cts.Token);
        OrchestrationMetadata done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);

        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        done.ReadInputAs<GreetingRequest>().Should().Be(new GreetingRequest("Ada", 60));
        done.ReadOutputAs<GreetingResult>().Should().Be(new GreetingResult("Hello Ada", "Hello Grace", false, null));
    }

    [Fact]
    public async Task Orchestrator_EventNeverRaised_TimesOutAndContinues()
    {
        await using var host = await TestHosts.StartAsync(azurite);
        using var cts = new CancellationTokenSource(Timeout);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            GreetingFunctions.Orchestrator, new GreetingRequest("Ada", 1), cts.Token);
        OrchestrationMetadata done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);

        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        done.ReadOutputAs<GreetingResult>().Should().Be(new GreetingResult("Hello Ada", "Hello nobody", true, null));
    }

    [Fact]
    public async Task SubOrchestrator_CalledFromParent_SeesParentInstance()
    {
        await using var host = await TestHosts.StartAsync(azurite);
        using var cts = new CancellationTokenSource(Timeout);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            GreetingFunctions.ParentOrchestrator, new GreetingRequest("Ada", 1), cts.Token);
        OrchestrationMetadata done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);

        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        done.ReadOutputAs<GreetingResult>()!.ParentInstanceId.Should().Be(id);
    }

    internal static async Task WaitForCustomStatusAsync(DurableTaskClient client, string id, string stage, CancellationToken cancellationToken)
    {
        while (true)
        {
            OrchestrationMetadata? metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            if (metadata?.SerializedCustomStatus?.Contains(stage, StringComparison.Ordinal) == true)
            {
                return;
            }

            metadata?.IsCompleted.Should().BeFalse("the instance must still be waiting, but is " + metadata?.RuntimeStatus);
            await Task.Delay(100, cancellationToken);
        }
    }
}
