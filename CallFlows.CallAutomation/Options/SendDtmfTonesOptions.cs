namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallMedia.SendDtmfTonesAsync(SendDtmfTonesOptions, System.Threading.CancellationToken)"/> (POST <c>:sendDtmfTones</c>).</summary>
public sealed class SendDtmfTonesOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="tones">The tones to send (at least one).</param>
    /// <param name="targetParticipant">Who receives them.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tones"/> is empty or holds <see cref="DtmfTone.Unknown"/>.</exception>
    public SendDtmfTonesOptions(IEnumerable<DtmfTone> tones, CommunicationIdentifier targetParticipant)
    {
        ArgumentNullException.ThrowIfNull(tones);
        ArgumentNullException.ThrowIfNull(targetParticipant);
        Tones = tones.ToList();
        if (Tones.Count == 0 || Tones.Contains(DtmfTone.Unknown))
        {
            throw new ArgumentException("At least one tone is required, and each must be a keypad tone.", nameof(tones));
        }

        TargetParticipant = targetParticipant;
    }

    /// <summary>The tones to send.</summary>
    public IReadOnlyList<DtmfTone> Tones { get; }

    /// <summary>Who receives them.</summary>
    public CommunicationIdentifier TargetParticipant { get; }

    /// <summary>A value echoed in the events of this operation; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Where this operation's events go instead of the call's callback URI; null (the default) sends none.</summary>
    public Uri? OperationCallbackUri { get; set; }

    /// <summary>The idempotency pair to send; null (the default) makes the client create a fresh pair, reused across its own retries.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }
}
