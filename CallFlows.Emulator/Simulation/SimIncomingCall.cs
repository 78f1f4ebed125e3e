using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation;

/// <summary>One IncomingCall: a ringing call to a number or user of the resource.</summary>
internal sealed class SimIncomingCall(string eventId, string context, string from, string to, SimCall call, DateTimeOffset placedAt)
{
    public string EventId { get; } = eventId;

    public string Context { get; } = context;

    public string From { get; } = from;

    public string To { get; } = to;

    public SimCall Call { get; } = call;

    public DateTimeOffset PlacedAt { get; } = placedAt;

    public IncomingCallState State { get; set; } = IncomingCallState.Ringing;

    public string? CallConnectionId { get; set; }

    public string? RedirectedTo { get; set; }

    public ITimer? RingTimer { get; set; }

    public ITimer? AbandonTimer { get; set; }

    /// <summary>The Event Grid event as first built (redeliveries post the same event).</summary>
    public required JsonObject EventGridEvent { get; init; }

    public IncomingCallSnapshot ToSnapshot() => new()
    {
        EventId = EventId,
        IncomingCallContext = Context,
        From = From,
        To = To,
        ServerCallId = Call.ServerCallId,
        CorrelationId = Call.CorrelationId,
        State = State,
        CallConnectionId = CallConnectionId,
        RedirectedTo = RedirectedTo,
        PlacedAt = PlacedAt,
    };
}
