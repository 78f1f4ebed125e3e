namespace CallFlows.Runtime;

/// <summary>A recording a flow started (<see cref="CallFlowCall.StartRecordingAsync"/>): pass it to pause, resume, stop and <see cref="CallFlowCall.WaitForRecordingFileAsync"/>.</summary>
/// <param name="RecordingId">The ACS recording id.</param>
/// <param name="ServerCallId">The recorded call's server call id (the RecordingFileStatusUpdated event names it).</param>
public sealed record CallFlowRecording(string RecordingId, string ServerCallId);
