namespace CallFlows.CallAutomation;

/// <summary>A recording became active or inactive (started, paused, resumed or stopped) (CloudEvent type <c>Microsoft.Communication.RecordingStateChanged</c>).</summary>
public sealed class RecordingStateChanged : CallAutomationEventBase
{
    /// <summary>The recording id.</summary>
    public string? RecordingId { get; init; }

    /// <summary>The new state.</summary>
    public RecordingState State { get; init; }

    /// <summary>When the recording started.</summary>
    public DateTimeOffset? StartDateTime { get; init; }

    /// <summary>Who records.</summary>
    public RecordingKind? RecordingKind { get; init; }
}
