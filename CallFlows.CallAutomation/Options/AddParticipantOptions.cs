namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallConnection.AddParticipantAsync(AddParticipantOptions, System.Threading.CancellationToken)"/>.</summary>
public sealed class AddParticipantOptions
{
    private int? _invitationTimeoutInSeconds;

    /// <summary>Creates the options.</summary>
    /// <param name="participantToAdd">Whom to add, with caller id and custom context.</param>
    /// <exception cref="ArgumentNullException"><paramref name="participantToAdd"/> is null.</exception>
    public AddParticipantOptions(CallInvite participantToAdd)
    {
        ArgumentNullException.ThrowIfNull(participantToAdd);
        ParticipantToAdd = participantToAdd;
    }

    /// <summary>Whom to add.</summary>
    public CallInvite ParticipantToAdd { get; }

    /// <summary>How long the invitation rings, 1–180 seconds; null (the default) leaves it to the service.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1–180.</exception>
    public int? InvitationTimeoutInSeconds
    {
        get => _invitationTimeoutInSeconds;
        set
        {
            if (value is < 1 or > 180)
            {
                throw new ArgumentOutOfRangeException(nameof(InvitationTimeoutInSeconds), value, "The invitation timeout must be between 1 and 180 seconds.");
            }

            _invitationTimeoutInSeconds = value;
        }
    }

    /// <summary>A value echoed in the events of this operation, to correlate them; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Overrides the call's callback URI for the events of this operation only; null (the default) uses the call's callback URI.</summary>
    public Uri? OperationCallbackUri { get; set; }

    /// <summary>The idempotency pair to send; null (the default) makes the client create a fresh pair for this call, reused across its own retries.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }
}
