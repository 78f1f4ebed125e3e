using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Emulator.EventGrid;

/// <summary>
/// Plays Event Grid for the resource's system topic: validates webhooks with the SubscriptionValidationEvent handshake and
/// delivers IncomingCall events in the Event Grid schema with Event Grid's headers, retrying on the configured schedule
/// (Event Grid's own by default) while the call still rings.
/// </summary>
internal sealed partial class EventGridPublisher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Uri, EventGridSubscription> _subscriptions = new();
    private readonly ConcurrentDictionary<(string EventId, string Subscription), int> _deliveryCounts = new();
    private readonly ConcurrentBag<Task> _deliveries = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http;
    private readonly EmulatorLog<DeliveryRecord> _log;
    private readonly DeliveryRetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _topic;
    private Uri? _endpoint;

    public EventGridPublisher(HttpClient http, EmulatorLog<DeliveryRecord> log, DeliveryRetryPolicy retry, TimeProvider time, ILogger logger, string topic)
    {
        (_http, _log, _retry, _time, _logger, _topic) = (http, log, retry, time, logger, topic);
    }

    public Func<SimIncomingCall, bool> IsRinging { get; set; } = _ => true;

    public IReadOnlyList<EventGridSubscription> Subscriptions => _subscriptions.Values.ToList();

    public void SetEndpoint(Uri endpoint) => _endpoint = endpoint;

    public async Task<EventGridSubscription> RegisterAsync(Uri webhook, string? name, EventGridDeliverySchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (!webhook.IsAbsoluteUri || (webhook.Scheme != Uri.UriSchemeHttp && webhook.Scheme != Uri.UriSchemeHttps))
        {
            throw new EventGridValidationException($"'{webhook}' is not an absolute http(s) URI.");
        }

        var subscriptionName = (name ?? "EMULATOR-SUBSCRIPTION-" + (_subscriptions.Count + 1).ToString(CultureInfo.InvariantCulture)).ToUpperInvariant();
        if (schema == EventGridDeliverySchema.CloudEvents)
        {
            return await RegisterCloudEventsAsync(webhook, subscriptionName, cancellationToken);
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var eventId = Guid.NewGuid().ToString();
        var validationEvent = new JsonObject
        {
            ["id"] = eventId,
            ["topic"] = _topic,
            ["subject"] = string.Empty,
            ["data"] = new JsonObject
            {
                ["validationCode"] = code,
                ["validationUrl"] = _endpoint is null ? null : new Uri(_endpoint, $"emulator/eventgrid/validate?code={code}").AbsoluteUri,
            },
            ["eventType"] = "Microsoft.EventGrid.SubscriptionValidationEvent",
            ["eventTime"] = Now(),
            ["metadataVersion"] = "1",
            ["dataVersion"] = "2",
        };

        int? status = null;
        string? reason = null;
        try
        {
            using var request = NewRequest(webhook, validationEvent, "SubscriptionValidation", subscriptionName, deliveryCount: 0);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(30));
            using var response = await _http.SendAsync(request, cts.Token);
            status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cts.Token);
            if (status != 200)
            {
                reason = $"the webhook answered {status}; Event Grid requires 200 with {{\"validationResponse\": code}} (202 is not accepted).";
            }
            else
            {
                string? echoed = null;
                try
                {
                    echoed = JsonNode.Parse(text)?["validationResponse"]?.GetValue<string>();
                }
                catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
                {
                    echoed = null;
                }

                if (!string.Equals(echoed, code, StringComparison.Ordinal))
                {
                    reason = $"the 200 body did not echo the validation code as {{\"validationResponse\": \"{code}\"}} (body: {Truncate(text)}).";
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            reason = $"the webhook could not be reached ({ex.Message}).";
        }

        Record(DeliveryChannel.EventGridValidation, eventId, "Microsoft.EventGrid.SubscriptionValidationEvent", webhook, 1, status,
            reason is null ? DeliveryOutcome.Delivered : DeliveryOutcome.GaveUp, validationEvent["data"]!.AsObject(), duplicate: false);
        if (reason is not null)
        {
            Logs.EventGridValidationFailed(_logger, webhook, reason);
            throw new EventGridValidationException($"Webhook '{webhook}' failed the Event Grid validation handshake: {reason}");
        }

        var subscription = new EventGridSubscription(subscriptionName, webhook);
        _subscriptions[webhook] = subscription;
        Logs.EventGridValidated(_logger, webhook, subscriptionName);
        return subscription;
    }

    private async Task<EventGridSubscription> RegisterCloudEventsAsync(Uri webhook, string subscriptionName, CancellationToken cancellationToken)
    {
        // CloudEvents abuse protection (PROTOCOL.md §8.4): OPTIONS with WebHook-Request-Origin; the endpoint consents by
        // echoing the origin (or "*") in WebHook-Allowed-Origin with a 200.
        const string origin = "eventgrid.azure.net";
        int? status = null;
        string? reason = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, webhook);
            request.Headers.Add("WebHook-Request-Origin", origin);
            request.Headers.Add("WebHook-Request-Rate", "120");
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(30));
            using var response = await _http.SendAsync(request, cts.Token);
            status = (int)response.StatusCode;
            var allowed = response.Headers.TryGetValues("WebHook-Allowed-Origin", out var values) ? values.FirstOrDefault() : null;
            if (status != 200)
            {
                reason = $"the webhook answered OPTIONS with {status}; the CloudEvents handshake needs 200.";
            }
            else if (allowed != origin && allowed != "*")
            {
                reason = $"the OPTIONS response did not allow origin '{origin}' (WebHook-Allowed-Origin: {allowed ?? "missing"}).";
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            reason = $"the webhook could not be reached ({ex.Message}).";
        }

        Record(DeliveryChannel.EventGridValidation, Guid.NewGuid().ToString(), "CloudEvents.AbuseProtection", webhook, 1, status,
            reason is null ? DeliveryOutcome.Delivered : DeliveryOutcome.GaveUp, new JsonObject { ["origin"] = origin }, duplicate: false);
        if (reason is not null)
        {
            Logs.EventGridValidationFailed(_logger, webhook, reason);
            throw new EventGridValidationException($"Webhook '{webhook}' failed the CloudEvents validation handshake: {reason}");
        }

        var subscription = new EventGridSubscription(subscriptionName, webhook, EventGridDeliverySchema.CloudEvents);
        _subscriptions[webhook] = subscription;
        Logs.EventGridValidated(_logger, webhook, subscriptionName);
        return subscription;
    }

    public void Publish(SimIncomingCall incoming)
    {
        foreach (var subscription in _subscriptions.Values.Where(s => s.Accepts(EventGridSubscription.IncomingCallEventType)))
        {
            _deliveries.Add(Task.Run(() => DeliverWithRetriesAsync(incoming, subscription, _stopping.Token)));
        }
    }

    public void Redeliver(SimIncomingCall incoming)
    {
        foreach (var subscription in _subscriptions.Values.Where(s => s.Accepts(EventGridSubscription.IncomingCallEventType)))
        {
            _deliveries.Add(Task.Run(() => PostAsync(incoming, subscription, duplicate: true, _stopping.Token)));
        }
    }

    private async Task DeliverWithRetriesAsync(SimIncomingCall incoming, EventGridSubscription subscription, CancellationToken token)
    {
        var published = _time.GetUtcNow();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                Task? retry = null;
                var failedAttempt = attempt;
                await PostAsync(incoming, subscription, duplicate: false, token, status =>
                {
                    if (failedAttempt >= _retry.MaxAttempts || IsDroppedAtOnce(status))
                    {
                        return DeliveryOutcome.GaveUp;
                    }

                    var delay = _retry.DelayAfter(failedAttempt);
                    if (_retry.TimeToLive is { } ttl && _time.GetUtcNow() + delay - published > ttl)
                    {
                        // The next attempt would fall after the subscription's event time-to-live.
                        return DeliveryOutcome.Expired;
                    }

                    // Armed before the attempt is reported: whoever sees WillRetry (a test driving a fake clock) finds
                    // the retry already scheduled.
                    retry = Task.Delay(delay, _time, token);
                    return DeliveryOutcome.WillRetry;
                });
                if (retry is null)
                {
                    return;
                }

                await retry;
                if (!IsRinging(incoming))
                {
                    // The call stopped ringing: an IncomingCall delivered now would be useless, so Event Grid's TTL ends here.
                    RecordExpired(incoming, subscription, attempt);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Emulator stopping.
        }
    }

    /// <summary>
    /// Event Grid's "no retry" codes for webhook endpoints: 400, 401, 403 and 413 are dead-lettered (or dropped) at once;
    /// every other failure, 404, 408 and 429 included, is retried on the schedule.
    /// </summary>
    private static bool IsDroppedAtOnce(int? status) => status is 400 or 401 or 403 or 413;

    private void RecordExpired(SimIncomingCall incoming, EventGridSubscription subscription, int attempt) =>
        Record(DeliveryChannel.EventGrid, incoming.EventId, "Microsoft.Communication.IncomingCall", subscription.Endpoint, attempt, null,
            DeliveryOutcome.Expired, incoming.EventGridEvent["data"]!.AsObject(), duplicate: false);

    /// <summary>Posts the event once and records the attempt; <paramref name="afterFailure"/> decides what a failed attempt leads to (default: nothing more).</summary>
    private async Task PostAsync(SimIncomingCall incoming, EventGridSubscription subscription, bool duplicate, CancellationToken token,
        Func<int?, DeliveryOutcome>? afterFailure = null)
    {
        var attempt = _deliveryCounts.AddOrUpdate((incoming.EventId, subscription.Name), 1, (_, n) => n + 1);
        var sentAt = _time.GetUtcNow();
        var status = await WebhookAttempt.SendAsync(_http, () => subscription.Schema == EventGridDeliverySchema.CloudEvents
            ? NewCloudEventRequest(subscription.Endpoint, incoming.EventGridEvent, subscription.Name, deliveryCount: attempt - 1)
            : NewRequest(subscription.Endpoint, incoming.EventGridEvent, "Notification", subscription.Name, deliveryCount: attempt - 1),
            _retry.AttemptTimeout, token);

        var outcome = status is >= 200 and < 300 ? DeliveryOutcome.Delivered
            : afterFailure?.Invoke(status) ?? DeliveryOutcome.GaveUp;
        Record(DeliveryChannel.EventGrid, incoming.EventId, "Microsoft.Communication.IncomingCall", subscription.Endpoint, attempt, status, outcome,
            incoming.EventGridEvent["data"]!.AsObject(), duplicate, sentAt);
    }

    private HttpRequestMessage NewRequest(Uri target, JsonObject eventGridEvent, string eventType, string subscriptionName, int deliveryCount)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(new JsonArray(eventGridEvent.DeepClone()).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("aeg-event-type", eventType);
        request.Headers.Add("aeg-subscription-name", subscriptionName);
        request.Headers.Add("aeg-delivery-count", deliveryCount.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("aeg-data-version", eventGridEvent["dataVersion"]?.GetValue<string>() ?? "1.0");
        request.Headers.Add("aeg-metadata-version", "1");
        return request;
    }

    private static HttpRequestMessage NewCloudEventRequest(Uri target, JsonObject eventGridEvent, string subscriptionName, int deliveryCount)
    {
        // Event Grid's schema conversion: topic -> source, eventType -> type, eventTime -> time; one event per POST.
        var cloudEvent = new JsonObject
        {
            ["id"] = eventGridEvent["id"]!.DeepClone(),
            ["source"] = eventGridEvent["topic"]!.DeepClone(),
            ["subject"] = eventGridEvent["subject"]!.DeepClone(),
            ["type"] = eventGridEvent["eventType"]!.DeepClone(),
            ["time"] = eventGridEvent["eventTime"]!.DeepClone(),
            ["specversion"] = "1.0",
            ["datacontenttype"] = "application/json",
            ["data"] = eventGridEvent["data"]!.DeepClone(),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(cloudEvent.ToJsonString(), Encoding.UTF8, "application/cloudevents+json"),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        request.Headers.Add("aeg-subscription-name", subscriptionName);
        request.Headers.Add("aeg-delivery-count", deliveryCount.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("aeg-metadata-version", "1");
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");
        return request;
    }

    private void Record(DeliveryChannel channel, string eventId, string eventType, Uri target, int attempt, int? status, DeliveryOutcome outcome, JsonObject data, bool duplicate, DateTimeOffset? sentAt = null)
    {
        Logs.EventGridAttempt(_logger, eventType, eventId, target, attempt, status, outcome.ToString());
        _log.Add(new DeliveryRecord
        {
            Time = _time.GetUtcNow(),
            SentAt = sentAt,
            Channel = channel,
            EventId = eventId,
            EventType = eventType,
            TargetUri = target,
            Attempt = attempt,
            Status = status,
            Outcome = outcome,
            Data = (JsonObject)data.DeepClone(),
            IsDuplicate = duplicate,
        });
    }

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "...";

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAny(Task.WhenAll(_deliveries), Task.Delay(TimeSpan.FromSeconds(2)));
        _stopping.Dispose();
    }
}
