namespace CallFlows.CallAutomation;

/// <summary>Media streaming failed (CloudEvent type <c>Microsoft.Communication.MediaStreamingFailed</c>).</summary>
public sealed class MediaStreamingFailed : CallAutomationEventBase
{
    /// <summary>The streaming status and why it changed.</summary>
    public MediaStreamingUpdate? MediaStreamingUpdate { get; init; }
}
