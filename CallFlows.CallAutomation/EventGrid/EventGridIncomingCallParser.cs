using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>
/// Parses what Event Grid posts to an incoming-call webhook, in the Event Grid schema or the CloudEvents 1.0 schema:
/// subscription validation events and <c>Microsoft.Communication.IncomingCall</c> events.
/// </summary>
/// <remarks>
/// The envelope and the validation data are read with Azure.Messaging.EventGrid; the IncomingCall data is read with
/// this library's identifier model because <see cref="AcsIncomingCallEventData"/> 4.17.0 lacks <c>onBehalfOfCallee</c>,
/// Teams app identifiers and the identifier <c>kind</c>.
/// </remarks>
public static class EventGridIncomingCallParser
{
    /// <summary>Parses an Event Grid delivery (a JSON array or a single event, either schema).</summary>
    /// <param name="json">The request body.</param>
    /// <returns>One result per event, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CallAutomationEventFormatException">The body is not valid JSON, not Event Grid/CloudEvents, or an IncomingCall lacks required data.</exception>
    public static IReadOnlyList<EventGridParseResult> ParseMany(BinaryData json) => ParseMany(json, readRecordingEvents: false);

    /// <summary>Parses a delivery, reading recording events too when <paramref name="readRecordingEvents"/> (see <see cref="EventGridEventParser"/>).</summary>
    /// <param name="json">The delivery.</param>
    /// <param name="readRecordingEvents">False reports recording events as <see cref="EventGridParseResultKind.Other"/>.</param>
    /// <returns>The events.</returns>
    internal static IReadOnlyList<EventGridParseResult> ParseMany(BinaryData json, bool readRecordingEvents)
    {
        ArgumentNullException.ThrowIfNull(json);
        bool isCloudEvents;
        try
        {
            using var document = JsonDocument.Parse(json.ToMemory());
            var root = document.RootElement;
            var first = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().FirstOrDefault() : root;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 0)
            {
                return [];
            }

            if (first.ValueKind != JsonValueKind.Object)
            {
                throw new CallAutomationEventFormatException("An Event Grid delivery must be an event object or an array of them.");
            }

            isCloudEvents = first.TryGetProperty("specversion", out _);
        }
        catch (JsonException exception)
        {
            throw new CallAutomationEventFormatException($"The Event Grid delivery is not valid JSON: {exception.Message}", exception);
        }

