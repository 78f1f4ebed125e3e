namespace CallFlows.CallAutomation;

/// <summary>What an Event Grid event turned out to be.</summary>
public enum EventGridParseResultKind
{
    /// <summary>An event type this parser does not handle; acknowledge it and move on.</summary>
    Other = 0,

    /// <summary>The webhook handshake: answer 200 with <c>{"validationResponse": ValidationCode}</c>.</summary>
    SubscriptionValidation,

    /// <summary>An incoming call: see <see cref="EventGridParseResult.IncomingCall"/>.</summary>
    IncomingCall,

    /// <summary>A recording's files are ready (<c>Microsoft.Communication.RecordingFileStatusUpdated</c>; only <see cref="EventGridEventParser"/> reports it).</summary>
    RecordingFileStatusUpdated,
}
