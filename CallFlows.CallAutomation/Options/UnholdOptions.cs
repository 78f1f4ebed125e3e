namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallMedia.UnholdAsync(UnholdOptions, System.Threading.CancellationToken)"/> (POST <c>:unhold</c>).</summary>
public sealed class UnholdOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="targetParticipant">Who is taken off hold.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipant"/> is null.</exception>
    public UnholdOptions(CommunicationIdentifier targetParticipant)
    {
        ArgumentNullException.ThrowIfNull(targetParticipant);
        TargetParticipant = targetParticipant;
    }

    /// <summary>Who is taken off hold.</summary>
    public CommunicationIdentifier TargetParticipant { get; }

    /// <summary>A value echoed in the events of this operation; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Where this operation's events go instead of the call's callback URI; null (the default) sends none.</summary>
    public Uri? OperationCallbackUri { get; set; }
}
