namespace CallFlows.CallAutomation;

/// <summary>A recording's id and state (wire <c>RecordingStateResponse</c>).</summary>
public sealed class RecordingStateResult
{
    /// <summary>The recording id: pass it to pause, resume, stop and get state.</summary>
    public string? RecordingId { get; init; }

    /// <summary>Active (capturing) or inactive (paused or not yet started).</summary>
    public RecordingState RecordingState { get; init; }

    /// <summary>Who records; null when the service did not say.</summary>
    public RecordingKind? RecordingKind { get; init; }
}
