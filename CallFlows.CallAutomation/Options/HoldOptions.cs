namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallMedia.HoldAsync(HoldOptions, System.Threading.CancellationToken)"/> (POST <c>:hold</c>).</summary>
public sealed class HoldOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="targetParticipant">Who is put on hold.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipant"/> is null.</exception>
    public HoldOptions(CommunicationIdentifier targetParticipant)
    {
        ArgumentNullException.ThrowIfNull(targetParticipant);
        TargetParticipant = targetParticipant;
    }

    /// <summary>Who is put on hold.</summary>
    public CommunicationIdentifier TargetParticipant { get; }

    /// <summary>The music played while on hold (wire <c>playSourceInfo</c>); null (the default) plays none.</summary>
    public PlaySource? PlaySource { get; set; }

    /// <summary>A value echoed in the events of this operation; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Where this operation's events go instead of the call's callback URI; null (the default) sends none.</summary>
    public Uri? OperationCallbackUri { get; set; }
}
