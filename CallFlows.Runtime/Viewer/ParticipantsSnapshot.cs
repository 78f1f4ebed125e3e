namespace CallFlows.Runtime.Viewer;

/// <summary>The call's participants from one moment on (a <c>ParticipantsUpdated</c> event or the outcome).</summary>
/// <param name="Time">When the roster took this shape (UTC).</param>
/// <param name="Participants">The participants' raw ids.</param>
/// <param name="CallConnectionId">The call connection the roster belongs to, if known.</param>
public sealed record ParticipantsSnapshot(DateTimeOffset Time, IReadOnlyList<string> Participants, string? CallConnectionId);
