namespace CallFlows.CallAutomation;

/// <summary>Media streaming started (CloudEvent type <c>Microsoft.Communication.MediaStreamingStarted</c>).</summary>
public sealed class MediaStreamingStarted : CallAutomationEventBase
{
    /// <summary>The streaming status and why it changed.</summary>
    public MediaStreamingUpdate? MediaStreamingUpdate { get; init; }
}
