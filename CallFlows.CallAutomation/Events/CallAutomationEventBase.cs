using System.Text.Json.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>
/// The base of every Call Automation callback event (the <c>data</c> of a <c>Microsoft.Communication.*</c> CloudEvent),
/// plus the CloudEvent id, time and type. Every event round-trips through System.Text.Json as its own type, and as
/// this base type too (a <c>$type</c> discriminator is written), so a flow can receive "any call event" as one type.
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(CallConnected), "CallConnected")]
[JsonDerivedType(typeof(CallDisconnected), "CallDisconnected")]
[JsonDerivedType(typeof(CreateCallFailed), "CreateCallFailed")]
[JsonDerivedType(typeof(AnswerFailed), "AnswerFailed")]
[JsonDerivedType(typeof(ConnectFailed), "ConnectFailed")]
[JsonDerivedType(typeof(ParticipantsUpdated), "ParticipantsUpdated")]
[JsonDerivedType(typeof(CallTransferAccepted), "CallTransferAccepted")]
[JsonDerivedType(typeof(CallTransferFailed), "CallTransferFailed")]
[JsonDerivedType(typeof(AddParticipantSucceeded), "AddParticipantSucceeded")]
[JsonDerivedType(typeof(AddParticipantFailed), "AddParticipantFailed")]
[JsonDerivedType(typeof(CancelAddParticipantSucceeded), "CancelAddParticipantSucceeded")]
[JsonDerivedType(typeof(CancelAddParticipantFailed), "CancelAddParticipantFailed")]
[JsonDerivedType(typeof(RemoveParticipantSucceeded), "RemoveParticipantSucceeded")]
[JsonDerivedType(typeof(RemoveParticipantFailed), "RemoveParticipantFailed")]
[JsonDerivedType(typeof(MoveParticipantSucceeded), "MoveParticipantSucceeded")]
[JsonDerivedType(typeof(MoveParticipantFailed), "MoveParticipantFailed")]
[JsonDerivedType(typeof(PlayStarted), "PlayStarted")]
[JsonDerivedType(typeof(PlayCompleted), "PlayCompleted")]
[JsonDerivedType(typeof(PlayFailed), "PlayFailed")]
[JsonDerivedType(typeof(PlayCanceled), "PlayCanceled")]
[JsonDerivedType(typeof(RecognizeCompleted), "RecognizeCompleted")]
[JsonDerivedType(typeof(RecognizeFailed), "RecognizeFailed")]
[JsonDerivedType(typeof(RecognizeCanceled), "RecognizeCanceled")]
[JsonDerivedType(typeof(ContinuousDtmfRecognitionToneReceived), "ContinuousDtmfRecognitionToneReceived")]
[JsonDerivedType(typeof(ContinuousDtmfRecognitionToneFailed), "ContinuousDtmfRecognitionToneFailed")]
[JsonDerivedType(typeof(ContinuousDtmfRecognitionStopped), "ContinuousDtmfRecognitionStopped")]
[JsonDerivedType(typeof(SendDtmfTonesCompleted), "SendDtmfTonesCompleted")]
[JsonDerivedType(typeof(SendDtmfTonesFailed), "SendDtmfTonesFailed")]
[JsonDerivedType(typeof(HoldFailed), "HoldFailed")]
[JsonDerivedType(typeof(RecordingStateChanged), "RecordingStateChanged")]
[JsonDerivedType(typeof(StartRecordingFailed), "StartRecordingFailed")]
[JsonDerivedType(typeof(MediaStreamingStarted), "MediaStreamingStarted")]
[JsonDerivedType(typeof(MediaStreamingStopped), "MediaStreamingStopped")]
[JsonDerivedType(typeof(MediaStreamingFailed), "MediaStreamingFailed")]
[JsonDerivedType(typeof(TranscriptionStarted), "TranscriptionStarted")]
[JsonDerivedType(typeof(TranscriptionStopped), "TranscriptionStopped")]
[JsonDerivedType(typeof(TranscriptionFailed), "TranscriptionFailed")]
[JsonDerivedType(typeof(TranscriptionUpdated), "TranscriptionUpdated")]
[JsonDerivedType(typeof(UnknownCallAutomationEvent), "UnknownCallAutomationEvent")]
public abstract class CallAutomationEventBase
{
    /// <summary>The call connection the event belongs to.</summary>
    public string? CallConnectionId { get; init; }

    /// <summary>The server call id.</summary>
    public string? ServerCallId { get; init; }

    /// <summary>The correlation id (a.k.a. chain id) of the call.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The operation context of the request that triggered the event, if it had one.</summary>
    public string? OperationContext { get; init; }

    /// <summary>The outcome of the operation or state change.</summary>
    public ResultInformation? ResultInformation { get; init; }

    /// <summary>The CloudEvent <c>id</c>: unique per event, use it to drop duplicate deliveries.</summary>
    public string? EventId { get; init; }

    /// <summary>The CloudEvent <c>time</c>.</summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>The CloudEvent <c>type</c>, e.g. <c>Microsoft.Communication.CallConnected</c>.</summary>
    public string? EventType { get; init; }
}
