using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Group call: one call to several PSTN and VoIP targets; ends on its own or at the maximum duration.</summary>
public static class GroupCallFlow
{
    /// <summary>The orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(FlowNames.GroupCall)]
    public static async Task<CallFlowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = context.CreateCallFlow();
        var input = flow.GetInput<OutboundCallInput>();
        var call = await flow.CreateGroupCallAsync(OutboundFlowSupport.Targets(input),
            new CreateGroupCallFlowOptions { CallerId = OutboundFlowSupport.CallerId(input), DisplayName = input.DisplayName },
            OutboundFlowSupport.ConnectTimeout(input));
        if (!call.IsConnected)
        {
            await OutboundFlowSupport.AbandonAsync(call, input);
            return flow.Complete(GroupCallFlowResult.NotConnected, false, call, cause: call.Connection);
        }

        var ended = await call.WaitForDisconnectAsync(OutboundFlowSupport.MaxDuration(input));
        if (ended.Status == CallFlowActionStatus.CallDisconnected)
        {
            return flow.Complete(GroupCallFlowResult.EndedByParticipants, true, call);
        }

        var hungUp = await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? true, OutboundFlowSupport.ActionTimeout(input));
        return flow.Complete(GroupCallFlowResult.EndedAtMaxDuration, hungUp.Succeeded, call, cause: hungUp.Succeeded ? null : hungUp);
    }
}
