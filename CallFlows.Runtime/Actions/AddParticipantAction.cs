using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: invites a participant into a call (invitation timeout, caller id, custom context).</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class AddParticipantAction(CallAutomationClient client, ILogger<AddParticipantAction> logger)
{
    /// <summary>Sends the invitation; the outcome arrives as a callback event.</summary>
    /// <param name="input">Whom to add.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.AddParticipant)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] AddParticipantInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var invite = CallActionMapping.Invite(input.Participant, input.CallerId, input.DisplayName);
        CallActionMapping.CopyHeaders(invite.CustomCallingContext, input.SipHeaders, input.VoipHeaders);
        var request = new AddParticipantOptions(invite)
        {
            InvitationTimeoutInSeconds = input.InvitationTimeoutSeconds,
            OperationContext = input.Identity.OperationContext,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
        };
        var connection = client.GetCallConnection(input.CallConnectionId);
        return CallActionRunner.RunAsync(logger, CallActionNames.AddParticipant, input.Identity,
            async () => new CallActionOutput(InvitationId: (await connection.AddParticipantAsync(request)).Value.InvitationId));
    }
}
