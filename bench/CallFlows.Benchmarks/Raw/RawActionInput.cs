namespace CallFlows.Benchmarks.Raw;

/// <summary>Input of the raw add-participant and hang-up activities.</summary>
/// <param name="CallConnectionId">The call.</param>
/// <param name="ParticipantRawId">Whom to add (add only).</param>
internal sealed record RawActionInput(string CallConnectionId, string? ParticipantRawId = null);