        try
        {
            return isCloudEvents
                ? CloudEvent.ParseMany(json, skipValidation: false).Select(e => FromCloudEvent(e, readRecordingEvents)).ToList()
                : EventGridEvent.ParseMany(json).Select(e => FromEventGridEvent(e, readRecordingEvents)).ToList();
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException or InvalidOperationException)
        {
            throw new CallAutomationEventFormatException($"The Event Grid delivery is malformed: {exception.Message}", exception);
        }
    }

    /// <summary>Parses a delivery and returns its first event.</summary>
    /// <param name="json">The request body.</param>
    /// <returns>The first result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CallAutomationEventFormatException">The body is malformed or empty.</exception>
    public static EventGridParseResult Parse(BinaryData json)
    {
        var results = ParseMany(json);
        return results.Count > 0 ? results[0] : throw new CallAutomationEventFormatException("The Event Grid delivery holds no event.");
    }

    private static EventGridParseResult FromEventGridEvent(EventGridEvent gridEvent, bool readRecordingEvents)
    {
        if (gridEvent.EventType == SystemEventNames.EventGridSubscriptionValidation
            && gridEvent.TryGetSystemEventData(out var systemData) && systemData is SubscriptionValidationEventData validation)
        {
            return Validation(gridEvent.Id, gridEvent.EventType, validation);
        }

        if (readRecordingEvents && gridEvent.EventType == SystemEventNames.AcsRecordingFileStatusUpdated)
        {
            return EventGridParseResult.ForRecordingFileStatusUpdated(gridEvent.Id, gridEvent.EventType,
                RecordingFileStatusReader.Read(gridEvent.Id, gridEvent.EventTime, gridEvent.Subject, gridEvent.Data));
        }

        return gridEvent.EventType == SystemEventNames.AcsIncomingCall
            ? EventGridParseResult.ForIncomingCall(gridEvent.Id, gridEvent.EventType, ReadIncomingCall(gridEvent.Id, gridEvent.EventTime, gridEvent.Data))
            : EventGridParseResult.ForOther(gridEvent.Id, gridEvent.EventType);
    }

    private static EventGridParseResult FromCloudEvent(CloudEvent cloudEvent, bool readRecordingEvents)
    {
        if (cloudEvent.Type == SystemEventNames.EventGridSubscriptionValidation
            && cloudEvent.TryGetSystemEventData(out var systemData) && systemData is SubscriptionValidationEventData validation)
        {
            return Validation(cloudEvent.Id, cloudEvent.Type, validation);
        }

        if (readRecordingEvents && cloudEvent.Type == SystemEventNames.AcsRecordingFileStatusUpdated)
        {
            return EventGridParseResult.ForRecordingFileStatusUpdated(cloudEvent.Id, cloudEvent.Type,
                RecordingFileStatusReader.Read(cloudEvent.Id, cloudEvent.Time, cloudEvent.Subject, cloudEvent.Data));
        }

        return cloudEvent.Type == SystemEventNames.AcsIncomingCall
            ? EventGridParseResult.ForIncomingCall(cloudEvent.Id, cloudEvent.Type, ReadIncomingCall(cloudEvent.Id, cloudEvent.Time, cloudEvent.Data))
            : EventGridParseResult.ForOther(cloudEvent.Id, cloudEvent.Type);
    }

    private static EventGridParseResult Validation(string id, string type, SubscriptionValidationEventData validation)
    {
        if (string.IsNullOrEmpty(validation.ValidationCode))
        {
            throw new CallAutomationEventFormatException($"Subscription validation event '{id}' has no validationCode.");
        }

        var url = Uri.TryCreate(validation.ValidationUrl, UriKind.Absolute, out var parsed) ? parsed : null;
        return EventGridParseResult.ForValidation(id, type, validation.ValidationCode, url);
    }

    private static IncomingCall ReadIncomingCall(string id, DateTimeOffset? time, BinaryData? data)
    {
        if (data is null)
        {
            throw new CallAutomationEventFormatException($"IncomingCall event '{id}' has no data.");
        }

        try
        {
            using var document = JsonDocument.Parse(data.ToMemory());
            var e = document.RootElement;
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new CallAutomationEventFormatException($"The data of IncomingCall event '{id}' is not an object.");
            }

            var incomingCallContext = ResponseModels.Str(e, "incomingCallContext");
            if (string.IsNullOrEmpty(incomingCallContext))
            {
                throw new CallAutomationEventFormatException($"IncomingCall event '{id}' has no incomingCallContext.");
            }

            var customContext = ResponseModels.Obj(e, "customContext");
            return new IncomingCall
            {
                EventId = id,
                EventTime = time,
                To = ResponseModels.Obj(e, "to") is { } to ? IdentifierWire.Read(to) : null,
                From = ResponseModels.Obj(e, "from") is { } from ? IdentifierWire.Read(from) : null,
                ServerCallId = ResponseModels.Str(e, "serverCallId"),
                CallerDisplayName = ResponseModels.Str(e, "callerDisplayName"),
                IncomingCallContext = incomingCallContext,
                SipHeaders = ReadHeaders(customContext, "sipHeaders"),
                VoipHeaders = ReadHeaders(customContext, "voipHeaders"),
                CorrelationId = ResponseModels.Str(e, "correlationId"),
                OnBehalfOfCallee = ResponseModels.Obj(e, "onBehalfOfCallee") is { } callee ? IdentifierWire.Read(callee) : null,
            };
        }
        catch (JsonException exception)
        {
            throw new CallAutomationEventFormatException($"The data of IncomingCall event '{id}' is malformed: {exception.Message}", exception);
        }
    }

    private static Dictionary<string, string> ReadHeaders(JsonElement? customContext, string name)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (customContext is { } context && ResponseModels.Obj(context, name) is { } map)
        {
            foreach (var property in map.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    headers[property.Name] = property.Value.GetString()!;
                }
            }
        }

        return headers;
    }
}
