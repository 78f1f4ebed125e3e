namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallMedia.PlayToAllAsync(PlayToAllOptions, System.Threading.CancellationToken)"/>: play to everyone in the call.</summary>
public sealed class PlayToAllOptions : PlayOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="playSources">What to play, in order (at least one).</param>
    /// <exception cref="ArgumentNullException"><paramref name="playSources"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="playSources"/> is empty.</exception>
    public PlayToAllOptions(IEnumerable<PlaySource> playSources)
        : base(playSources, [])
    {
    }

    /// <summary>Creates the options for one source.</summary>
    /// <param name="playSource">What to play.</param>
    /// <exception cref="ArgumentNullException"><paramref name="playSource"/> is null.</exception>
    public PlayToAllOptions(PlaySource playSource)
        : base([playSource ?? throw new ArgumentNullException(nameof(playSource))], [])
    {
    }
}
