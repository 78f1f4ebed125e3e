namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallMedia.StartTranscriptionAsync(StartTranscriptionOptions, System.Threading.CancellationToken)"/> (POST <c>:startTranscription</c>): starts the live transcription (configured by <see cref="TranscriptionOptions"/> on the call).</summary>
public sealed class StartTranscriptionOptions
{
    /// <summary>The spoken locale, e.g. <c>en-US</c>; null (the default) sends none.</summary>
    public string? Locale { get; set; }

    /// <summary>A custom speech model endpoint id; null (the default) sends none.</summary>
    public string? SpeechModelEndpointId { get; set; }

    /// <summary>A value echoed in the events of this operation; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Where this operation's events go instead of the call's callback URI; null (the default) sends none.</summary>
    public Uri? OperationCallbackUri { get; set; }
}
