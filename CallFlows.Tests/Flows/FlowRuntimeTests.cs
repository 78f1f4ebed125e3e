using System.Text.Json;
using CallFlows.CallAutomation;
using CallFlows.LocalHost;
using CallFlows.Tests.Engine;
using CallFlows.Tests.Flows.RuntimeProbe;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace CallFlows.Tests.Flows;

/// <summary>The typed flow runtime on the real Durable Task engine (in-memory and Azure Storage over Azurite).</summary>
[Collection(EngineCollection.Name)]
public sealed class FlowRuntimeTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(EngineKind.InMemory)]
    [InlineData(EngineKind.AzureStorage)]
    public async Task AddParticipant_TimedOutWaitThenNewWait_ReceivesNextEventDespiteLateDuplicateAndReorderedEvents(EngineKind engine)
    {
        await using var host = await StartAsync(engine);
        using var cts = new CancellationTokenSource(Timeout);
        var (instanceId, connection) = await StartProbeAsync(host, ProbeFlows.WaitsProbe, cts.Token);

        var create = await ProbeRecorder.WaitForAsync(connection, CallActionNames.CreateCall, 1, cts.Token);
        await RaiseAsync(host, instanceId, "e-connected", "CallConnected", connection, create.OperationContext, cts.Token);

        var firstAdd = await ProbeRecorder.WaitForAsync(connection, CallActionNames.AddParticipant, 1, cts.Token);
        // Nothing answers the first invitation: its 2 s wait times out and the flow issues the second add.
        var secondAdd = await ProbeRecorder.WaitForAsync(connection, CallActionNames.AddParticipant, 2, cts.Token);
        // The outcome lands in history while the second add's activity is still running, i.e. before any new wait
        // exists: only the wait left open by the timed-out first add can take it, and the runtime must hand it on
        // (a runtime that opened a fresh wait per action would lose it: the isolated SDK defect of FLOWS-DESIGN.md).
        await RaiseAsync(host, instanceId, "e-added", "AddParticipantSucceeded", connection, secondAdd.OperationContext, cts.Token);
        await Task.Delay(500, cts.Token);
        ProbeRecorder.Gate(connection).TrySetResult();
        await RaiseAsync(host, instanceId, "e-late", "AddParticipantFailed", connection, firstAdd.OperationContext, cts.Token, result: 487);
        await RaiseAsync(host, instanceId, "e-roster-2", "ParticipantsUpdated", connection, null, cts.Token, sequence: 2, roster: ["8:acs:callee", "8:acs:slow-second"]);
        await RaiseAsync(host, instanceId, "e-roster-1", "ParticipantsUpdated", connection, null, cts.Token, sequence: 1, roster: ["8:acs:callee"]);

        await ProbeRecorder.WaitForAsync(connection, CallActionNames.AddParticipant, 3, cts.Token);
        // A redelivery of the second add's success, now for a finished action: dropped, it must not satisfy the third add.
        await RaiseAsync(host, instanceId, "e-added", "AddParticipantSucceeded", connection, secondAdd.OperationContext, cts.Token);
        await RaiseAsync(host, instanceId, "e-gone", "CallDisconnected", connection, null, cts.Token);

        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        var result = done.ReadOutputAs<ProbeResult>()!;
        result.Steps.Select(s => (s.Name, s.Status)).Should().Equal(
            ("connect", "Succeeded"),
            ("add-1", "TimedOut"),
            ("add-2", "Succeeded"),
            ("add-3", "CallEnded"),
            ("remove-after-disconnect", "CallEnded"));
        result.Steps[2].EventType.Should().Be("Microsoft.Communication.AddParticipantSucceeded");
        result.Roster.Should().Equal("8:acs:callee", "8:acs:slow-second");
        result.RosterSequenceNumber.Should().Be(2);
        ProbeRecorder.For(connection).Should().NotContain(r => r.Action == CallActionNames.RemoveParticipant, "a disconnected call takes no more actions");

        var status = JsonSerializer.Deserialize<CallFlowStatus>(done.SerializedCustomStatus!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        status.State.Should().Be("Completed");
        status.CallState.Should().Be("Disconnected");
        status.Events.Count(e => e.Name == "AddParticipantSucceeded").Should().Be(1, "the duplicate delivery is dropped");
        status.Outcome!.Result.Should().Be(nameof(ProbeOutcome.Done));
        done.SerializedCustomStatus!.Length.Should().BeLessThan(16 * 1024);
    }

    [Fact]
    public async Task Actions_TransientFailureAndRefusal_RetrySameRepeatabilityIdAndReportFailedResult()
    {
        await using var host = await StartAsync(EngineKind.InMemory);
        using var cts = new CancellationTokenSource(Timeout);
        var (instanceId, connection) = await StartProbeAsync(host, ProbeFlows.FailuresProbe, cts.Token);

        var retried = await ProbeRecorder.WaitForAsync(connection, CallActionNames.CreateCall, 2, cts.Token);
        await RaiseAsync(host, instanceId, "e-connected", "CallConnected", connection, retried.OperationContext, cts.Token);
        await ProbeRecorder.WaitForAsync(connection, CallActionNames.HangUp, 1, cts.Token);
        await RaiseAsync(host, instanceId, "e-gone", "CallDisconnected", connection, null, cts.Token);

        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        var creates = ProbeRecorder.For(connection).Where(r => r.Action == CallActionNames.CreateCall).ToList();
        creates.Should().HaveCount(2, "the transient failure is retried once");
        creates[1].RepeatabilityRequestId.Should().Be(creates[0].RepeatabilityRequestId, "a retry must resend the same repeatability id");
        creates[1].OperationContext.Should().Be(creates[0].OperationContext);
        var result = done.ReadOutputAs<ProbeResult>()!;
        result.Steps.Select(s => (s.Name, s.Status, s.ResultCode)).Should().Equal(
            ("connect", "Succeeded", (int?)null),
            ("remove-forbidden", "Failed", 403),
            ("hang-up", "Succeeded", (int?)null));
        ProbeRecorder.For(connection).Count(r => r.Action == CallActionNames.RemoveParticipant).Should().Be(1, "a 4xx refusal is not retried");
    }

    [Fact]
    public async Task CallEnded_CallDisconnectedWhileActionPending_EndsEveryPendingAndLaterActionAtOnce()
    {
        await using var host = await StartAsync(EngineKind.InMemory);
        using var cts = new CancellationTokenSource(Timeout);
        var (instanceId, connection) = await StartProbeAsync(host, ProbeFlows.WaitsProbe, cts.Token);

        var create = await ProbeRecorder.WaitForAsync(connection, CallActionNames.CreateCall, 1, cts.Token);
        await RaiseAsync(host, instanceId, "e-connected", "CallConnected", connection, create.OperationContext, cts.Token);
        await ProbeRecorder.WaitForAsync(connection, CallActionNames.AddParticipant, 1, cts.Token);
        // A malformed self-event (anyone with the management API can raise one) is logged and ignored.
        await host.Client.RaiseEventAsync(instanceId, CallFlowEvents.CallbackEventName, new { hello = 1 }, cts.Token);
        await host.Client.RaiseEventAsync(instanceId, CallFlowEvents.CallbackEventName, "not an envelope", cts.Token);
        await RaiseAsync(host, instanceId, "e-gone", "CallDisconnected", connection, null, cts.Token);

        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
        var result = done.ReadOutputAs<ProbeResult>()!;
        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        result.Steps.Skip(1).Should().OnlyContain(s => s.Status == "CallEnded");
        ProbeRecorder.For(connection).Count(r => r.Action == CallActionNames.AddParticipant).Should().Be(1, "after the disconnect no further add is sent");
        // The protocol fact, not a wall-clock bound: every wait after the disconnect ended as CallEnded (a timed-out
        // wait would read TimedOut), so none of the two-minute timeouts decided the outcome.
    }

    [Fact]
    public async Task Action_CompletedWithAnotherActionsResult_SentAgainUnderTheSameIdsAndNotTakenAsItsOwn()
    {
        // After a crash a lost episode's activity can complete under a task id the replay gave to another action (seen in
        // a chaos run: an add-participant's result taken as the answer's, which then had no call connection).
        await using var host = await StartAsync(EngineKind.InMemory);
        using var cts = new CancellationTokenSource(Timeout);
        var (instanceId, connection) = await StartProbeAsync(host, ProbeFlows.StaleResultProbe, cts.Token);

        var again = await ProbeRecorder.WaitForAsync(connection, CallActionNames.CreateCall, 2, cts.Token);
        await RaiseAsync(host, instanceId, "e-connected", "CallConnected", connection, again.OperationContext, cts.Token);

        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        done.ReadOutputAs<ProbeResult>()!.Steps.Should().ContainSingle().Which.Status.Should().Be("Succeeded");
        var creates = ProbeRecorder.For(connection).Where(r => r.Action == CallActionNames.CreateCall).ToList();
        creates.Should().HaveCount(2, "the foreign result is not the create's: the create is sent again");
        creates[1].RepeatabilityRequestId.Should().Be(creates[0].RepeatabilityRequestId, "ACS performs it once or replays it");
        creates[1].OperationContext.Should().Be(creates[0].OperationContext);
    }

    [Fact]
    public async Task Establish_CallDisconnectedBeforeCallConnected_ClassifiesTheCallAsConnectedThenEnded()
    {
        await using var host = await StartAsync(EngineKind.InMemory);
        using var cts = new CancellationTokenSource(Timeout);
        var (instanceId, connection) = await StartProbeAsync(host, ProbeFlows.WaitsProbe, cts.Token);

        var create = await ProbeRecorder.WaitForAsync(connection, CallActionNames.CreateCall, 1, cts.Token);
        // The order a restart can deliver: the callee answered and hung up, but the end arrives first.
        await RaiseAsync(host, instanceId, "e-gone", "CallDisconnected", connection, null, cts.Token);
        await RaiseAsync(host, instanceId, "e-connected", "CallConnected", connection, create.OperationContext, cts.Token);

        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        var result = done.ReadOutputAs<ProbeResult>()!;
        result.Steps.Select(s => (s.Name, s.Status)).Should().Equal(
            ("connect", "Succeeded"),
            ("add-1", "CallEnded"),
            ("add-2", "CallEnded"),
            ("add-3", "CallEnded"),
            ("remove-after-disconnect", "CallEnded"));
        ProbeRecorder.For(connection).Should().NotContain(r => r.Action == CallActionNames.AddParticipant, "an ended call takes no actions");
    }

    [Fact]
    public async Task UnhandledException_WhileCallConnected_EndsTheCallThenFailsTheInstance()
    {
        await using var host = await StartAsync(EngineKind.InMemory);
        using var cts = new CancellationTokenSource(Timeout);
        var (instanceId, connection) = await StartProbeAsync(host, ProbeFlows.ThrowsProbe, cts.Token);

        var create = await ProbeRecorder.WaitForAsync(connection, CallActionNames.CreateCall, 1, cts.Token);
        await RaiseAsync(host, instanceId, "e-connected", "CallConnected", connection, create.OperationContext, cts.Token);

        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Failed);
        done.FailureDetails!.ErrorMessage.Should().Contain("The flow has a bug.");
        var ended = ProbeRecorder.For(connection).Where(r => r.Action == CallActionNames.EndAbandonedCall).ToList();
        ended.Should().ContainSingle("the runtime ends the connected call before the instance fails");
        ended[0].Target.Should().Contain("InvalidOperationException").And.Contain("The flow has a bug.");
    }

    private async Task<LocalFunctionsHost> StartAsync(EngineKind engine) => await LocalFunctionsHost.StartAsync(new LocalHostOptions
    {
        FunctionsAssembly = typeof(ProbeFlows).Assembly,
        Engine = engine,
        StorageConnectionString = engine == EngineKind.InMemory
            ? "DefaultEndpointsProtocol=https;AccountName=unused;AccountKey=dW51c2Vk;EndpointSuffix=invalid"
            : azurite.ConnectionString,
        TaskHubName = "f" + Guid.NewGuid().ToString("N")[..16],
        DeleteTaskHubOnStop = true,
        MinimumLogLevel = LogLevel.Warning,
    });

    /// <summary>Starts a probe flow under a fresh instance id; returns it with the call connection the probe's actions report.</summary>
    private static async Task<(string InstanceId, string Connection)> StartProbeAsync(LocalFunctionsHost host, string flow, CancellationToken cancellationToken)
    {
        var instanceId = "probe-" + Guid.NewGuid().ToString("N");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(flow, null, new Microsoft.DurableTask.StartOrchestrationOptions(instanceId), cancellationToken);
        return (instanceId, ProbeCallActions.ConnectionIdFor(instanceId));
    }

    private static async Task RaiseAsync(LocalFunctionsHost host, string instanceId, string eventId, string type, string connection, string? operationContext,
        CancellationToken cancellationToken, int? result = null, int? sequence = null, string[]? roster = null)
    {
        var data = new Dictionary<string, object?> { ["callConnectionId"] = connection, ["serverCallId"] = "server-" + instanceId };
        if (operationContext is not null)
        {
            data["operationContext"] = operationContext;
        }

        if (result is not null)
        {
            data["resultInformation"] = new { code = result, subCode = 0, message = "test" };
        }

        if (sequence is not null)
        {
            data["sequenceNumber"] = sequence;
            data["participants"] = roster!.Select(id => new { identifier = new { kind = "communicationUser", rawId = id, communicationUser = new { id } }, isMuted = false }).ToArray();
        }

        var cloudEvent = new Dictionary<string, object?>
        {
            ["id"] = eventId,
            ["source"] = "calling/callConnections/" + connection,
            ["type"] = "Microsoft.Communication." + type,
            ["time"] = DateTimeOffset.UtcNow,
            ["specversion"] = "1.0",
            ["data"] = data,
        };
        // Through the same parser and envelope as the callback endpoint.
        var parsed = CallAutomationEventParser.Parse(BinaryData.FromObjectAsJson(new[] { cloudEvent }));
        await host.Client.RaiseEventAsync(instanceId, CallFlowEvents.CallbackEventName, CallbackEnvelope.FromEvent(parsed), cancellationToken);
    }
}
