namespace CallFlows.CallAutomation;

/// <summary>Transcription stopped (CloudEvent type <c>Microsoft.Communication.TranscriptionStopped</c>).</summary>
public sealed class TranscriptionStopped : CallAutomationEventBase
{
    /// <summary>The transcription status and why it changed.</summary>
    public TranscriptionUpdate? TranscriptionUpdate { get; init; }
}
