using CallFlows.CallAutomation;
using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Transfer in a group call: sets up the group call, waits for the transferee, transfers it (with custom headers) to the target.</summary>
public static class GroupTransferFlow
{
    /// <summary>The orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(FlowNames.GroupTransfer)]
    public static async Task<CallFlowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = context.CreateCallFlow();
        var input = flow.GetInput<OutboundCallInput>();
        var actionTimeout = OutboundFlowSupport.ActionTimeout(input);
        var call = await OutboundFlowSupport.GroupCallAsync(flow, input);
        if (!call.IsConnected)
        {
            await OutboundFlowSupport.AbandonAsync(call, input);
            return flow.Complete(GroupTransferFlowResult.NotConnected, false, call, cause: call.Connection);
        }

        var transferee = CommunicationIdentifier.FromRawId(input.Transferee!);
        var present = await call.WaitForParticipantAsync(transferee, OutboundFlowSupport.ConnectTimeout(input));
        if (!present.Succeeded)
        {
            return await EndAsync(flow, call, input, present.Status == CallFlowActionStatus.CallDisconnected
                ? GroupTransferFlowResult.CallEnded : GroupTransferFlowResult.TransfereeNotInCall, present);
        }

        var options = new TransferFlowOptions { Transferee = transferee, CallerId = OutboundFlowSupport.CallerId(input) };
        OutboundFlowSupport.AddHeaders(options.CustomCallingContext, input);
        var transferred = await call.TransferAsync(CommunicationIdentifier.FromRawId(input.TransferTarget!), options, actionTimeout);
        var result = transferred.Status switch
        {
            CallFlowActionStatus.Succeeded => GroupTransferFlowResult.TransferAccepted,
            CallFlowActionStatus.Failed => GroupTransferFlowResult.TransferFailed,
            CallFlowActionStatus.TimedOut => GroupTransferFlowResult.TransferTimedOut,
            _ => GroupTransferFlowResult.CallEnded,
        };
        return await EndAsync(flow, call, input, result, transferred);
    }

    private static async Task<CallFlowOutcome> EndAsync(CallFlow flow, CallFlowCall call, OutboundCallInput input, GroupTransferFlowResult result, CallFlowActionResult cause)
    {
        // The app leaves the group call; the remaining participants stay unless the request said otherwise.
        await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? false, OutboundFlowSupport.ActionTimeout(input));
        var succeeded = result == GroupTransferFlowResult.TransferAccepted;
        return flow.Complete(result, succeeded, call, cause: succeeded ? null : cause);
    }
}
