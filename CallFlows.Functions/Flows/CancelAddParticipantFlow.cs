using CallFlows.CallAutomation;
using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Cancel an add-participant: calls the target, invites the participant, and withdraws the invitation while it still rings.</summary>
public static class CancelAddParticipantFlow
{
    /// <summary>The orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(FlowNames.CancelAddParticipant)]
    public static async Task<CallFlowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = context.CreateCallFlow();
        var input = flow.GetInput<OutboundCallInput>();
        var actionTimeout = OutboundFlowSupport.ActionTimeout(input);
        var call = await flow.CreateCallAsync(CommunicationIdentifier.FromRawId(input.Targets[0]),
            new CreateCallFlowOptions { CallerId = OutboundFlowSupport.CallerId(input), DisplayName = input.DisplayName },
            OutboundFlowSupport.ConnectTimeout(input));
        if (!call.IsConnected)
        {
            await OutboundFlowSupport.AbandonAsync(call, input);
            return flow.Complete(CancelAddParticipantFlowResult.NotConnected, false, call, cause: call.Connection);
        }

        var options = new AddParticipantFlowOptions
        {
            CallerId = OutboundFlowSupport.CallerId(input),
            InvitationTimeout = input.InvitationTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
        // The flow's own wait is the "cancel after" delay: when it times out, the invitation is still ringing.
        var added = await call.AddParticipantAsync(CommunicationIdentifier.FromRawId(input.Participant!), options, TimeSpan.FromSeconds(input.CancelAfterSeconds));
        CancelAddParticipantFlowResult result;
        CallFlowActionResult cause = added;
        switch (added.Status)
        {
            case CallFlowActionStatus.Succeeded:
                result = CancelAddParticipantFlowResult.ParticipantAnswered;
                break;
            case CallFlowActionStatus.Failed:
                result = CancelAddParticipantFlowResult.AddFailed;
                break;
            case CallFlowActionStatus.CallDisconnected:
                return flow.Complete(CancelAddParticipantFlowResult.CallEnded, false, call, cause: added);
            default:
                var cancelled = await call.CancelAddParticipantAsync(added.InvitationId!, actionTimeout);
                cause = cancelled;
                result = cancelled.Status switch
                {
                    CallFlowActionStatus.Succeeded => CancelAddParticipantFlowResult.InvitationCancelled,
                    CallFlowActionStatus.CallDisconnected => CancelAddParticipantFlowResult.CallEnded,
                    _ => CancelAddParticipantFlowResult.CancelFailed,
                };
                break;
        }

        await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? true, actionTimeout);
        var succeeded = result == CancelAddParticipantFlowResult.InvitationCancelled;
        return flow.Complete(result, succeeded, call, cause: succeeded ? null : cause);
    }
}
