using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Tests.Flows.RuntimeProbe;

/// <summary>Orchestrators that drive the typed flow runtime through the situations the runtime design must survive.</summary>
public static class ProbeFlows
{
    public const string WaitsProbe = "FlowsProbeWaits";
    public const string FailuresProbe = "FlowsProbeFailures";
    public const string ThrowsProbe = "FlowsProbeThrows";
    public const string StaleResultProbe = "FlowsProbeStaleResult";

    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Connect; an add that times out; a second add whose success must still arrive (after a late event of the first
    /// and reordered roster snapshots); a third add ended by CallDisconnected; an action after the disconnect.
    /// </summary>
    [Function(WaitsProbe)]
    public static async Task<ProbeResult> Waits([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var flow = new CallFlowContext(context);
        var steps = new List<ProbeStep>();
        var call = await flow.CreateCallAsync(new CommunicationUserIdentifier("8:acs:callee"), new CreateCallFlowOptions { Timeout = Long });
        steps.Add(new ProbeStep("connect", "Succeeded", null, null));
        steps.Add(await StepAsync("add-1", () => call.AddParticipantAsync(new CommunicationUserIdentifier("8:acs:first"), new AddParticipantFlowOptions { Timeout = TimeSpan.FromSeconds(2) })));
        steps.Add(await StepAsync("add-2", () => call.AddParticipantAsync(new CommunicationUserIdentifier("8:acs:slow-second"), new AddParticipantFlowOptions { Timeout = Long })));
        steps.Add(await StepAsync("add-3", () => call.AddParticipantAsync(new CommunicationUserIdentifier("8:acs:third"), new AddParticipantFlowOptions { Timeout = Long })));
        steps.Add(await StepAsync("remove-after-disconnect", () => call.RemoveParticipantAsync(new CommunicationUserIdentifier("8:acs:slow-second"), new CallActionOptions { Timeout = Long })));
        Complete(flow);
        return new ProbeResult(steps, call.Participants.Select(p => p.Identifier!.RawId).ToList(), call.RosterSequenceNumber);
    }

    /// <summary>A transiently failing create (retried with the same repeatability id), a refused remove (403), a hang-up.</summary>
    [Function(FailuresProbe)]
    public static async Task<ProbeResult> Failures([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var flow = new CallFlowContext(context);
        var steps = new List<ProbeStep>();
        var call = await flow.CreateCallAsync(new CommunicationUserIdentifier("8:acs:flaky-callee"), new CreateCallFlowOptions { Timeout = Long });
        steps.Add(new ProbeStep("connect", "Succeeded", null, null));
        steps.Add(await StepAsync("remove-forbidden", () => call.RemoveParticipantAsync(new CommunicationUserIdentifier("8:acs:forbidden-user"), new CallActionOptions { Timeout = Long })));
        steps.Add(await StepAsync("hang-up", () => call.HangUpAsync(forEveryone: true, new CallActionOptions { Timeout = Long })));
        Complete(flow);
        return new ProbeResult(steps, call.Participants.Select(p => p.Identifier!.RawId).ToList(), call.RosterSequenceNumber);
    }

    /// <summary>A create whose first completion is another action's (the orphan of an episode lost in a crash).</summary>
    [Function(StaleResultProbe)]
    public static async Task<ProbeResult> StaleResult([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var flow = new CallFlowContext(context);
        var call = await flow.CreateCallAsync(new CommunicationUserIdentifier("8:acs:stale-callee"), new CreateCallFlowOptions { Timeout = Long });
        Complete(flow);
        return new ProbeResult([new ProbeStep("connect", "Succeeded", null, null)], call.Participants.Select(p => p.Identifier!.RawId).ToList(), call.RosterSequenceNumber);
    }

    /// <summary>A registered-style run (through the runtime's runner) whose flow throws once its call is connected.</summary>
    [Function(ThrowsProbe)]
    public static Task<CallFlowOutcome> Throws([OrchestrationTrigger] TaskOrchestrationContext context) =>
        CallFlowExecution.RunAsync<ProbeOutcome>(context, async flow =>
        {
            await flow.CreateCallAsync(new CommunicationUserIdentifier("8:acs:callee"), new CreateCallFlowOptions { Timeout = Long });
            throw new InvalidOperationException("The flow has a bug.");
        });

    private static void Complete(CallFlowContext flow) =>
        flow.Complete(new CallFlowOutcome(flow.Name, nameof(ProbeOutcome.Done), true, "The probe ran to its end.") { CallConnectionId = flow.Call?.CallConnectionId });

    private static async Task<ProbeStep> StepAsync<T>(string name, Func<Task<T>> action)
        where T : CallActionResult
    {
        try
        {
            var result = await action();
            return new ProbeStep(name, result.Status.ToString(), result.Failure?.Code, result.Event?.EventType);
        }
        catch (CallEndedException ended)
        {
            return new ProbeStep(name, "CallEnded", null, ended.Event?.EventType);
        }
    }
}
