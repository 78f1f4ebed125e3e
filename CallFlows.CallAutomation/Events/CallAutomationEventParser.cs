using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Messaging;

namespace CallFlows.CallAutomation;

/// <summary>
/// Parses the CloudEvents that Call Automation posts to a callback URI into <see cref="CallAutomationEventBase"/>
/// subclasses. The CloudEvent <c>type</c> (<c>Microsoft.Communication.&lt;Name&gt;</c>) is mapped through a table;
/// unknown types become <see cref="UnknownCallAutomationEvent"/>. Unknown <c>data</c> keys are ignored.
/// </summary>
public static class CallAutomationEventParser
{
    /// <summary>The prefix of every Call Automation CloudEvent type.</summary>
    public const string EventTypePrefix = "Microsoft.Communication.";

    // Data is bound by property name with the web defaults (camelCase, case-insensitive); identifiers use their own converter.
    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<string, Type> EventTypes = new[]
    {
        typeof(CallConnected), typeof(CallDisconnected), typeof(CreateCallFailed), typeof(AnswerFailed), typeof(ConnectFailed),
        typeof(ParticipantsUpdated), typeof(CallTransferAccepted), typeof(CallTransferFailed),
        typeof(AddParticipantSucceeded), typeof(AddParticipantFailed),
        typeof(CancelAddParticipantSucceeded), typeof(CancelAddParticipantFailed),
        typeof(RemoveParticipantSucceeded), typeof(RemoveParticipantFailed),
        typeof(MoveParticipantSucceeded), typeof(MoveParticipantFailed),
        typeof(PlayStarted), typeof(PlayCompleted), typeof(PlayFailed), typeof(PlayCanceled),
        typeof(RecognizeCompleted), typeof(RecognizeFailed), typeof(RecognizeCanceled), typeof(ContinuousDtmfRecognitionToneReceived),
        typeof(ContinuousDtmfRecognitionToneFailed), typeof(ContinuousDtmfRecognitionStopped), typeof(SendDtmfTonesCompleted), typeof(SendDtmfTonesFailed),
        typeof(HoldFailed), typeof(RecordingStateChanged), typeof(StartRecordingFailed), typeof(MediaStreamingStarted),
        typeof(MediaStreamingStopped), typeof(MediaStreamingFailed), typeof(TranscriptionStarted), typeof(TranscriptionStopped),
        typeof(TranscriptionFailed), typeof(TranscriptionUpdated),
    }.ToFrozenDictionary(type => EventTypePrefix + type.Name, StringComparer.Ordinal);

    /// <summary>The CloudEvent types this parser maps to a typed event, with the class each maps to.</summary>
    public static IReadOnlyDictionary<string, Type> KnownEventTypes => EventTypes;

    /// <summary>Parses a callback body and returns its first event (the service posts one event per request).</summary>
    /// <param name="json">A CloudEvent JSON object or a JSON array of them.</param>
    /// <returns>The first event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CallAutomationEventFormatException">The body is malformed or holds no event.</exception>
    public static CallAutomationEventBase Parse(BinaryData json)
    {
        var events = ParseMany(json);
        return events.Count > 0 ? events[0] : throw new CallAutomationEventFormatException("The callback body holds no event.");
    }

