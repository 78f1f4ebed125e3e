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
}
