using CallFlows.LocalHost;
using CallFlows.Testing.Orchestrations;
using CallFlows.Tests.Engine;
using CallFlows.Tests.Testing.Fidelity;
using Microsoft.DurableTask.Client;

namespace CallFlows.Tests.Testing;

/// <summary>The same orchestrator on the local host's real engine and on the driver: same activities in the same order, same output.</summary>
[Collection(EngineCollection.Name)]
public sealed class DriverFidelityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SameOrchestrator_InMemoryEngineAndDriver_SameActivitiesAndOutput()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(null, o =>
        {
            o.Engine = EngineKind.InMemory;
            o.StorageConnectionString = "DefaultEndpointsProtocol=https;AccountName=unused;AccountKey=dW51c2Vk;EndpointSuffix=invalid";
        });
        await AssertSameAsDriverAsync(host);
    }

    [Fact]
    public async Task SameOrchestrator_AzuriteEngineAndDriver_SameActivitiesAndOutput()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        await AssertSameAsDriverAsync(host);
    }

    static async Task AssertSameAsDriverAsync(LocalFunctionsHost host)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(FidelityFunctions.Orchestrator, cancellation: cts.Token);
        OrchestrationMetadata done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        FidelityResult real = done.ReadOutputAs<FidelityResult>()!;
        IReadOnlyList<string> realExecutions = FidelityFunctions.TakeExecutions(id);

        // Same instance id and start time as the real run, so even NewGuid must come out the same.
        var driver = new OrchestrationDriver(new OrchestrationDriverOptions { InstanceId = id, StartTime = real.StartedAt })
            .OnActivity<FidelityInput, string>(FidelityFunctions.Echo, FidelityFunctions.EchoValue)
            .OnActivity<FidelityInput, string>(FidelityFunctions.Flaky, FidelityFunctions.FailFirstTime)
            .OnActivity<FidelityInput, string>(FidelityFunctions.Fail, input =>
            {
                FidelityFunctions.AlwaysFail(input);
                return "unreachable";
            });
        OrchestrationRun<FidelityResult> run = driver.Run(FidelityFunctions.Orchestrator, FidelityFunctions.RunAsync);
        IReadOnlyList<string> driverExecutions = FidelityFunctions.TakeExecutions(id);

        real.Ping.Should().Be("timed out, then received", "the 1.28 worker skips the timed-out wait and buffers the self-sent event");
        real.Failure.Should().StartWith("Task 'Testing_FidelityFail' (#");
        run.Output.Should().BeEquivalentTo(real, o => o.WithStrictOrdering());
        run.Output!.FirstGuid.Should().Be(real.FirstGuid);
        driverExecutions.Should().Equal(realExecutions);
        run.Activities.Select(a => $"{a.Name}({a.SerializedInput})").Should().HaveCount(realExecutions.Count);
        run.SerializedCustomStatus.Should().Be(done.SerializedCustomStatus);
        RecordedEvent ping = run.Events.Should().ContainSingle().Subject;
        ping.ReceivedAt.Should().BeGreaterThan(ping.RaisedAt, "the event waited in the buffer for the second wait");
        run.ReplayChecked.Should().BeTrue();
    }
}
