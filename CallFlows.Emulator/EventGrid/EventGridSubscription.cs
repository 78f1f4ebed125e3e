namespace CallFlows.Emulator.EventGrid;

/// <summary>An Event Grid webhook subscription that passed the validation handshake.</summary>
/// <param name="Name">The subscription name sent in <c>aeg-subscription-name</c>.</param>
/// <param name="Endpoint">The webhook URI.</param>
/// <param name="Schema">The delivery schema.</param>
public sealed record EventGridSubscription(string Name, Uri Endpoint, EventGridDeliverySchema Schema = EventGridDeliverySchema.EventGrid)
{
    /// <summary>The event types delivered (Event Grid's <c>includedEventTypes</c> filter); default <c>Microsoft.Communication.IncomingCall</c> only.</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = [IncomingCallEventType];

    internal const string IncomingCallEventType = "Microsoft.Communication.IncomingCall";

    /// <summary>Whether the subscription takes events of this type.</summary>
    /// <param name="eventType">The event type.</param>
    /// <returns>True when it is in <see cref="EventTypes"/>.</returns>
    public bool Accepts(string eventType) => EventTypes.Contains(eventType, StringComparer.OrdinalIgnoreCase);
}
