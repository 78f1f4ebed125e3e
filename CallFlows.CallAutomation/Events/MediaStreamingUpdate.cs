namespace CallFlows.CallAutomation;

/// <summary>The state a media streaming event reports (wire <c>mediaStreamingUpdate</c>).</summary>
public sealed class MediaStreamingUpdate
{
    /// <summary>What is streamed, e.g. <c>Audio</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The status.</summary>
    public MediaStreamingStatus MediaStreamingStatus { get; init; }

    /// <summary>Why the status changed.</summary>
    public MediaStreamingStatusDetails MediaStreamingStatusDetails { get; init; }
}
