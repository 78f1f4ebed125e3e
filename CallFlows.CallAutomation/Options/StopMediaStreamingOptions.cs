namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallMedia.StopMediaStreamingAsync(StopMediaStreamingOptions, System.Threading.CancellationToken)"/> (POST <c>:stopMediaStreaming</c>): stops streaming the call's audio.</summary>
public sealed class StopMediaStreamingOptions
{
    /// <summary>A value echoed in the events of this operation; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Where this operation's events go instead of the call's callback URI; null (the default) sends none.</summary>
    public Uri? OperationCallbackUri { get; set; }
}
