namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallConnection.CancelAddParticipantOperationAsync(CancelAddParticipantOperationOptions, System.Threading.CancellationToken)"/>.</summary>
public sealed class CancelAddParticipantOperationOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="invitationId">The invitation id from <see cref="AddParticipantResult.InvitationId"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="invitationId"/> is null or empty.</exception>
    public CancelAddParticipantOperationOptions(string invitationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(invitationId);
        InvitationId = invitationId;
    }

    /// <summary>The invitation to cancel.</summary>
    public string InvitationId { get; }

    /// <summary>A value echoed in the events of this operation, to correlate them; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Overrides the call's callback URI for the events of this operation only; null (the default) uses the call's callback URI.</summary>
    public Uri? OperationCallbackUri { get; set; }

    /// <summary>The idempotency pair to send; null (the default) makes the client create a fresh pair for this call, reused across its own retries.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }
}
