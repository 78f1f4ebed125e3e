namespace CallFlows.Runtime.Protocol;

/// <summary>The activity (function) names of the call actions.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class CallActionNames
{
    /// <summary>Answers an incoming call.</summary>
    public const string AnswerCall = "AnswerCall";

    /// <summary>Rejects an incoming call.</summary>
    public const string RejectCall = "RejectCall";

    /// <summary>Redirects an incoming call.</summary>
    public const string RedirectCall = "RedirectCall";

    /// <summary>Creates a 1:1 outbound call.</summary>
    public const string CreateCall = "CreateCall";

    /// <summary>Creates a group call.</summary>
    public const string CreateGroupCall = "CreateGroupCall";

    /// <summary>Connects to an existing call (server call, group call or room).</summary>
    public const string ConnectCall = "ConnectCall";

    /// <summary>Transfers a call to a participant.</summary>
    public const string TransferCall = "TransferCall";

    /// <summary>Adds a participant.</summary>
    public const string AddParticipant = "AddParticipant";

    /// <summary>Cancels a pending add-participant invitation.</summary>
    public const string CancelAddParticipant = "CancelAddParticipant";

    /// <summary>Removes a participant.</summary>
    public const string RemoveParticipant = "RemoveParticipant";

    /// <summary>Hangs up (the application's leg, or for everyone).</summary>
    public const string HangUp = "HangUp";

    /// <summary>Ends a call whose flow failed: transfers it to the configured fallback target, else hangs up for everyone.</summary>
    public const string EndAbandonedCall = "EndAbandonedCall";

    /// <summary>Plays a prompt.</summary>
    public const string Play = "Play";

    /// <summary>Recognizes keys, speech or choices.</summary>
    public const string Recognize = "Recognize";

    /// <summary>Puts a participant on hold.</summary>
    public const string Hold = "Hold";

    /// <summary>Takes a participant off hold.</summary>
    public const string Unhold = "Unhold";

    /// <summary>Mutes a participant.</summary>
    public const string Mute = "Mute";

    /// <summary>Sends DTMF tones to a participant.</summary>
    public const string SendDtmf = "SendDtmf";

    /// <summary>Starts continuous DTMF recognition.</summary>
    public const string StartContinuousDtmf = "StartContinuousDtmf";

    /// <summary>Stops continuous DTMF recognition.</summary>
    public const string StopContinuousDtmf = "StopContinuousDtmf";

    /// <summary>Starts recording the call.</summary>
    public const string StartRecording = "StartRecording";

    /// <summary>Pauses a recording.</summary>
    public const string PauseRecording = "PauseRecording";

    /// <summary>Resumes a recording.</summary>
    public const string ResumeRecording = "ResumeRecording";

    /// <summary>Stops a recording.</summary>
    public const string StopRecording = "StopRecording";

    /// <summary>The index orchestration that names the flow recording a server call (see <see cref="RecordingOwner"/>).</summary>
    public const string RecordingOwner = "CallFlowsRecordingOwner";
}
