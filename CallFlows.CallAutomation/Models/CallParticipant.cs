namespace CallFlows.CallAutomation;

/// <summary>A participant of a call (wire <c>CallParticipant</c>).</summary>
public sealed class CallParticipant
{
    /// <summary>The participant's identifier.</summary>
    public CommunicationIdentifier? Identifier { get; init; }

    /// <summary>Whether the participant is muted.</summary>
    public bool IsMuted { get; init; }

    /// <summary>Whether the participant is on hold.</summary>
    public bool IsOnHold { get; init; }
}
