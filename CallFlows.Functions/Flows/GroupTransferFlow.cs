using System.ComponentModel.DataAnnotations;
using CallFlows.CallAutomation;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Transfer in a group call: sets up the group call, waits for the transferee, transfers it (with custom headers) to the target.</summary>
[CallFlow]
public sealed class GroupTransferFlow : OutboundCallFlow<OutboundCallInput, GroupTransferFlowResult>
{
    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(GroupTransferFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<GroupTransferFlow>(context);

    /// <inheritdoc />
    public override async Task<GroupTransferFlowResult> RunAsync(CallFlowContext flow, OutboundCallInput input)
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
            return GroupTransferFlowResult.NotConnected;
        }

        try
        {
            var transferee = CommunicationIdentifier.FromRawId(input.Transferee!);
            GroupTransferFlowResult result;
            if (!await call.WaitForParticipantAsync(transferee, input.ConnectTimeout))
            {
                result = GroupTransferFlowResult.TransfereeNotInCall;
            }
            else
            {
                var options = new TransferOptions { Transferee = transferee, CallerId = input.CallerIdentifier, Timeout = input.ActionTimeout };
                input.AddHeaders(options.CustomCallingContext);
                var transferred = await call.TransferAsync(CommunicationIdentifier.FromRawId(input.TransferTarget!), options);
                result = transferred.Status switch
                {
                    CallActionStatus.Succeeded => GroupTransferFlowResult.TransferAccepted,
                    CallActionStatus.Failed => GroupTransferFlowResult.TransferFailed,
                    _ => GroupTransferFlowResult.TransferTimedOut,
                };
            }

            // The app leaves the group call; the remaining participants stay unless the request said otherwise.
            await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? false, new CallActionOptions { Timeout = input.ActionTimeout });
            return result;
        }
        catch (CallEndedException)
        {
            return GroupTransferFlowResult.CallEnded;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> Validate(OutboundCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OutboundFlowSupport.RequireTargets(input, single: false)
            .Concat(OutboundFlowSupport.Require(input.TransferTarget, "transferTarget", "for a group transfer"))
            .Concat(OutboundFlowSupport.Require(input.Transferee, "transferee", "for a group transfer"));
    }
}
