namespace CallFlows.Emulator.Rest;

/// <summary>A call-control operation of the spec: its operationId, verb, request body definition and whether it takes repeatability headers.</summary>
internal sealed record CallingOperation(string Id, string Method, string? BodyDefinition, bool Repeatable, bool BodyOptional = false)
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
    public static readonly CallingOperation Play = new("CallMedia_Play", "POST", "PlayRequest", false);
    public static readonly CallingOperation Recognize = new("CallMedia_Recognize", "POST", "RecognizeRequest", false);
    public static readonly CallingOperation CancelAllMediaOperations = new("CallMedia_CancelAllMediaOperations", "POST", null, false);
    public static readonly CallingOperation StartContinuousDtmf = new("CallMedia_StartContinuousDtmfRecognition", "POST", "ContinuousDtmfRecognitionRequest", false);
    public static readonly CallingOperation StopContinuousDtmf = new("CallMedia_StopContinuousDtmfRecognition", "POST", "ContinuousDtmfRecognitionRequest", false);
    public static readonly CallingOperation SendDtmfTones = new("CallMedia_SendDtmfTones", "POST", "SendDtmfTonesRequest", true);
    public static readonly CallingOperation Hold = new("CallMedia_Hold", "POST", "HoldRequest", false);
    public static readonly CallingOperation Unhold = new("CallMedia_Unhold", "POST", "UnholdRequest", false);
    public static readonly CallingOperation StartMediaStreaming = new("CallMedia_StartMediaStreaming", "POST", "StartMediaStreamingRequest", false, BodyOptional: true);
    public static readonly CallingOperation StopMediaStreaming = new("CallMedia_StopMediaStreaming", "POST", "StopMediaStreamingRequest", false, BodyOptional: true);
    public static readonly CallingOperation StartTranscription = new("CallMedia_StartTranscription", "POST", "StartTranscriptionRequest", false, BodyOptional: true);
    public static readonly CallingOperation StopTranscription = new("CallMedia_StopTranscription", "POST", "StopTranscriptionRequest", false, BodyOptional: true);
    public static readonly CallingOperation UpdateTranscription = new("CallMedia_UpdateTranscription", "POST", "UpdateTranscriptionRequest", false, BodyOptional: true);
    public static readonly CallingOperation StartRecording = new("CallRecording_StartRecording", "POST", "StartCallRecordingRequest", true);
    public static readonly CallingOperation GetRecording = new("CallRecording_GetRecordingProperties", "GET", null, false);
    public static readonly CallingOperation StopRecording = new("CallRecording_StopRecording", "DELETE", null, false);
    public static readonly CallingOperation PauseRecording = new("CallRecording_PauseRecording", "POST", null, false);
    public static readonly CallingOperation ResumeRecording = new("CallRecording_ResumeRecording", "POST", null, false);
}
