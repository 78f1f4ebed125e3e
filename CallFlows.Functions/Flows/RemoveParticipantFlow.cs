using CallFlows.CallAutomation;
using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Remove a participant: sets up the group call, waits for the participant to join, removes it.</summary>
public static class RemoveParticipantFlow
{
    /// <summary>The orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(FlowNames.RemoveParticipant)]
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
            return flow.Complete(RemoveParticipantFlowResult.NotConnected, false, call, cause: call.Connection);
        }

        var participant = CommunicationIdentifier.FromRawId(input.Participant!);
        var present = await call.WaitForParticipantAsync(participant, OutboundFlowSupport.ConnectTimeout(input));
        RemoveParticipantFlowResult result;
        CallFlowActionResult cause = present;
        if (!present.Succeeded)
        {
            result = present.Status == CallFlowActionStatus.CallDisconnected ? RemoveParticipantFlowResult.CallEnded : RemoveParticipantFlowResult.ParticipantNotInCall;
        }
        else
        {
            var removed = await call.RemoveParticipantAsync(participant, actionTimeout);
            cause = removed;
            result = removed.Status switch
            {
                CallFlowActionStatus.Succeeded => RemoveParticipantFlowResult.ParticipantRemoved,
                CallFlowActionStatus.CallDisconnected => RemoveParticipantFlowResult.CallEnded,
                _ => RemoveParticipantFlowResult.RemoveFailed,
            };
        }

        await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? true, actionTimeout);
        var succeeded = result == RemoveParticipantFlowResult.ParticipantRemoved;
        return flow.Complete(result, succeeded, call, cause: succeeded ? null : cause);
    }
}
