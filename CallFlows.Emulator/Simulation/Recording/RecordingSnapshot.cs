namespace CallFlows.Emulator.Simulation;

/// <summary>A recording as the emulator sees it.</summary>
/// <param name="RecordingId">The recording id handed to the application.</param>
/// <param name="ServerCallId">The recorded call.</param>
/// <param name="State"><c>active</c>, <c>inactive</c> (paused) or <c>stopped</c>.</param>
/// <param name="Captured">How long it captured (paused time excluded), up to the last state change.</param>
/// <param name="DocumentId">The file's document id once stopped, else null.</param>
public sealed record RecordingSnapshot(string RecordingId, string ServerCallId, string State, TimeSpan Captured, string? DocumentId);
