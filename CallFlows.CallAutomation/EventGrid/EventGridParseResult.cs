namespace CallFlows.CallAutomation;

/// <summary>One parsed Event Grid event: a subscription validation, an <see cref="CallAutomation.IncomingCall"/>, or another type.</summary>
public sealed class EventGridParseResult
{
    private EventGridParseResult(EventGridParseResultKind kind, string eventId, string eventType)
    {
        Kind = kind;
        EventId = eventId;
        EventType = eventType;
    }

    /// <summary>What the event is.</summary>
    public EventGridParseResultKind Kind { get; }

    /// <summary>The event id.</summary>
    public string EventId { get; }

    /// <summary>The event type, e.g. <c>Microsoft.Communication.IncomingCall</c>.</summary>
    public string EventType { get; }

    /// <summary>For <see cref="EventGridParseResultKind.SubscriptionValidation"/>: the code to echo as <c>validationResponse</c>.</summary>
    public string? ValidationCode { get; private init; }

    /// <summary>For <see cref="EventGridParseResultKind.SubscriptionValidation"/>: the URL for manual validation, if given.</summary>
    public Uri? ValidationUrl { get; private init; }

    /// <summary>For <see cref="EventGridParseResultKind.IncomingCall"/>: the call.</summary>
    public IncomingCall? IncomingCall { get; private init; }

    /// <summary>The recording event, when <see cref="Kind"/> is <see cref="EventGridParseResultKind.RecordingFileStatusUpdated"/> (only <see cref="EventGridEventParser"/> reads it).</summary>
    public RecordingFileStatusUpdated? RecordingFileStatusUpdated { get; private init; }

    internal static EventGridParseResult ForValidation(string eventId, string eventType, string validationCode, Uri? validationUrl) =>
        new(EventGridParseResultKind.SubscriptionValidation, eventId, eventType) { ValidationCode = validationCode, ValidationUrl = validationUrl };

    internal static EventGridParseResult ForIncomingCall(string eventId, string eventType, IncomingCall incomingCall) =>
        new(EventGridParseResultKind.IncomingCall, eventId, eventType) { IncomingCall = incomingCall };

    internal static EventGridParseResult ForRecordingFileStatusUpdated(string eventId, string eventType, RecordingFileStatusUpdated recording) =>
        new(EventGridParseResultKind.RecordingFileStatusUpdated, eventId, eventType) { RecordingFileStatusUpdated = recording };

    internal static EventGridParseResult ForOther(string eventId, string eventType) =>
        new(EventGridParseResultKind.Other, eventId, eventType);
}
