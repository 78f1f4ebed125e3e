namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallConnection.RemoveParticipantAsync(RemoveParticipantOptions, System.Threading.CancellationToken)"/>.</summary>
public sealed class RemoveParticipantOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="participantToRemove">The participant to remove.</param>
    /// <exception cref="ArgumentNullException"><paramref name="participantToRemove"/> is null.</exception>
    public RemoveParticipantOptions(CommunicationIdentifier participantToRemove)
    {
        ArgumentNullException.ThrowIfNull(participantToRemove);
        ParticipantToRemove = participantToRemove;
    }

    /// <summary>The participant to remove.</summary>
    public CommunicationIdentifier ParticipantToRemove { get; }

    /// <summary>A value echoed in the events of this operation, to correlate them; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Overrides the call's callback URI for the events of this operation only; null (the default) uses the call's callback URI.</summary>
    public Uri? OperationCallbackUri { get; set; }

    /// <summary>The idempotency pair to send; null (the default) makes the client create a fresh pair for this call, reused across its own retries.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }
}
