namespace CallFlows.CallAutomation;

/// <summary>
/// The options shared by every recognize (POST <c>:recognize</c>): whose input, the prompt, the timeouts. Use
/// <see cref="CallMediaRecognizeDtmfOptions"/>, <see cref="CallMediaRecognizeChoiceOptions"/>,
/// <see cref="CallMediaRecognizeSpeechOptions"/> or <see cref="CallMediaRecognizeSpeechOrDtmfOptions"/>.
/// </summary>
public abstract class CallMediaRecognizeOptions
{
    /// <summary>Initializes the options.</summary>
    /// <param name="inputType">What to listen for.</param>
    /// <param name="targetParticipant">Whose input to recognize.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipant"/> is null.</exception>
    private protected CallMediaRecognizeOptions(RecognizeInputType inputType, CommunicationIdentifier targetParticipant)
    {
        ArgumentNullException.ThrowIfNull(targetParticipant);
        InputType = inputType;
        TargetParticipant = targetParticipant;
    }

    /// <summary>What to listen for (wire <c>recognizeInputType</c>).</summary>
    public RecognizeInputType InputType { get; }

    /// <summary>Whose input to recognize.</summary>
    public CommunicationIdentifier TargetParticipant { get; }

    /// <summary>The prompt played first (wire <c>playPrompt</c>); null (the default) plays none.</summary>
    public PlaySource? Prompt { get; set; }

    /// <summary>Several prompts played in order (wire <c>playPrompts</c>); null (the default) sends none. Use this or <see cref="Prompt"/>.</summary>
    public IReadOnlyList<PlaySource>? Prompts { get; set; }

    /// <summary>A key press or speech stops the prompt (barge-in, wire <c>interruptPrompt</c>); false by default.</summary>
    public bool InterruptPrompt { get; set; }

    /// <summary>Interrupts the media operation in progress (wire <c>interruptCallMediaOperation</c>); null (the default) sends none.</summary>
    public bool? InterruptCallMediaOperation { get; set; }

    /// <summary>How long to wait for the first input after the prompt; null (the default) sends none (the service waits 5 s).</summary>
    public TimeSpan? InitialSilenceTimeout { get; set; }

    /// <summary>The speech language, e.g. <c>en-US</c>; null (the default) sends none.</summary>
    public string? SpeechLanguage { get; set; }

    /// <summary>A custom speech recognition model endpoint id; null (the default) sends none.</summary>
    public string? SpeechRecognitionModelEndpointId { get; set; }

    /// <summary>A value echoed in the events of this operation; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Where this operation's events go instead of the call's callback URI; null (the default) sends none.</summary>
    public Uri? OperationCallbackUri { get; set; }
}
