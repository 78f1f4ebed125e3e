namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallMedia.StartMediaStreamingAsync(StartMediaStreamingOptions, System.Threading.CancellationToken)"/> (POST <c>:startMediaStreaming</c>): starts streaming the call's audio.</summary>
public sealed class StartMediaStreamingOptions
{
    /// <summary>A value echoed in the events of this operation; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Where this operation's events go instead of the call's callback URI; null (the default) sends none.</summary>
    public Uri? OperationCallbackUri { get; set; }
}
