namespace CallFlows.Emulator.Simulation;

/// <summary>A point-in-time view of one call connection of the emulator (the app's leg of a call).</summary>
public sealed record CallSnapshot
{
    /// <summary>The call connection id returned by create/answer/connect.</summary>
    public required string CallConnectionId { get; init; }

    /// <summary>The server call id of the underlying call.</summary>
    public required string ServerCallId { get; init; }

    /// <summary>The correlation id carried by every event of the call.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>How the connection was made: <c>create</c>, <c>answer</c> or <c>connect</c>.</summary>
    public required string Origin { get; init; }

    /// <summary>The wire <c>callConnectionState</c>: connecting, connected, transferring, disconnected...</summary>
    public required string State { get; init; }

    /// <summary>The participants other than the app itself.</summary>
    public required IReadOnlyList<ParticipantSnapshot> Participants { get; init; }

    /// <summary>The callback URI the events of the call go to.</summary>
    public required Uri CallbackUri { get; init; }

    /// <summary>Why the connection ended (e.g. <c>HungUpByApp</c>, <c>Terminated</c>, <c>RemoteHungUp</c>, <c>Transferred</c>, <c>CreateCallFailed</c>); null while live.</summary>
    public string? EndedReason { get; init; }

    /// <summary>When the connection was created (emulator clock).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the connection ended (emulator clock); null while live.</summary>
    public DateTimeOffset? EndedAt { get; init; }
}
