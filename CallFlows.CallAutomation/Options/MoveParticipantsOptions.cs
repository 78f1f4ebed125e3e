namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallConnection.MoveParticipantsAsync(MoveParticipantsOptions, System.Threading.CancellationToken)"/> (move participants from another call into this one).</summary>
public sealed class MoveParticipantsOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="targetParticipants">The participants to move; at least one.</param>
    /// <param name="fromCall">The call connection id of the call they are moved from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipants"/> is null.</exception>
    /// <exception cref="ArgumentException">No participant, a null participant, or an empty <paramref name="fromCall"/>.</exception>
    public MoveParticipantsOptions(IEnumerable<CommunicationIdentifier> targetParticipants, string fromCall)
    {
        ArgumentNullException.ThrowIfNull(targetParticipants);
        ArgumentException.ThrowIfNullOrEmpty(fromCall);
        var list = targetParticipants.ToList();
        if (list.Count == 0 || list.Any(t => t is null))
        {
            throw new ArgumentException("At least one participant is required and none may be null.", nameof(targetParticipants));
        }

        TargetParticipants = list;
        FromCall = fromCall;
    }

    /// <summary>The participants to move.</summary>
    public IReadOnlyList<CommunicationIdentifier> TargetParticipants { get; }

    /// <summary>The call connection id of the call they are moved from.</summary>
    public string FromCall { get; }

    /// <summary>A value echoed in the events of this operation, to correlate them; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Overrides the call's callback URI for the events of this operation only; null (the default) uses the call's callback URI.</summary>
    public Uri? OperationCallbackUri { get; set; }

    /// <summary>The idempotency pair to send; null (the default) makes the client create a fresh pair for this call, reused across its own retries.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }
}
