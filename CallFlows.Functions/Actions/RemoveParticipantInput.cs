using CallFlows.Functions.Runtime;

namespace CallFlows.Functions.Actions;

/// <summary>Input of <see cref="CallActionNames.RemoveParticipant"/>.</summary>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="CallConnectionId">The call.</param>
/// <param name="Participant">The raw id to remove.</param>
public sealed record RemoveParticipantInput(CallActionIdentity Identity, string CallConnectionId, string Participant);
