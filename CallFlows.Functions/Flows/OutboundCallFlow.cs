using CallFlows.CallAutomation;
using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Outbound 1:1 call: a phone number (with caller id) or an ACS user; stays connected until the callee hangs up or the maximum duration.</summary>
public static class OutboundCallFlow
{
    /// <summary>The orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(FlowNames.OutboundCall)]
    public static async Task<CallFlowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = context.CreateCallFlow();
        var input = flow.GetInput<OutboundCallInput>();
        var options = new CreateCallFlowOptions { CallerId = OutboundFlowSupport.CallerId(input), DisplayName = input.DisplayName };
        OutboundFlowSupport.AddHeaders(options.CustomCallingContext, input);

        var call = await flow.CreateCallAsync(CommunicationIdentifier.FromRawId(input.Targets[0]), options, OutboundFlowSupport.ConnectTimeout(input));
        if (!call.IsConnected)
        {
            var status = call.Connection?.Status;
            if (status == CallFlowActionStatus.TimedOut)
            {
                await OutboundFlowSupport.AbandonAsync(call, input);
            }

            return status is CallFlowActionStatus.TimedOut or CallFlowActionStatus.CallDisconnected
                ? flow.Complete(OutboundCallFlowResult.NotAnswered, false, call, cause: call.Connection)
                : flow.Complete(OutboundCallFlowResult.CallFailed, false, call, cause: call.Connection);
        }

        var ended = await call.WaitForDisconnectAsync(OutboundFlowSupport.MaxDuration(input));
        if (ended.Status == CallFlowActionStatus.CallDisconnected)
        {
            return flow.Complete(OutboundCallFlowResult.CalleeHungUp, true, call);
        }

        var hungUp = await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? true, OutboundFlowSupport.ActionTimeout(input));
        return flow.Complete(OutboundCallFlowResult.EndedAtMaxDuration, hungUp.Succeeded, call, cause: hungUp.Succeeded ? null : hungUp);
    }
}
