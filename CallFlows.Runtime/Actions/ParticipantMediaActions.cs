using Azure;
using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>Activities aimed at one participant: hold, unhold, mute, send DTMF, continuous DTMF start and stop.</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ParticipantMediaActions(CallAutomationClient client, ILogger<ParticipantMediaActions> logger)
{
    /// <summary>
    /// Puts a participant on hold, with music if given (<c>HoldFailed</c> reports music that cannot play). A participant
    /// already on hold is left as is: nothing is sent (see <see cref="SetHoldAsync"/>).
    /// </summary>
    /// <param name="input">The participant and the music.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.Hold)]
    public Task<CallActionOutput> HoldAsync([ActivityTrigger] ParticipantMediaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new HoldOptions(CommunicationIdentifier.FromRawId(input.Participant))
        {
            PlaySource = input.Music is null ? null : MediaMapping.Source(input.Music),
            OperationContext = input.Identity.OperationContext,
        };
        return SetHoldAsync(CallActionNames.Hold, input, onHold: true, media => media.HoldAsync(request));
    }

    /// <summary>Takes a participant off hold; a participant not on hold is left as is (nothing is sent).</summary>
    /// <param name="input">The participant.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.Unhold)]
    public Task<CallActionOutput> UnholdAsync([ActivityTrigger] ParticipantMediaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new UnholdOptions(CommunicationIdentifier.FromRawId(input.Participant)) { OperationContext = input.Identity.OperationContext };
        return SetHoldAsync(CallActionNames.Unhold, input, onHold: false, media => media.UnholdAsync(request));
    }

    /// <summary>Mutes a participant (ACS mutes only ACS users).</summary>
    /// <param name="input">The participant.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.Mute)]
    public Task<CallActionOutput> MuteAsync([ActivityTrigger] ParticipantMediaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new MuteParticipantOptions(CommunicationIdentifier.FromRawId(input.Participant))
        {
            OperationContext = input.Identity.OperationContext,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
        };
        var connection = client.GetCallConnection(input.CallConnectionId);
        return CallActionRunner.RunAsync(logger, CallActionNames.Mute, input.Identity, async () =>
        {
            await connection.MuteParticipantAsync(request);
            return CallActionOutput.Accepted;
        });
    }

    /// <summary>Sends DTMF tones to a participant; <c>SendDtmfTonesCompleted</c> / <c>Failed</c> arrive as callback events.</summary>
    /// <param name="input">The participant and the keys.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.SendDtmf)]
    public Task<CallActionOutput> SendDtmfAsync([ActivityTrigger] ParticipantMediaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new SendDtmfTonesOptions(DtmfTones.Parse(input.Tones ?? string.Empty), CommunicationIdentifier.FromRawId(input.Participant))
        {
            OperationContext = input.Identity.OperationContext,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
        };
        return Run(CallActionNames.SendDtmf, input, media => media.SendDtmfTonesAsync(request));
    }

    /// <summary>Starts continuous DTMF recognition; each key arrives as <c>ContinuousDtmfRecognitionToneReceived</c>.</summary>
    /// <param name="input">The participant.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.StartContinuousDtmf)]
    public Task<CallActionOutput> StartContinuousDtmfAsync([ActivityTrigger] ParticipantMediaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new ContinuousDtmfRecognitionOptions(CommunicationIdentifier.FromRawId(input.Participant)) { OperationContext = input.Identity.OperationContext };
        return Run(CallActionNames.StartContinuousDtmf, input, media => media.StartContinuousDtmfRecognitionAsync(request));
    }

    /// <summary>Stops continuous DTMF recognition.</summary>
    /// <param name="input">The participant.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.StopContinuousDtmf)]
    public Task<CallActionOutput> StopContinuousDtmfAsync([ActivityTrigger] ParticipantMediaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new ContinuousDtmfRecognitionOptions(CommunicationIdentifier.FromRawId(input.Participant)) { OperationContext = input.Identity.OperationContext };
        return Run(CallActionNames.StopContinuousDtmf, input, media => media.StopContinuousDtmfRecognitionAsync(request));
    }

    /// <summary>
    /// Hold and unhold carry no repeatability headers (the spec gives them none), so an activity run again after a crash
    /// between its request and its checkpoint would send the request a second time and restart the hold music. They set a
    /// state, though: the participant's <c>isOnHold</c> says whether an earlier run got through, and a request whose state
    /// is already reached is not sent.
    /// </summary>
    private Task<CallActionOutput> SetHoldAsync<T>(string name, ParticipantMediaInput input, bool onHold, Func<CallMedia, Task<T>> send)
    {
        var connection = client.GetCallConnection(input.CallConnectionId);
        return CallActionRunner.RunAsync(logger, name, input.Identity, async () =>
        {
            CallParticipant? participant;
            try
            {
                participant = await connection.GetParticipantAsync(CommunicationIdentifier.FromRawId(input.Participant));
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // Not a participant (or no call): the request itself gets ACS's own answer (400 for a stranger, 404 for a
                // call that is gone), which is what the flow reports.
                participant = null;
            }

            if (participant is not null && participant.IsOnHold == onHold)
            {
                Log.HoldStateAlreadyReached(logger, name, input.Participant, onHold ? "on hold" : "off hold", input.Identity.OperationContext);
                return CallActionOutput.Accepted;
            }

            await send(connection.GetCallMedia());
            return CallActionOutput.Accepted;
        });
    }

    private Task<CallActionOutput> Run<T>(string name, ParticipantMediaInput input, Func<CallMedia, Task<T>> send)
    {
        var media = client.GetCallConnection(input.CallConnectionId).GetCallMedia();
        return CallActionRunner.RunAsync(logger, name, input.Identity, async () =>
        {
            await send(media);
            return CallActionOutput.Accepted;
        });
    }
}
