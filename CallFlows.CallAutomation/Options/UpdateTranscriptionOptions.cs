namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallMedia.UpdateTranscriptionAsync(UpdateTranscriptionOptions, System.Threading.CancellationToken)"/> (POST <c>:updateTranscription</c>): changes the transcription's locale or model.</summary>
public sealed class UpdateTranscriptionOptions
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
