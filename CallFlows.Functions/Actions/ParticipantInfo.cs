namespace CallFlows.Functions.Actions;

/// <summary>A participant of a call, as flows and the status API see it.</summary>
/// <param name="RawId">The participant's raw id.</param>
/// <param name="IsMuted">Whether the participant is muted.</param>
/// <param name="IsOnHold">Whether the participant is on hold.</param>
public sealed record ParticipantInfo(string RawId, bool IsMuted, bool IsOnHold);
