using System.ComponentModel.DataAnnotations;
using CallFlows.CallAutomation;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Remove a participant: sets up the group call, waits for the participant to join, removes it.</summary>
[CallFlow]
public sealed class RemoveParticipantFlow : OutboundCallFlow<OutboundCallInput, RemoveParticipantFlowResult>
{
    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(RemoveParticipantFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<RemoveParticipantFlow>(context);

    /// <inheritdoc />
    public override async Task<RemoveParticipantFlowResult> RunAsync(CallFlowContext flow, OutboundCallInput input)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(input);
        CallFlowCall call;
        try
        {
            call = await OutboundFlowSupport.GroupCallAsync(flow, input);
        }
        catch (CallNotConnectedException)
        {
            return RemoveParticipantFlowResult.NotConnected;
        }

        try
        {
            var participant = CommunicationIdentifier.FromRawId(input.Participant!);
            var result = RemoveParticipantFlowResult.ParticipantNotInCall;
            if (await call.WaitForParticipantAsync(participant, input.ConnectTimeout))
            {
                var removed = await call.RemoveParticipantAsync(participant, new CallActionOptions { Timeout = input.ActionTimeout });
                result = removed.Succeeded ? RemoveParticipantFlowResult.ParticipantRemoved : RemoveParticipantFlowResult.RemoveFailed;
            }

            await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? true, new CallActionOptions { Timeout = input.ActionTimeout });
            return result;
        }
        catch (CallEndedException)
        {
            return RemoveParticipantFlowResult.CallEnded;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> Validate(OutboundCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OutboundFlowSupport.RequireTargets(input, single: false)
            .Concat(OutboundFlowSupport.Require(input.Participant, "participant", "for this flow"));
    }
}
