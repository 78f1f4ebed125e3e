namespace CallFlows.Emulator.Rest;

/// <summary>A call-control operation of the spec: its operationId, verb, request body definition and whether it takes repeatability headers.</summary>
internal sealed record CallingOperation(string Id, string Method, string? BodyDefinition, bool Repeatable)
{
    public static readonly CallingOperation CreateCall = new("CreateCall", "POST", "CreateCallRequest", true);
    public static readonly CallingOperation AnswerCall = new("AnswerCall", "POST", "AnswerCallRequest", true);
    public static readonly CallingOperation RedirectCall = new("RedirectCall", "POST", "RedirectCallRequest", true);
    public static readonly CallingOperation RejectCall = new("RejectCall", "POST", "RejectCallRequest", true);
    public static readonly CallingOperation Connect = new("Connect", "POST", "ConnectRequest", true);
    public static readonly CallingOperation GetCall = new("CallConnection_GetCall", "GET", null, false);
    public static readonly CallingOperation HangupCall = new("CallConnection_HangupCall", "DELETE", null, false);
    public static readonly CallingOperation TerminateCall = new("CallConnection_TerminateCall", "POST", null, true);
    public static readonly CallingOperation Transfer = new("CallConnection_TransferToParticipant", "POST", "TransferToParticipantRequest", true);
    public static readonly CallingOperation GetParticipants = new("CallConnection_GetParticipants", "GET", null, false);
    public static readonly CallingOperation GetParticipant = new("CallConnection_GetParticipant", "GET", null, false);
    public static readonly CallingOperation AddParticipant = new("CallConnection_AddParticipant", "POST", "AddParticipantRequest", true);
    public static readonly CallingOperation RemoveParticipant = new("CallConnection_RemoveParticipant", "POST", "RemoveParticipantRequest", true);
    public static readonly CallingOperation Mute = new("CallConnection_Mute", "POST", "MuteParticipantsRequest", true);
    public static readonly CallingOperation CancelAddParticipant = new("CallConnection_CancelAddParticipant", "POST", "CancelAddParticipantRequest", true);
    public static readonly CallingOperation MoveParticipants = new("CallConnection_MoveParticipants", "POST", "MoveParticipantsRequest", true);

    /// <summary>The media and recording operations of the spec: recognised, answered 501 (out of the emulator's scope).</summary>
    public static readonly CallingOperation NotEmulated = new("NotEmulated", "POST", null, false);
}
