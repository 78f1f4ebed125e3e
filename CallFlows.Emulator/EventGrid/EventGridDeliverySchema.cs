namespace CallFlows.Emulator.EventGrid;

/// <summary>The event schema an Event Grid subscription delivers in.</summary>
public enum EventGridDeliverySchema
{
    /// <summary>The Event Grid schema (a JSON array), validated with the SubscriptionValidationEvent handshake. The default.</summary>
    EventGrid,

    /// <summary>CloudEvents 1.0 (one structured event per POST), validated with the HTTP OPTIONS abuse-protection handshake.</summary>
    CloudEvents,
}
