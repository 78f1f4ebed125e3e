namespace CallFlows.CallAutomation;

/// <summary>Media streaming stopped (CloudEvent type <c>Microsoft.Communication.MediaStreamingStopped</c>).</summary>
public sealed class MediaStreamingStopped : CallAutomationEventBase
{
    /// <summary>The streaming status and why it changed.</summary>
    public MediaStreamingUpdate? MediaStreamingUpdate { get; init; }
}
