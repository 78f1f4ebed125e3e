using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Hang up for everyone: sets up a group call (or joins the given call) and ends it for all participants.</summary>
public static class HangUpForEveryoneFlow
{
    /// <summary>The orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(FlowNames.HangUpForEveryone)]
    public static async Task<CallFlowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = context.CreateCallFlow();
        var input = flow.GetInput<OutboundCallInput>();
        var call = await OutboundFlowSupport.GroupCallAsync(flow, input);
        if (!call.IsConnected)
        {
            await OutboundFlowSupport.AbandonAsync(call, input);
            return flow.Complete(HangUpForEveryoneFlowResult.NotConnected, false, call, cause: call.Connection);
        }

        // Let the call run for the requested time (0 by default is allowed: end it at once).
        if (input.MaxDurationSeconds > 0)
        {
            var ended = await call.WaitForDisconnectAsync(OutboundFlowSupport.MaxDuration(input));
            if (ended.Status == CallFlowActionStatus.CallDisconnected)
            {
                return flow.Complete(HangUpForEveryoneFlowResult.CallEnded, false, call, cause: ended);
            }
        }

        var hungUp = await call.HangUpAsync(forEveryone: true, OutboundFlowSupport.ActionTimeout(input));
        return hungUp.Succeeded
            ? flow.Complete(HangUpForEveryoneFlowResult.EndedForEveryone, true, call)
            : flow.Complete(HangUpForEveryoneFlowResult.HangUpFailed, false, call, cause: hungUp);
    }
}
