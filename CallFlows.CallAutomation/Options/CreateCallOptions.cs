namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallAutomationClient.CreateCallAsync(CreateCallOptions, System.Threading.CancellationToken)"/> (a 1:1 outbound call).</summary>
public sealed class CreateCallOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="callInvite">Whom to call.</param>
    /// <param name="callbackUri">Where the call's events are posted (HTTPS for the real service).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CreateCallOptions(CallInvite callInvite, Uri callbackUri)
    {
        ArgumentNullException.ThrowIfNull(callInvite);
        ArgumentNullException.ThrowIfNull(callbackUri);
        CallInvite = callInvite;
        CallbackUri = callbackUri;
    }

    /// <summary>Whom to call.</summary>
    public CallInvite CallInvite { get; }

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
