namespace CallFlows.CallAutomation;

/// <summary>
/// Parses an Event Grid delivery (Event Grid or CloudEvents schema) of the Call Automation system events this library
/// knows: subscription validation, <c>IncomingCall</c> and <c>RecordingFileStatusUpdated</c>; other types are reported as
/// <see cref="EventGridParseResultKind.Other"/>. <see cref="EventGridIncomingCallParser"/> is the same for an endpoint that
/// subscribes to incoming calls only (it reports recording events as <see cref="EventGridParseResultKind.Other"/>).
/// </summary>
public static class EventGridEventParser
{
    /// <summary>Parses every event of a delivery.</summary>
    /// <param name="json">The request body.</param>
    /// <returns>The events in body order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CallAutomationEventFormatException">The body or a known event's data is malformed.</exception>
    public static IReadOnlyList<EventGridParseResult> ParseMany(BinaryData json) => EventGridIncomingCallParser.ParseMany(json, readRecordingEvents: true);

    /// <summary>Parses a delivery and returns its first event.</summary>
    /// <param name="json">The request body.</param>
    /// <returns>The first event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CallAutomationEventFormatException">The body is malformed or holds no event.</exception>
    public static EventGridParseResult Parse(BinaryData json)
    {
        var results = ParseMany(json);
        return results.Count > 0 ? results[0] : throw new CallAutomationEventFormatException("The Event Grid delivery holds no event.");
    }
}
