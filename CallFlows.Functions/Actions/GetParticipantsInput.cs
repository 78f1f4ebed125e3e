namespace CallFlows.Functions.Actions;

/// <summary>Input of <see cref="CallActionNames.GetParticipants"/>.</summary>
/// <param name="CallConnectionId">The call.</param>
public sealed record GetParticipantsInput(string CallConnectionId);
