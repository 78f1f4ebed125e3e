namespace CallFlows.CallAutomation;

/// <summary>Recognizes speech or DTMF, whichever comes first (recognize input type <c>speechOrDtmf</c>); needs a Cognitive Services endpoint.</summary>
public sealed class CallMediaRecognizeSpeechOrDtmfOptions : CallMediaRecognizeOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="targetParticipant">Whose input to recognize.</param>
    /// <param name="maxTonesToCollect">Completes after this many tones (1 or more).</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipant"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTonesToCollect"/> is below 1.</exception>
    public CallMediaRecognizeSpeechOrDtmfOptions(CommunicationIdentifier targetParticipant, int maxTonesToCollect)
        : base(RecognizeInputType.SpeechOrDtmf, targetParticipant)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTonesToCollect, 1);
        MaxTonesToCollect = maxTonesToCollect;
    }

    /// <summary>Completes after this many tones.</summary>
    public int MaxTonesToCollect { get; }

    /// <summary>How long to wait between tones; null (the default) sends none.</summary>
    public TimeSpan? InterToneTimeout { get; set; }

    /// <summary>Tones that end collection early; empty (the default) sends none.</summary>
    public IList<DtmfTone> StopTones { get; } = [];

    /// <summary>Silence that ends an utterance; null (the default) sends none.</summary>
    public TimeSpan? EndSilenceTimeout { get; set; }
}