    /// <summary>Parses every event of a callback body.</summary>
    /// <param name="json">A CloudEvent JSON object or a JSON array of them.</param>
    /// <returns>The events in body order (an empty array gives an empty list).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CallAutomationEventFormatException">The body is malformed.</exception>
    public static IReadOnlyList<CallAutomationEventBase> ParseMany(BinaryData json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToMemory());
        }
        catch (JsonException exception)
        {
            throw new CallAutomationEventFormatException($"The callback body is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray().Select(ParseCloudEvent).ToList(),
                JsonValueKind.Object => [ParseCloudEvent(root)],
                _ => throw new CallAutomationEventFormatException($"The callback body must be a CloudEvent object or an array of them, not {root.ValueKind}."),
            };
        }
    }

    /// <summary>Converts an already parsed CloudEvent.</summary>
    /// <param name="cloudEvent">The CloudEvent.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cloudEvent"/> is null.</exception>
    /// <exception cref="CallAutomationEventFormatException">The data does not fit the event type.</exception>
    public static CallAutomationEventBase Parse(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        JsonElement? data = null;
        if (cloudEvent.Data is { } binary)
        {
            try
            {
                using var document = JsonDocument.Parse(binary.ToMemory());
                data = document.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw new CallAutomationEventFormatException($"The data of CloudEvent '{cloudEvent.Id}' is not valid JSON.", exception);
            }
        }

        return Create(cloudEvent.Type, cloudEvent.Id, cloudEvent.Time, data);
    }

    private static CallAutomationEventBase ParseCloudEvent(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CallAutomationEventFormatException($"Each callback event must be a JSON object, not {element.ValueKind}.");
        }

        var type = element.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        if (string.IsNullOrEmpty(type))
        {
            throw new CallAutomationEventFormatException("A callback event has no CloudEvent 'type'.");
        }

        var id = element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        DateTimeOffset? time = null;
        if (element.TryGetProperty("time", out var timeElement) && timeElement.ValueKind == JsonValueKind.String)
        {
            time = timeElement.TryGetDateTimeOffset(out var parsed)
                ? parsed
                : throw new CallAutomationEventFormatException($"The 'time' of callback event '{id}' is not an RFC 3339 timestamp.");
        }

        JsonElement? data = element.TryGetProperty("data", out var dataElement) && dataElement.ValueKind != JsonValueKind.Null ? dataElement : null;
        return Create(type, id, time, data);
    }

    private static CallAutomationEventBase Create(string type, string? id, DateTimeOffset? time, JsonElement? data)
    {
        if (!EventTypes.TryGetValue(type, out var eventClass))
        {
            // Common fields are read leniently (an unknown event must never fail parsing), so logs can still correlate it.
            var common = data is { ValueKind: JsonValueKind.Object } d ? d : default;
            return new UnknownCallAutomationEvent
            {
                EventId = id,
                EventTime = time,
                EventType = type,
                Data = data is { } raw ? BinaryData.FromString(raw.GetRawText()) : null,
                CallConnectionId = LenientString(common, "callConnectionId"),
                ServerCallId = LenientString(common, "serverCallId"),
                CorrelationId = LenientString(common, "correlationId"),
                OperationContext = LenientString(common, "operationContext"),
                ResultInformation = LenientResultInformation(common),
            };
        }

        if (data is not { ValueKind: JsonValueKind.Object } payload)
        {
            throw new CallAutomationEventFormatException($"Callback event '{id}' of type '{type}' has no 'data' object.");
        }

        // The envelope, not the data, is authoritative for id/time/type (older payloads carried their own 'type' key in data).
        var node = JsonNode.Parse(payload.GetRawText())!.AsObject();
        foreach (var key in node.Select(p => p.Key).Where(k => k.Equals("eventId", StringComparison.OrdinalIgnoreCase)
                     || k.Equals("eventTime", StringComparison.OrdinalIgnoreCase) || k.Equals("eventType", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            node.Remove(key);
        }

        node["eventId"] = id;
        node["eventTime"] = time;
        node["eventType"] = type;
        try
        {
            return (CallAutomationEventBase)(node.Deserialize(eventClass, DataOptions)
                ?? throw new CallAutomationEventFormatException($"Callback event '{id}' of type '{type}' has null data."));
        }
        catch (JsonException exception)
        {
            throw new CallAutomationEventFormatException($"The data of callback event '{id}' does not fit {type}: {exception.Message}", exception);
        }
    }

    private static string? LenientString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ResultInformation? LenientResultInformation(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("resultInformation", out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return value.Deserialize<ResultInformation>(DataOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
