using CallFlows.CallAutomation;
using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Tests.Flows.RuntimeProbe;

/// <summary>Orchestrators that drive the typed flow runtime through the situations the runtime design must survive.</summary>
public static class ProbeFlows
{
    public const string WaitsProbe = "FlowsProbeWaits";
    public const string FailuresProbe = "FlowsProbeFailures";

    /// <summary>
    /// Connect; an add that times out; a second add whose success must still arrive (after a late event of the first
    /// and reordered roster snapshots); a third add ended by CallDisconnected; an action after the disconnect.
    /// </summary>
    [Function(WaitsProbe)]
    public static async Task<ProbeResult> Waits([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var flow = context.CreateCallFlow();
        var steps = new List<ProbeStep>();
        var call = await flow.CreateCallAsync(new CommunicationUserIdentifier("8:acs:callee"), null, TimeSpan.FromMinutes(5));
        steps.Add(Step("connect", call.Connection!));
        steps.Add(Step("add-1", await call.AddParticipantAsync(new CommunicationUserIdentifier("8:acs:first"), null, TimeSpan.FromSeconds(2))));
        steps.Add(Step("add-2", await call.AddParticipantAsync(new CommunicationUserIdentifier("8:acs:slow-second"), null, TimeSpan.FromMinutes(5))));
        steps.Add(Step("add-3", await call.AddParticipantAsync(new CommunicationUserIdentifier("8:acs:third"), null, TimeSpan.FromMinutes(5))));
        steps.Add(Step("remove-after-disconnect", await call.RemoveParticipantAsync(new CommunicationUserIdentifier("8:acs:slow-second"), TimeSpan.FromMinutes(5))));
        flow.Complete(ProbeOutcome.Done, true, call);
        return new ProbeResult(steps, call.Participants.Select(p => p.Identifier!.RawId).ToList(), call.RosterSequenceNumber);
    }

    /// <summary>A transiently failing create (retried with the same repeatability id), a refused remove (403), a hang-up.</summary>
    [Function(FailuresProbe)]
    public static async Task<ProbeResult> Failures([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var flow = context.CreateCallFlow();
        var steps = new List<ProbeStep>();
        var call = await flow.CreateCallAsync(new CommunicationUserIdentifier("8:acs:flaky-callee"), null, TimeSpan.FromMinutes(5));
        steps.Add(Step("connect", call.Connection!));
        steps.Add(Step("remove-forbidden", await call.RemoveParticipantAsync(new CommunicationUserIdentifier("8:acs:forbidden-user"), TimeSpan.FromMinutes(5))));
        steps.Add(Step("hang-up", await call.HangUpAsync(forEveryone: true, TimeSpan.FromMinutes(5))));
        flow.Complete(ProbeOutcome.Done, true, call);
        return new ProbeResult(steps, call.Participants.Select(p => p.Identifier!.RawId).ToList(), call.RosterSequenceNumber);
    }

    private static ProbeStep Step(string name, CallFlowActionResult result) => new(name, result.Status, result.ResultCode, result.Event?.EventType);
}
