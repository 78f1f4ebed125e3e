namespace CallFlows.CallAutomation;

/// <summary>Pins a participant to a channel of an unmixed recording (wire <c>ChannelAffinity</c>).</summary>
public sealed class ChannelAffinity
{
    /// <summary>Creates the affinity.</summary>
    /// <param name="participant">The participant.</param>
    /// <param name="channel">The channel (0-based).</param>
    /// <exception cref="ArgumentNullException"><paramref name="participant"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is negative.</exception>
    public ChannelAffinity(CommunicationIdentifier participant, int channel)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        Participant = participant;
        Channel = channel;
    }

    /// <summary>The participant.</summary>
    public CommunicationIdentifier Participant { get; }

    /// <summary>The channel.</summary>
    public int Channel { get; }
}
