
namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.CancelAddParticipant"/>.</summary>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="CallConnectionId">The call.</param>
/// <param name="InvitationId">The invitation to cancel.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record CancelAddParticipantInput(CallActionIdentity Identity, string CallConnectionId, string InvitationId);
