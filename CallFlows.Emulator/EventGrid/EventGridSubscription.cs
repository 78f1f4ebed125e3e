namespace CallFlows.Emulator.EventGrid;

/// <summary>An Event Grid webhook subscription that passed the validation handshake.</summary>
/// <param name="Name">The subscription name sent in <c>aeg-subscription-name</c>.</param>
/// <param name="Endpoint">The webhook URI.</param>
/// <param name="Schema">The delivery schema.</param>
public sealed record EventGridSubscription(string Name, Uri Endpoint, EventGridDeliverySchema Schema = EventGridDeliverySchema.EventGrid);
