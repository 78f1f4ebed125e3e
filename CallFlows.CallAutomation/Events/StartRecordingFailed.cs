namespace CallFlows.CallAutomation;

/// <summary>Starting a recording failed (CloudEvent type <c>Microsoft.Communication.StartRecordingFailed</c>).</summary>
public sealed class StartRecordingFailed : CallAutomationEventBase
{
    /// <summary>The recording id.</summary>
    public string? RecordingId { get; init; }
}
