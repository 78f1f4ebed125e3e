using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Protocol;

/// <summary>
/// One ACS callback event as raised into an orchestration under <see cref="CallFlowEvents.CallbackEventName"/>: the
/// CloudEvent id, type and time, the correlation keys, and the event's data as a JSON object (not a string). The flow
/// runtime parses it once, when it takes it from the event stream, into the typed event it then carries.
/// </summary>
/// <param name="EventId">The CloudEvent id (duplicates are dropped by it).</param>
/// <param name="EventType">The CloudEvent type, e.g. <c>Microsoft.Communication.CallConnected</c>.</param>
/// <param name="EventTime">The CloudEvent time.</param>
/// <param name="CallConnectionId">The call connection the event belongs to.</param>
/// <param name="OperationContext">The operation context of the action that caused the event, if any.</param>
/// <param name="Data">The event as JSON (the typed event's properties, or the raw data of an unknown type).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record CallbackEnvelope(
    string EventId,
    string EventType,
    DateTimeOffset? EventTime,
    string? CallConnectionId,
    string? OperationContext,
    JsonElement? Data)
{
    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The short event name (the CloudEvent type without <c>Microsoft.Communication.</c>).</summary>
    [JsonIgnore]
    public string Name => EventType.StartsWith(CallAutomationEventParser.EventTypePrefix, StringComparison.Ordinal)
        ? EventType[CallAutomationEventParser.EventTypePrefix.Length..]
        : EventType;

    /// <summary>Builds the envelope of a parsed callback event.</summary>
    /// <param name="callbackEvent">The event from <see cref="CallAutomationEventParser"/>.</param>
    /// <returns>The envelope.</returns>
    /// <exception cref="ArgumentException">The event has no id or type.</exception>
    public static CallbackEnvelope FromEvent(CallAutomationEventBase callbackEvent)
    {
        ArgumentNullException.ThrowIfNull(callbackEvent);
        if (string.IsNullOrEmpty(callbackEvent.EventId) || string.IsNullOrEmpty(callbackEvent.EventType))
        {
            throw new ArgumentException("A callback event needs a CloudEvent id and type.", nameof(callbackEvent));
        }

        JsonElement? data = callbackEvent switch
        {
            UnknownCallAutomationEvent { Data: { } raw } => TryParse(raw),
            UnknownCallAutomationEvent => null,
            _ => JsonSerializer.SerializeToElement(callbackEvent, callbackEvent.GetType(), DataOptions),
        };
        return new CallbackEnvelope(callbackEvent.EventId, callbackEvent.EventType, callbackEvent.EventTime,
            callbackEvent.CallConnectionId, callbackEvent.OperationContext, data);
    }

    /// <summary>Rebuilds the typed event (an <see cref="UnknownCallAutomationEvent"/> for types the client does not model).</summary>
    /// <returns>The event.</returns>
    /// <exception cref="CallAutomationEventFormatException">The data does not fit the type.</exception>
    public CallAutomationEventBase ToEvent()
    {
        if (!CallAutomationEventParser.KnownEventTypes.TryGetValue(EventType, out var type) || Data is not { ValueKind: JsonValueKind.Object } data)
        {
            return new UnknownCallAutomationEvent
            {
                EventId = EventId,
                EventType = EventType,
                EventTime = EventTime,
                CallConnectionId = CallConnectionId,
                OperationContext = OperationContext,
                Data = Data is { } raw ? BinaryData.FromString(raw.GetRawText()) : null,
            };
        }

        try
        {
            return (CallAutomationEventBase)(data.Deserialize(type, DataOptions)
                ?? throw new CallAutomationEventFormatException($"Callback event '{EventId}' has null data."));
        }
        catch (JsonException exception)
        {
            throw new CallAutomationEventFormatException($"Callback event '{EventId}' does not fit {EventType}: {exception.Message}", exception);
        }
    }

    private static JsonElement? TryParse(BinaryData raw)
    {
        try
        {
            return JsonDocument.Parse(raw).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(raw.ToString());
        }
    }
}
