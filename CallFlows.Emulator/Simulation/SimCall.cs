namespace CallFlows.Emulator.Simulation;

/// <summary>One server-side call (conversation): people in it and the app connections attached to it.</summary>
internal sealed class SimCall(SimCallKind kind, string serverCallId, string correlationId)
{
    public SimCallKind Kind { get; } = kind;

    public string ServerCallId { get; } = serverCallId;

    public string CorrelationId { get; } = correlationId;

    public List<SimParticipant> Participants { get; } = [];

    public List<SimConnection> Connections { get; } = [];

    public bool Ended { get; set; }

    /// <summary>A call the app created with several targets: it goes on when the app hangs up without terminating it.</summary>
    public bool IsGroup { get; set; }

    public bool EndsWhenEmpty => Kind is SimCallKind.Outbound or SimCallKind.Inbound;

    public SimParticipant? Find(string rawId) => Participants.Find(p => p.RawId == rawId);
}
