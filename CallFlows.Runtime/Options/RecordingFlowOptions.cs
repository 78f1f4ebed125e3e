using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>Options of <see cref="CallFlowCall.StartRecordingAsync"/>.</summary>
public sealed class RecordingFlowOptions
{
    /// <summary>Audio or audio and video. Default audio.</summary>
    public RecordingContent Content { get; set; } = RecordingContent.Audio;

    /// <summary>Mixed (one channel) or unmixed (a channel per participant). Default mixed.</summary>
    public RecordingChannel Channel { get; set; } = RecordingChannel.Mixed;

    /// <summary>The file format. Default WAV.</summary>
    public RecordingFormat Format { get; set; } = RecordingFormat.Wav;

    /// <summary>Starts paused (resume with <see cref="CallFlowCall.ResumeRecordingAsync"/>). Default false.</summary>
    public bool PauseOnStart { get; set; }
}
