namespace CallFlows.CallAutomation;

/// <summary>A participant was moved into this call (CloudEvent type <c>Microsoft.Communication.MoveParticipantSucceeded</c>).</summary>
public sealed class MoveParticipantSucceeded : CallAutomationEventBase
{
    /// <summary>The participant concerned.</summary>
    public CommunicationIdentifier? Participant { get; init; }

    /// <summary>The call connection id of the call the participant was moved from.</summary>
    public string? FromCall { get; init; }
}
