namespace CallFlows.Emulator.Simulation;

/// <summary>A point-in-time view of an incoming call placed to a number or user of the resource.</summary>
public sealed record IncomingCallSnapshot
{
    /// <summary>The Event Grid event id of the IncomingCall event (use it to redeliver).</summary>
    public required string EventId { get; init; }

    /// <summary>The opaque <c>incomingCallContext</c> the app passes to answer/reject/redirect.</summary>
    public required string IncomingCallContext { get; init; }

    /// <summary>Raw id of the caller.</summary>
    public required string From { get; init; }

    /// <summary>Raw id of the callee (an owned number or ACS user of the resource).</summary>
    public required string To { get; init; }

    /// <summary>The server call id.</summary>
    public required string ServerCallId { get; init; }

    /// <summary>The correlation id.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>The state of the incoming call.</summary>
    public required IncomingCallState State { get; init; }

    /// <summary>The call connection id once the app answered; otherwise null.</summary>
    public string? CallConnectionId { get; init; }

    /// <summary>The redirect target's raw id once redirected; otherwise null.</summary>
    public string? RedirectedTo { get; init; }

    /// <summary>When the call started ringing (emulator clock).</summary>
    public required DateTimeOffset PlacedAt { get; init; }
}
