namespace CallFlows.Functions.Actions;

/// <summary>What <see cref="CallActionNames.AddParticipant"/> returns.</summary>
/// <param name="InvitationId">The invitation id (to cancel the invitation).</param>
/// <param name="Participant">The raw id being added.</param>
public sealed record AddParticipantOutput(string? InvitationId, string Participant);
