namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallAutomationClient.ConnectCallAsync(ConnectCallOptions, System.Threading.CancellationToken)"/> (join an existing call).</summary>
public sealed class ConnectCallOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="callLocator">The call to join.</param>
    /// <param name="callbackUri">Where the call's events are posted.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ConnectCallOptions(CallLocator callLocator, Uri callbackUri)
    {
        ArgumentNullException.ThrowIfNull(callLocator);
        ArgumentNullException.ThrowIfNull(callbackUri);
        CallLocator = callLocator;
        CallbackUri = callbackUri;
    }

    /// <summary>The call to join.</summary>
    public CallLocator CallLocator { get; }

    /// <summary>Where the call's events are posted.</summary>
    public Uri CallbackUri { get; }

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
