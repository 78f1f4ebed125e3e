namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallConnection.MuteParticipantAsync(MuteParticipantOptions, System.Threading.CancellationToken)"/>.</summary>
public sealed class MuteParticipantOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="targetParticipant">The participant to mute (the service supports ACS users only).</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipant"/> is null.</exception>
    public MuteParticipantOptions(CommunicationIdentifier targetParticipant)
    {
        ArgumentNullException.ThrowIfNull(targetParticipant);
        TargetParticipant = targetParticipant;
    }

    /// <summary>The participant to mute.</summary>
    public CommunicationIdentifier TargetParticipant { get; }

    /// <summary>A value echoed in the events of this operation, to correlate them; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>The idempotency pair to send; null (the default) makes the client create a fresh pair for this call, reused across its own retries.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }
}
