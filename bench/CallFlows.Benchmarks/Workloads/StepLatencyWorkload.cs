using CallFlows.Benchmarks.Harness;
using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost.App;
using Microsoft.DurableTask.Client;

namespace CallFlows.Benchmarks.Workloads;

/// <summary>
/// Step latency at a call's ~10th vs ~500th event. Each call is answered, the agent joins and stays; the emulator then
/// re-announces the roster (<see cref="AcsEmulator.RepublishParticipants"/>) until the call's history holds the target
/// number of events; once the instance has worked off that chatter, the agent hangs up, and the step measured is that
/// ParticipantsUpdated delivered → the flow's hang-up request. Short and long calls run side by side.
/// </summary>
internal static class StepLatencyWorkload
{
    public static async Task<StepLatencyResult> RunAsync(BenchStack stack, int calls, int shortIndex, int longIndex, double updatesPerSecond, TextWriter progress, CancellationToken cancellationToken)
    {
        stack.SetAgent(IdentityBehavior.Answers());
        var runs = new List<Task<StepLatencySample>>();
        for (int i = 0; i < calls; i++)
        {
            runs.Add(RunCallAsync(stack, shortIndex, updatesPerSecond, progress, cancellationToken));
            runs.Add(RunCallAsync(stack, longIndex, updatesPerSecond, progress, cancellationToken));
        }

        StepLatencySample[] samples = await Task.WhenAll(runs);
        return new StepLatencyResult(
            samples.Where((_, i) => i % 2 == 0).ToList(), samples.Where((_, i) => i % 2 == 1).ToList(), MachineInfo.LoadAverage());
    }

    static async Task<StepLatencySample> RunCallAsync(BenchStack stack, int targetIndex, double updatesPerSecond, TextWriter progress, CancellationToken cancellationToken)
    {
        AcsEmulator emulator = stack.Emulator;
        TimeSpan limit = TimeSpan.FromSeconds(120);
        IncomingCallSnapshot placed = await Callers.PlaceAsync(emulator, cancellationToken);
        IncomingCallSnapshot answered = await emulator.WaitForIncomingCallAsync(placed.EventId, c => c.CallConnectionId is not null, limit, cancellationToken);
        string id = answered.CallConnectionId!;
        string agent = stack.AgentFor(FlowKind.CallFlows);
        await emulator.WaitForEventAsync(r => r.CallConnectionId == id && r.Name == "AddParticipantSucceeded" && r.Outcome == DeliveryOutcome.Delivered, limit, cancellationToken);
        await emulator.WaitForEventAsync(
            r => r.CallConnectionId == id && r.Name == "ParticipantsUpdated" && r.Outcome == DeliveryOutcome.Delivered && r.Data.ToJsonString().Contains(agent, StringComparison.Ordinal),
            limit,
            cancellationToken);

        // Chatter until the agent's leaving will be event number targetIndex.
        var chatter = System.Diagnostics.Stopwatch.StartNew();
        int delivered = Delivered(emulator, id);
        for (int i = delivered + 1; i < targetIndex; i++)
        {
            emulator.RepublishParticipants(id);
            await Task.Delay(TimeSpan.FromSeconds(1 / updatesPerSecond), cancellationToken);
        }

        await Callers.WaitUntilAsync(() => Delivered(emulator, id) >= targetIndex - 1, limit, cancellationToken);
        double chatterSeconds = chatter.Elapsed.TotalSeconds;
        var catchUp = System.Diagnostics.Stopwatch.StartNew();
        await WaitForIdleInstanceAsync(stack.App.DurableClient, CallFlowsLocalApp.InstanceIdFor(answered.ServerCallId, "4:" + BenchStack.CalledNumber), limit, cancellationToken);
        double catchUpSeconds = catchUp.Elapsed.TotalSeconds - IdleQuietPeriod.TotalSeconds;

        emulator.HangUpParticipant(id, agent);
        await Callers.WaitUntilAsync(() => new CallLog(emulator).Request(id, CallLog.HangUp) is not null, limit, cancellationToken);
        var log = new CallLog(emulator);
        DateTimeOffset hangUp = log.Request(id, CallLog.HangUp) ?? throw new TimeoutException($"The flow did not hang up call {id}.");
        IReadOnlyList<DeliveryRecord> events = log.Callbacks(id);
        int index = events.ToList().FindLastIndex(r => r.Name == "ParticipantsUpdated" && r.Time <= hangUp);
        var sample = new StepLatencySample(index + 1, CallLog.Ms(events[index].Time, hangUp), Math.Max(0, catchUpSeconds));
        progress.WriteLine(FormattableString.Invariant(
            $"    call with {targetIndex} events: chatter delivered in {chatterSeconds:0.0} s, worked off {sample.CatchUpSeconds:0.0} s later; step at event {sample.EventIndex}: {sample.LatencyMs:0} ms"));
        return sample;
    }

    static readonly TimeSpan IdleQuietPeriod = TimeSpan.FromSeconds(1);

    static int Delivered(AcsEmulator emulator, string callConnectionId) =>
        emulator.EventLog.Entries.Count(r => r.Channel == DeliveryChannel.Callback && r.CallConnectionId == callConnectionId && r.Outcome == DeliveryOutcome.Delivered && !r.IsDuplicate);

    /// <summary>Waits until the instance's last update is older than a quiet period: it has processed the events raised so far.</summary>
    static async Task WaitForIdleInstanceAsync(DurableTaskClient client, string instanceId, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        DateTimeOffset? last = null;
        var stableSince = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            if (metadata?.LastUpdatedAt != last)
            {
                last = metadata?.LastUpdatedAt;
                stableSince.Restart();
            }
            else if (stableSince.Elapsed >= IdleQuietPeriod)
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
