namespace CallFlows.CallAutomation;

/// <summary>Transcription started (CloudEvent type <c>Microsoft.Communication.TranscriptionStarted</c>).</summary>
public sealed class TranscriptionStarted : CallAutomationEventBase
{
    /// <summary>The transcription status and why it changed.</summary>
    public TranscriptionUpdate? TranscriptionUpdate { get; init; }
}
