namespace CallFlows.CallAutomation;

/// <summary>A participant was removed (CloudEvent type <c>Microsoft.Communication.RemoveParticipantSucceeded</c>).</summary>
public sealed class RemoveParticipantSucceeded : CallAutomationEventBase
{
    /// <summary>The participant concerned.</summary>
    public CommunicationIdentifier? Participant { get; init; }
}
