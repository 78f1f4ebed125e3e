namespace CallFlows.CallAutomation;

/// <summary>Moving a participant into this call failed (CloudEvent type <c>Microsoft.Communication.MoveParticipantFailed</c>).</summary>
public sealed class MoveParticipantFailed : CallAutomationEventBase
{
    /// <summary>The participant concerned.</summary>
    public CommunicationIdentifier? Participant { get; init; }

    /// <summary>The call connection id of the call the participant was moved from.</summary>
    public string? FromCall { get; init; }
}
