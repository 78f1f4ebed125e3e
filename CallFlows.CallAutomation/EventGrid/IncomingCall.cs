namespace CallFlows.CallAutomation;

/// <summary>
/// An incoming call, from the Event Grid <c>Microsoft.Communication.IncomingCall</c> event. Serializable with
/// System.Text.Json (it is the input of the per-call orchestration). Pass <see cref="IncomingCallContext"/> unchanged
/// to answer, reject or redirect the call.
/// </summary>
public sealed class IncomingCall
{
    private readonly IReadOnlyDictionary<string, string> _sipHeaders = new Dictionary<string, string>();
    private readonly IReadOnlyDictionary<string, string> _voipHeaders = new Dictionary<string, string>();

    /// <summary>The Event Grid event id: unique per event, use it to drop duplicate deliveries.</summary>
    public string? EventId { get; init; }

    /// <summary>The Event Grid event time.</summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>The callee (an ACS user or a phone number owned by the resource).</summary>
    public CommunicationIdentifier? To { get; init; }

    /// <summary>The caller.</summary>
    public CommunicationIdentifier? From { get; init; }

    /// <summary>The server call id (for <see cref="ServerCallLocator"/>).</summary>
    public string? ServerCallId { get; init; }

    /// <summary>The caller's display name.</summary>
    public string? CallerDisplayName { get; init; }

    /// <summary>The opaque context to pass to answer/reject/redirect.</summary>
    public string? IncomingCallContext { get; init; }

    /// <summary>The SIP headers of the caller's custom calling context (keys compared case-insensitively by <see cref="GetSipHeader"/>).</summary>
    public IReadOnlyDictionary<string, string> SipHeaders
    {
        get => _sipHeaders;
        init => _sipHeaders = value ?? new Dictionary<string, string>();
    }

    /// <summary>The VoIP headers of the caller's custom calling context.</summary>
    public IReadOnlyDictionary<string, string> VoipHeaders
    {
        get => _voipHeaders;
        init => _voipHeaders = value ?? new Dictionary<string, string>();
    }

    /// <summary>The correlation id of the call.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The identity the call was placed on behalf of (Teams multipersona scenarios), if any.</summary>
    public CommunicationIdentifier? OnBehalfOfCallee { get; init; }

    /// <summary>Gets a SIP header by key, ignoring case (the UUI header appears as <c>User-To-User</c> or <c>user-To-User</c>).</summary>
    /// <param name="key">The header key, e.g. <c>User-To-User</c> or <c>X-MS-Custom-k</c>.</param>
    /// <returns>The value, or null when absent.</returns>
    public string? GetSipHeader(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SipHeaders.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
