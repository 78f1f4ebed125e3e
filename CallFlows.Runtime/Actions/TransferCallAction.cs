using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: transfers a call (or, in a group call, one transferee) to a participant, with custom headers.</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class TransferCallAction(CallAutomationClient client, ILogger<TransferCallAction> logger)
{
    /// <summary>Requests the transfer; the outcome arrives as a callback event.</summary>
    /// <param name="input">The transfer.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.TransferCall)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] TransferCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new TransferToParticipantOptions(CallActionMapping.Identifier(input.Target))
        {
            Transferee = string.IsNullOrEmpty(input.Transferee) ? null : CallActionMapping.Identifier(input.Transferee),
            SourceCallerIdNumber = CallActionMapping.PhoneNumber(input.CallerId, nameof(input.CallerId)),
            OperationContext = input.Identity.OperationContext,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
        };
        CallActionMapping.CopyHeaders(request.CustomCallingContext, input.SipHeaders, input.VoipHeaders);
        var connection = client.GetCallConnection(input.CallConnectionId);
        return CallActionRunner.RunAsync(logger, CallActionNames.TransferCall, input.Identity,
            async () =>
            {
                await connection.TransferCallToParticipantAsync(request);
                return CallActionOutput.Accepted;
            });
    }
}
