namespace CallFlows.CallAutomation;

/// <summary>Adding a participant failed (declined, no answer, canceled...) (CloudEvent type <c>Microsoft.Communication.AddParticipantFailed</c>).</summary>
public sealed class AddParticipantFailed : CallAutomationEventBase
{
    /// <summary>The participant concerned.</summary>
    public CommunicationIdentifier? Participant { get; init; }
}
