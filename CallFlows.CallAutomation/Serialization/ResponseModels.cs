using System.Text.Json;

namespace CallFlows.CallAutomation.Serialization;

/// <summary>Reads the 2026-03-12 response bodies into the public result models; unknown fields are ignored.</summary>
internal static class ResponseModels
{
    public static CallConnectionProperties ReadCallConnectionProperties(JsonElement e) => new()
    {
        CallConnectionId = Str(e, "callConnectionId"),
        ServerCallId = Str(e, "serverCallId"),
        Targets = e.TryGetProperty("targets", out var targets) && targets.ValueKind == JsonValueKind.Array
            ? targets.EnumerateArray().Select(IdentifierWire.Read).ToList()
            : [],
        CallConnectionState = ParseState(Str(e, "callConnectionState")),
        CallbackUri = Str(e, "callbackUri") is { } callback && Uri.TryCreate(callback, UriKind.Absolute, out var callbackUri) ? callbackUri : null,
        SourceCallerIdNumber = Obj(e, "sourceCallerIdNumber") is { } source ? IdentifierWire.ReadPhoneNumberModel(source) : null,
        SourceDisplayName = Str(e, "sourceDisplayName"),
        Source = Obj(e, "source") is { } sourceIdentity ? IdentifierWire.Read(sourceIdentity) : null,
        CorrelationId = Str(e, "correlationId"),
        AnsweredBy = Obj(e, "answeredBy") is { } answeredBy ? IdentifierWire.ReadCommunicationUserModel(answeredBy) : null,
        AnsweredFor = Obj(e, "answeredFor") is { } answeredFor ? IdentifierWire.ReadPhoneNumberModel(answeredFor) : null,
    };

    public static CallParticipant ReadCallParticipant(JsonElement e) => new()
    {
        Identifier = Obj(e, "identifier") is { } identifier ? IdentifierWire.Read(identifier) : null,
        IsMuted = e.TryGetProperty("isMuted", out var muted) && muted.ValueKind == JsonValueKind.True,
        IsOnHold = e.TryGetProperty("isOnHold", out var onHold) && onHold.ValueKind == JsonValueKind.True,
    };

    public static AddParticipantResult ReadAddParticipantResult(JsonElement e) => new()
    {
        Participant = Obj(e, "participant") is { } participant ? ReadCallParticipant(participant) : null,
        OperationContext = Str(e, "operationContext"),
        InvitationId = Str(e, "invitationId"),
    };

    public static CancelAddParticipantOperationResult ReadCancelAddParticipantResult(JsonElement e) => new()
    {
        InvitationId = Str(e, "invitationId"),
        OperationContext = Str(e, "operationContext"),
    };

    public static MoveParticipantsResult ReadMoveParticipantsResult(JsonElement e) => new()
    {
        Participants = ReadParticipantArray(e, "participants"),
        OperationContext = Str(e, "operationContext"),
        FromCall = Str(e, "fromCall"),
    };

    public static IReadOnlyList<CallParticipant> ReadParticipantArray(JsonElement e, string name) =>
        e.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(ReadCallParticipant).ToList()
            : [];

    public static string? Str(JsonElement e, string name) => IdentifierWire.GetString(e, name);

    public static JsonElement? Obj(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    internal static CallConnectionState ParseState(string? value) => value switch
    {
        "connecting" => CallConnectionState.Connecting,
        "connected" => CallConnectionState.Connected,
        "transferring" => CallConnectionState.Transferring,
        "transferAccepted" => CallConnectionState.TransferAccepted,
        "disconnecting" => CallConnectionState.Disconnecting,
        "disconnected" => CallConnectionState.Disconnected,
        _ => CallConnectionState.Unknown,
    };
}
