namespace CallFlows.CallAutomation;

/// <summary>The state a transcription event reports (wire <c>transcriptionUpdate</c>).</summary>
public sealed class TranscriptionUpdate
{
    /// <summary>The status.</summary>
    public TranscriptionStatus TranscriptionStatus { get; init; }

    /// <summary>Why the status changed.</summary>
    public TranscriptionStatusDetails TranscriptionStatusDetails { get; init; }
}
