namespace CallFlows.CallAutomation;

/// <summary>Collects DTMF key presses (recognize input type <c>dtmf</c>).</summary>
public sealed class CallMediaRecognizeDtmfOptions : CallMediaRecognizeOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="targetParticipant">Whose keys to collect.</param>
    /// <param name="maxTonesToCollect">Completes after this many tones (1 or more).</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipant"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTonesToCollect"/> is below 1.</exception>
    public CallMediaRecognizeDtmfOptions(CommunicationIdentifier targetParticipant, int maxTonesToCollect)
        : base(RecognizeInputType.Dtmf, targetParticipant)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTonesToCollect, 1);
        MaxTonesToCollect = maxTonesToCollect;
    }

    /// <summary>Completes after this many tones.</summary>
    public int MaxTonesToCollect { get; }

    /// <summary>How long to wait between tones; null (the default) sends none (the service waits 2 s).</summary>
    public TimeSpan? InterToneTimeout { get; set; }

    /// <summary>Tones that end collection early (e.g. <see cref="DtmfTone.Pound"/>); empty (the default) sends none.</summary>
    public IList<DtmfTone> StopTones { get; } = [];
}
