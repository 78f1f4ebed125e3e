namespace CallFlows.CallAutomation;

/// <summary>A play failed, e.g. the file could not be downloaded (400/8536) or text-to-speech failed (400/8565) (CloudEvent type <c>Microsoft.Communication.PlayFailed</c>).</summary>
public sealed class PlayFailed : CallAutomationEventBase
{
    /// <summary>The index of the play source that failed, when the service reports it.</summary>
    public int? FailedPlaySourceIndex { get; init; }
}
