using CallFlows.CallAutomation;
using CallFlows.Functions.Actions;
using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Connect: joins an existing server call, group call or room; leaves when it ends or at the maximum duration.</summary>
public static class ConnectCallFlow
{
    /// <summary>The orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(FlowNames.ConnectCall)]
    public static async Task<CallFlowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = context.CreateCallFlow();
        var input = flow.GetInput<OutboundCallInput>();
        var id = input.LocatorId ?? throw new InvalidOperationException("ConnectCallFlow needs a call locator.");
        CallLocator locator = input.LocatorKind switch
        {
            CallLocatorKind.GroupCall => new GroupCallLocator(id),
            CallLocatorKind.Room => new RoomCallLocator(id),
            _ => new ServerCallLocator(id),
        };

        var call = await flow.ConnectAsync(locator, OutboundFlowSupport.ConnectTimeout(input));
        if (!call.IsConnected)
        {
            if (call.Connection?.Status == CallFlowActionStatus.TimedOut && call.CallConnectionId is not null)
            {
                await call.HangUpAsync(forEveryone: false, OutboundFlowSupport.ActionTimeout(input));
            }

            return flow.Complete(ConnectCallFlowResult.NotConnected, false, call, cause: call.Connection);
        }

        var ended = await call.WaitForDisconnectAsync(OutboundFlowSupport.MaxDuration(input));
        if (ended.Status == CallFlowActionStatus.CallDisconnected)
        {
            return flow.Complete(ConnectCallFlowResult.CallEnded, true, call);
        }

        // Leave the call without ending it for the others (unless the request asked for everyone).
        var left = await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? false, OutboundFlowSupport.ActionTimeout(input));
        return flow.Complete(ConnectCallFlowResult.LeftAtMaxDuration, left.Succeeded, call, cause: left.Succeeded ? null : left);
    }
}
