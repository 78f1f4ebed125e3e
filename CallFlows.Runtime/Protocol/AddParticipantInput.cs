
namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.AddParticipant"/>.</summary>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="CallConnectionId">The call.</param>
/// <param name="Participant">The raw id to add.</param>
/// <param name="CallerId">The caller id raw id, required for PSTN participants.</param>
/// <param name="DisplayName">The display name shown to the participant.</param>
/// <param name="InvitationTimeoutSeconds">How long the invitation rings (1–180 s); null leaves it to ACS.</param>
/// <param name="SipHeaders">Custom SIP headers with their final keys.</param>
/// <param name="VoipHeaders">Custom VoIP headers.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record AddParticipantInput(
    CallActionIdentity Identity,
    string CallConnectionId,
    string Participant,
    string? CallerId = null,
    string? DisplayName = null,
    int? InvitationTimeoutSeconds = null,
    IReadOnlyDictionary<string, string>? SipHeaders = null,
    IReadOnlyDictionary<string, string>? VoipHeaders = null);
