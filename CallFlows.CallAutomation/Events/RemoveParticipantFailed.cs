namespace CallFlows.CallAutomation;

/// <summary>Removing a participant failed (CloudEvent type <c>Microsoft.Communication.RemoveParticipantFailed</c>).</summary>
public sealed class RemoveParticipantFailed : CallAutomationEventBase
{
    /// <summary>The participant concerned.</summary>
    public CommunicationIdentifier? Participant { get; init; }
}
