namespace CallFlows.CallAutomation;

/// <summary>A participant was added (CloudEvent type <c>Microsoft.Communication.AddParticipantSucceeded</c>).</summary>
public sealed class AddParticipantSucceeded : CallAutomationEventBase
{
    /// <summary>The participant concerned.</summary>
    public CommunicationIdentifier? Participant { get; init; }
}
