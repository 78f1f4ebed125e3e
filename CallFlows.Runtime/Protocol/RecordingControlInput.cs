namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.PauseRecording"/>, <see cref="CallActionNames.ResumeRecording"/> and <see cref="CallActionNames.StopRecording"/>.</summary>
/// <param name="Identity">Operation context (for the logs).</param>
/// <param name="RecordingId">The recording.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record RecordingControlInput(CallActionIdentity Identity, string RecordingId);
