namespace CallFlows.Emulator.Simulation.Recording;

/// <summary>One recording of a call: its options, its state and how long it has captured.</summary>
internal sealed class SimRecording(string id, SimCall call, DateTimeOffset startedAt)
{
    public string Id { get; } = id;

    public SimCall Call { get; } = call;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public Uri? StateCallbackUri { get; init; }

    public string? CallConnectionId { get; init; }

    public string Format { get; init; } = "wav";

    public string Channel { get; init; } = "mixed";

    public string Content { get; init; } = "audio";

    /// <summary>active, inactive (paused) or stopped.</summary>
    public string State { get; set; } = "active";

    public DateTimeOffset? ActiveSince { get; set; }

    public TimeSpan Captured { get; set; }

    public string? DocumentId { get; set; }

    public RecordingSnapshot ToSnapshot() => new(Id, Call.ServerCallId, State, Captured, DocumentId);
}
