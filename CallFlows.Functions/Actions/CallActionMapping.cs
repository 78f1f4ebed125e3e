using CallFlows.CallAutomation;

namespace CallFlows.Functions.Actions;

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

    public static ParticipantInfo Participant(CallParticipant participant) =>
        new(participant.Identifier?.RawId ?? string.Empty, participant.IsMuted, participant.IsOnHold);
}
