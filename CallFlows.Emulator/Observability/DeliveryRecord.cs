using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Observability;

/// <summary>One attempt to deliver an event (callback or Event Grid), as logged by the emulator.</summary>
public sealed record DeliveryRecord
{
    /// <summary>When the attempt finished (emulator clock).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>
    /// When the attempt was sent (emulator clock), for callbacks and IncomingCall deliveries; null where not recorded. The receiver may act on the
    /// event before it answers, so a step measured from the event starts here, not at <see cref="Time"/>.
    /// </summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Callback or Event Grid.</summary>
    public required DeliveryChannel Channel { get; init; }

    /// <summary>The event id (CloudEvent <c>id</c> or Event Grid <c>id</c>); redeliveries and injected duplicates repeat it.</summary>
    public required string EventId { get; init; }

    /// <summary>The full event type, e.g. <c>Microsoft.Communication.CallConnected</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>The call connection id the event belongs to; null for Event Grid events.</summary>
    public string? CallConnectionId { get; init; }

    /// <summary>The URI the event was posted to.</summary>
    public required Uri TargetUri { get; init; }

    /// <summary>1-based attempt number for this event id.</summary>
    public required int Attempt { get; init; }

    /// <summary>The HTTP status the receiver answered, or null when there was no response (connection failure, timeout, dropped).</summary>
    public int? Status { get; init; }

    /// <summary>The outcome of the attempt.</summary>
    public required DeliveryOutcome Outcome { get; init; }

    /// <summary>The event's <c>data</c> object as sent.</summary>
    public required JsonObject Data { get; init; }

    /// <summary>True when this post is an injected duplicate or an explicit redelivery of an event already delivered.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Shorthand for the short event name (<c>CallConnected</c>).</summary>
    public string Name => EventType.StartsWith("Microsoft.Communication.", StringComparison.Ordinal) ? EventType["Microsoft.Communication.".Length..] : EventType;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Channel} {Name} call={CallConnectionId ?? "-"} attempt={Attempt} status={Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} {Outcome}{(IsDuplicate ? " (dup)" : "")} -> {TargetUri}";
}
