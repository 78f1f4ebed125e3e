namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallAutomationClient.CreateGroupCallAsync(CreateGroupCallOptions, System.Threading.CancellationToken)"/> (one call to several targets).</summary>
public sealed class CreateGroupCallOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="targets">The participants to call; at least one.</param>
    /// <param name="callbackUri">Where the call's events are posted.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="targets"/> is empty or holds null.</exception>
    public CreateGroupCallOptions(IEnumerable<CommunicationIdentifier> targets, Uri callbackUri)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(callbackUri);
        var list = targets.ToList();
        if (list.Count == 0 || list.Any(t => t is null))
        {
            throw new ArgumentException("At least one target is required and none may be null.", nameof(targets));
        }

        Targets = list;
        CallbackUri = callbackUri;
    }

    /// <summary>The participants to call.</summary>
    public IReadOnlyList<CommunicationIdentifier> Targets { get; }

    /// <summary>Where the call's events are posted.</summary>
    public Uri CallbackUri { get; }

    /// <summary>The caller id number for PSTN targets; null (the default) sends none.</summary>
    public PhoneNumberIdentifier? SourceCallerIdNumber { get; set; }

    /// <summary>The display name shown to the callees; null (the default) sends none.</summary>
    public string? SourceDisplayName { get; set; }

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
