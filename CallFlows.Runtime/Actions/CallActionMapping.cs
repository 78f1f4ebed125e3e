using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Actions;

/// <summary>Conversions between activity records (raw ids, plain maps) and the client's models.</summary>
internal static class CallActionMapping
{
    public static CommunicationIdentifier Identifier(string rawId) => CommunicationIdentifier.FromRawId(rawId);

    public static PhoneNumberIdentifier? PhoneNumber(string? rawId, string field)
    {
        if (string.IsNullOrEmpty(rawId))
        {
            return null;
        }

        return CommunicationIdentifier.FromRawId(rawId) as PhoneNumberIdentifier
            ?? throw new ArgumentException($"{field} '{rawId}' is not a phone number raw id (4:+...).", field);
    }

    public static CallInvite Invite(string targetRawId, string? callerIdRawId, string? displayName)
    {
        var target = Identifier(targetRawId);
        var callerId = PhoneNumber(callerIdRawId, "CallerId");
        var invite = target switch
        {
            PhoneNumberIdentifier phone => new CallInvite(phone, callerId
                ?? throw new ArgumentException($"Calling the phone number '{targetRawId}' needs a caller id.", nameof(callerIdRawId))),
            CommunicationUserIdentifier user => new CallInvite(user),
            MicrosoftTeamsUserIdentifier teamsUser => new CallInvite(teamsUser),
            MicrosoftTeamsAppIdentifier teamsApp => new CallInvite(teamsApp),
            _ => throw new ArgumentException($"'{targetRawId}' cannot be called.", nameof(targetRawId)),
        };
        invite.SourceDisplayName = displayName;
        return invite;
    }

    /// <summary>Copies headers given with their final keys into a context, which enforces the documented limits.</summary>
    public static void CopyHeaders(CustomCallingContext context, IReadOnlyDictionary<string, string>? sipHeaders, IReadOnlyDictionary<string, string>? voipHeaders)
    {
        foreach (var (key, value) in sipHeaders ?? new Dictionary<string, string>())
        {
            if (string.Equals(key, CustomCallingContext.SipUuiHeaderName, StringComparison.OrdinalIgnoreCase))
            {
                context.AddSipUui(value);
            }
            else if (key.StartsWith("X-MS-Custom-", StringComparison.OrdinalIgnoreCase))
            {
                context.AddSipX(key["X-MS-Custom-".Length..], value);
            }
            else if (key.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
            {
                context.AddSipX(key["X-".Length..], value, SipHeaderPrefix.X);
            }
            else
            {
                throw new ArgumentException($"SIP header '{key}' must be User-To-User or start with X-MS-Custom- or X-.", nameof(sipHeaders));
            }
        }

        foreach (var (key, value) in voipHeaders ?? new Dictionary<string, string>())
        {
            context.AddVoip(key, value);
        }
    }

    public static CallLocator Locator(CallLocatorKind kind, string id) => kind switch
    {
        CallLocatorKind.ServerCall => new ServerCallLocator(id),
        CallLocatorKind.GroupCall => new GroupCallLocator(id),
        CallLocatorKind.Room => new RoomCallLocator(id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown call locator kind."),
    };

    public static CallConnectionInfo Info(CallConnectionProperties properties) =>
        new(properties.CallConnectionId ?? throw new InvalidOperationException("The service returned no callConnectionId."),
            properties.ServerCallId, properties.CorrelationId, properties.CallConnectionState.ToString());

    /// <summary>The headers of a context as the activity records carry them (final keys), or nulls when empty.</summary>
    public static (Dictionary<string, string>? Sip, Dictionary<string, string>? Voip) Headers(CustomCallingContext? context) =>
        (Copy(context?.SipHeaders), Copy(context?.VoipHeaders));

    /// <summary>The kind and id the activity records carry for a call locator.</summary>
    public static (CallLocatorKind Kind, string Id) Locator(CallLocator locator) => locator switch
    {
        ServerCallLocator => (CallLocatorKind.ServerCall, locator.Id),
        GroupCallLocator => (CallLocatorKind.GroupCall, locator.Id),
        RoomCallLocator => (CallLocatorKind.Room, locator.Id),
        _ => throw new ArgumentException($"Unsupported call locator {locator.GetType().Name}.", nameof(locator)),
    };

    private static Dictionary<string, string>? Copy(IReadOnlyDictionary<string, string>? headers) =>
        headers is null || headers.Count == 0 ? null : new Dictionary<string, string>(headers, StringComparer.Ordinal);

    /// <summary>The <c>callIntelligenceOptions</c> of calls the app sets up: the configured Cognitive Services endpoint, if any.</summary>
    public static CallIntelligenceOptions? Intelligence(CallFlowsOptions options) =>
        options.Acs.CognitiveServicesEndpoint is { IsAbsoluteUri: true } endpoint ? new CallIntelligenceOptions { CognitiveServicesEndpoint = endpoint } : null;
}
