namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallAutomationClient.AnswerCallAsync(AnswerCallOptions, System.Threading.CancellationToken)"/>.</summary>
public sealed class AnswerCallOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="incomingCallContext">The opaque context from the IncomingCall event.</param>
    /// <param name="callbackUri">Where the call's events are posted.</param>
    /// <exception cref="ArgumentException"><paramref name="incomingCallContext"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="callbackUri"/> is null.</exception>
    public AnswerCallOptions(string incomingCallContext, Uri callbackUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(incomingCallContext);
        ArgumentNullException.ThrowIfNull(callbackUri);
        IncomingCallContext = incomingCallContext;
        CallbackUri = callbackUri;
    }

    /// <summary>The opaque context from the IncomingCall event.</summary>
    public string IncomingCallContext { get; }

    /// <summary>Where the call's events are posted.</summary>
    public Uri CallbackUri { get; }

    /// <summary>The ACS user answering on behalf of the application; null (the default) sends none.</summary>
    public CommunicationUserIdentifier? AnsweredBy { get; set; }

    /// <summary>A value echoed in the events of this operation, to correlate them; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>The idempotency pair to send; null (the default) makes the client create a fresh pair for this call, reused across its own retries.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }

    /// <summary>The Cognitive Services endpoint for text-to-speech and speech recognition (wire <c>callIntelligenceOptions</c>); null (the default) sends none.</summary>
    public CallIntelligenceOptions? CallIntelligenceOptions { get; set; }

    /// <summary>Audio streaming of the call (wire <c>mediaStreamingOptions</c>); null (the default) sends none.</summary>
    public MediaStreamingOptions? MediaStreamingOptions { get; set; }

    /// <summary>Live transcription of the call (wire <c>transcriptionOptions</c>); null (the default) sends none.</summary>
    public TranscriptionOptions? TranscriptionOptions { get; set; }
}
