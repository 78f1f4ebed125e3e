namespace CallFlows.CallAutomation;

/// <summary>Transcription was updated (e.g. a new locale) (CloudEvent type <c>Microsoft.Communication.TranscriptionUpdated</c>).</summary>
public sealed class TranscriptionUpdated : CallAutomationEventBase
{
    /// <summary>The transcription status and why it changed.</summary>
    public TranscriptionUpdate? TranscriptionUpdate { get; init; }
}
