namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallConnection.TransferCallToParticipantAsync(TransferToParticipantOptions, System.Threading.CancellationToken)"/>.</summary>
public sealed class TransferToParticipantOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="targetParticipant">Where to transfer the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipant"/> is null.</exception>
    public TransferToParticipantOptions(CommunicationIdentifier targetParticipant)
    {
        ArgumentNullException.ThrowIfNull(targetParticipant);
        Target = targetParticipant;
    }

    /// <summary>Where to transfer the call.</summary>
    public CommunicationIdentifier Target { get; }

    /// <summary>In a group call, the participant to transfer; null (the default) for a 1:1 call.</summary>
    public CommunicationIdentifier? Transferee { get; set; }

    /// <summary>A value echoed in the transfer events; null (the default) makes the client send a random UUID, as the JS SDK does.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Overrides the call's callback URI for the events of this operation only; null (the default) uses the call's callback URI.</summary>
    public Uri? OperationCallbackUri { get; set; }

    /// <summary>Custom SIP/VoIP headers sent to the target; starts empty (sent as empty maps, as the JS SDK does).</summary>
    public CustomCallingContext CustomCallingContext { get; } = new();

    /// <summary>The caller id number shown to a PSTN target; null (the default) sends none.</summary>
    public PhoneNumberIdentifier? SourceCallerIdNumber { get; set; }

    /// <summary>The idempotency pair to send; null (the default) makes the client create a fresh pair for this call, reused across its own retries.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }
}
