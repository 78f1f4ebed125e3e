using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.StartRecording"/>.</summary>
/// <param name="InstanceId">The orchestration instance (recording state events go to its callback URI).</param>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="CallConnectionId">The call to record.</param>
/// <param name="Content">Audio or audio and video.</param>
/// <param name="Channel">Mixed or unmixed.</param>
/// <param name="Format">The file format.</param>
/// <param name="PauseOnStart">Starts paused.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record StartRecordingInput(
    string InstanceId, CallActionIdentity Identity, string CallConnectionId, RecordingContent Content, RecordingChannel Channel, RecordingFormat Format, bool PauseOnStart);
