using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>
/// A participant of a call (wire <c>CallParticipant</c>). In events, an older payload whose participants are bare identifiers
/// is read too; a participant with neither shape makes the event invalid instead of yielding a participant without identifier.
/// </summary>
[JsonConverter(typeof(CallParticipantJsonConverter))]
public sealed class CallParticipant
{
    /// <summary>The participant's identifier.</summary>
    public CommunicationIdentifier? Identifier { get; init; }

    /// <summary>Whether the participant is muted.</summary>
    public bool IsMuted { get; init; }

    /// <summary>Whether the participant is on hold.</summary>
    public bool IsOnHold { get; init; }
}
