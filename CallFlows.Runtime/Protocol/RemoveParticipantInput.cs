
namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.RemoveParticipant"/>.</summary>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="CallConnectionId">The call.</param>
/// <param name="Participant">The raw id to remove.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record RemoveParticipantInput(CallActionIdentity Identity, string CallConnectionId, string Participant);
