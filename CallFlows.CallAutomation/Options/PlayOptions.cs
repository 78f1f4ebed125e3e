namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallMedia.PlayAsync(PlayOptions, System.Threading.CancellationToken)"/>: play to some participants (POST <c>:play</c> with <c>playTo</c>).</summary>
public class PlayOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="playSources">What to play, in order (at least one).</param>
    /// <param name="playTo">Who hears it; empty plays to everyone.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="playSources"/> is empty.</exception>
    public PlayOptions(IEnumerable<PlaySource> playSources, IEnumerable<CommunicationIdentifier> playTo)
    {
        ArgumentNullException.ThrowIfNull(playSources);
        ArgumentNullException.ThrowIfNull(playTo);
        PlaySources = playSources.ToList();
        if (PlaySources.Count == 0 || PlaySources.Any(s => s is null))
        {
            throw new ArgumentException("At least one play source is required, and none may be null.", nameof(playSources));
        }

        PlayTo = playTo.ToList();
    }

    /// <summary>What to play, in order.</summary>
    public IReadOnlyList<PlaySource> PlaySources { get; }

    /// <summary>Who hears it; empty means everyone.</summary>
    public IReadOnlyList<CommunicationIdentifier> PlayTo { get; }

    /// <summary>Repeat until canceled (wire <c>playOptions.loop</c>); false by default.</summary>
    public bool Loop { get; set; }

    /// <summary>Interrupts the media operation in progress (play to all only; wire <c>interruptCallMediaOperation</c>); null (the default) sends none.</summary>
    public bool? InterruptCallMediaOperation { get; set; }

    /// <summary>A value echoed in the events of this operation; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Where this operation's events go instead of the call's callback URI; null (the default) sends none.</summary>
    public Uri? OperationCallbackUri { get; set; }
}
