namespace CallFlows.Emulator.Simulation;

/// <summary>A participant of an emulated call as the service reports it.</summary>
/// <param name="RawId">Raw id of the participant (<c>4:+1555...</c>, <c>8:acs:...</c>).</param>
/// <param name="IsMuted">Whether the app muted the participant.</param>
/// <param name="IsOnHold">Whether the participant is on hold.</param>
public sealed record ParticipantSnapshot(string RawId, bool IsMuted, bool IsOnHold);
