namespace CallFlows.CallAutomation;

/// <summary>Transcription failed (CloudEvent type <c>Microsoft.Communication.TranscriptionFailed</c>).</summary>
public sealed class TranscriptionFailed : CallAutomationEventBase
{
    /// <summary>The transcription status and why it changed.</summary>
    public TranscriptionUpdate? TranscriptionUpdate { get; init; }
}
