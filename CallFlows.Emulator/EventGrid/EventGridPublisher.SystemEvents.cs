using System.Text.Json.Nodes;
using CallFlows.Emulator.Observability;

namespace CallFlows.Emulator.EventGrid;

/// <summary>Publishing of Event Grid system events other than IncomingCall (e.g. RecordingFileStatusUpdated) to the subscriptions that take their type.</summary>
internal sealed partial class EventGridPublisher
{
    /// <summary>Sets the event types a registered webhook receives.</summary>
    /// <param name="webhook">The webhook.</param>
    /// <param name="eventTypes">The event types.</param>
    /// <returns>The updated subscription.</returns>
    public EventGridSubscription SetEventTypes(Uri webhook, IReadOnlyList<string> eventTypes)
    {
        var updated = _subscriptions[webhook] with { EventTypes = eventTypes.ToList() };
        _subscriptions[webhook] = updated;
        return updated;
    }

    /// <summary>Delivers an Event Grid-schema event to every subscription that takes its type, with the delivery retry policy.</summary>
    /// <param name="eventGridEvent">The event (Event Grid schema).</param>
    public void PublishEvent(JsonObject eventGridEvent)
    {
        var type = eventGridEvent["eventType"]!.GetValue<string>();
        foreach (var subscription in _subscriptions.Values.Where(s => s.Accepts(type)))
        {
            _deliveries.Add(Task.Run(() => DeliverEventAsync(eventGridEvent, type, subscription, _stopping.Token)));
        }
    }

    private async Task DeliverEventAsync(JsonObject eventGridEvent, string type, EventGridSubscription subscription, CancellationToken token)
    {
        var eventId = eventGridEvent["id"]!.GetValue<string>();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var deliveryCount = attempt - 1;
                var status = await WebhookAttempt.SendAsync(_http, () => subscription.Schema == EventGridDeliverySchema.CloudEvents
                    ? NewCloudEventRequest(subscription.Endpoint, eventGridEvent, subscription.Name, deliveryCount)
                    : NewRequest(subscription.Endpoint, eventGridEvent, "Notification", subscription.Name, deliveryCount),
                    _retry.AttemptTimeout, token);
                var delivered = status is >= 200 and < 300;
                var final = attempt >= _retry.MaxAttempts || IsDroppedAtOnce(status);
                Record(DeliveryChannel.EventGrid, eventId, type, subscription.Endpoint, attempt, status,
                    delivered ? DeliveryOutcome.Delivered : final ? DeliveryOutcome.GaveUp : DeliveryOutcome.WillRetry,
                    eventGridEvent["data"]!.AsObject(), duplicate: false);
                if (delivered || final)
                {
                    return;
                }

                await Task.Delay(_retry.DelayAfter(attempt), _time, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Emulator stopping.
        }
    }
}
