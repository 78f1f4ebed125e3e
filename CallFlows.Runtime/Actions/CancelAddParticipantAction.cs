using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: cancels a pending add-participant invitation.</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class CancelAddParticipantAction(CallAutomationClient client, ILogger<CancelAddParticipantAction> logger)
{
    /// <summary>Requests the cancellation; the outcome arrives as a callback event.</summary>
    /// <param name="input">The invitation.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.CancelAddParticipant)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] CancelAddParticipantInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new CancelAddParticipantOperationOptions(input.InvitationId)
        {
            OperationContext = input.Identity.OperationContext,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
        };
        var connection = client.GetCallConnection(input.CallConnectionId);
        return CallActionRunner.RunAsync(logger, CallActionNames.CancelAddParticipant, input.Identity,
            async () =>
            {
                await connection.CancelAddParticipantOperationAsync(request);
                return CallActionOutput.Accepted;
            });
    }
}
