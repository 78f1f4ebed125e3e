using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: removes a participant from a call.</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class RemoveParticipantAction(CallAutomationClient client, ILogger<RemoveParticipantAction> logger)
{
    /// <summary>Requests the removal; the outcome arrives as a callback event.</summary>
    /// <param name="input">The participant.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.RemoveParticipant)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] RemoveParticipantInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new RemoveParticipantOptions(CallActionMapping.Identifier(input.Participant))
        {
            OperationContext = input.Identity.OperationContext,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
        };
        var connection = client.GetCallConnection(input.CallConnectionId);
        return CallActionRunner.RunAsync(logger, CallActionNames.RemoveParticipant, input.Identity,
            async () =>
            {
                await connection.RemoveParticipantAsync(request);
                return CallActionOutput.Accepted;
            });
    }
}
