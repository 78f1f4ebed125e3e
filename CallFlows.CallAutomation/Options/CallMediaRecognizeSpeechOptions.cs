namespace CallFlows.CallAutomation;

/// <summary>Recognizes free speech (recognize input type <c>speech</c>); needs a Cognitive Services endpoint.</summary>
public sealed class CallMediaRecognizeSpeechOptions : CallMediaRecognizeOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="targetParticipant">Whose speech to recognize.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipant"/> is null.</exception>
    public CallMediaRecognizeSpeechOptions(CommunicationIdentifier targetParticipant)
        : base(RecognizeInputType.Speech, targetParticipant)
    {
    }

    /// <summary>Silence that ends an utterance (wire <c>speechOptions.endSilenceTimeoutInMs</c>); null (the default) sends none.</summary>
    public TimeSpan? EndSilenceTimeout { get; set; }
}
