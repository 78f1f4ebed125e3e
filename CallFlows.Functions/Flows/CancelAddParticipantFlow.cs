using System.ComponentModel.DataAnnotations;
using CallFlows.CallAutomation;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Cancel an invitation: calls the target, invites the participant, and cancels the invitation while it still rings.</summary>
[CallFlow]
public sealed class CancelAddParticipantFlow : OutboundCallFlow<OutboundCallInput, CancelAddParticipantFlowResult>
{
    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(CancelAddParticipantFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<CancelAddParticipantFlow>(context);

    /// <inheritdoc />
    public override async Task<CancelAddParticipantFlowResult> RunAsync(CallFlowContext flow, OutboundCallInput input)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(input);
        CallFlowCall call;
        try
        {
            call = await flow.CreateCallAsync(input.TargetIdentifiers[0], OutboundFlowSupport.CallOptions(input, withHeaders: false));
        }
        catch (CallNotConnectedException)
        {
            return CancelAddParticipantFlowResult.NotConnected;
        }

        try
        {
            var options = new AddParticipantFlowOptions
            {
                CallerId = input.CallerIdentifier,
                InvitationTimeout = input.InvitationTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                Timeout = input.CancelAfter,   // the flow's own wait is the "cancel after" delay: when it times out, the invitation still rings
            };
            var added = await call.AddParticipantAsync(CommunicationIdentifier.FromRawId(input.Participant!), options);
            CancelAddParticipantFlowResult result;
            if (added.Succeeded)
            {
                result = CancelAddParticipantFlowResult.ParticipantAnswered;
            }
            else if (!added.TimedOut || added.InvitationId is null)
            {
                result = CancelAddParticipantFlowResult.AddFailed;
            }
            else
            {
                var cancelled = await call.CancelAddParticipantAsync(added.InvitationId, new CallActionOptions { Timeout = input.ActionTimeout });
                result = cancelled.Succeeded ? CancelAddParticipantFlowResult.InvitationCancelled : CancelAddParticipantFlowResult.CancelFailed;
            }

            await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? true, new CallActionOptions { Timeout = input.ActionTimeout });
            return result;
        }
        catch (CallEndedException)
        {
            return CancelAddParticipantFlowResult.CallEnded;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> Validate(OutboundCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OutboundFlowSupport.RequireTargets(input, single: true)
            .Concat(OutboundFlowSupport.Require(input.Participant, "participant", "for this flow"));
    }
}
